/** Data text is always escaped on output: no component or page renders a string as HTML. */
import { describe, expect, it } from 'vitest';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '../../src');
const JSON_LD = join(SRC, 'components/JsonLd.astro');
const files = (dir: string): string[] => globSync('**/*.{astro,mdx,ts}', { cwd: dir }).map((f) => join(dir, f));

describe('templates', () => {
  it('never use set:html, innerHTML or insertAdjacentHTML (JSON-LD aside, through its escaping function)', () => {
    const offenders = files(SRC).filter((f) =>
      /set:html|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([JSON_LD]);
    // The one exception writes JSON whose <, > and & are \u escapes, and nothing else.
    const matches = readFileSync(JSON_LD, 'utf8').match(/set:html=\{[^}]*\}/g);
    expect(matches).toEqual(['set:html={json}']);
    expect(readFileSync(JSON_LD, 'utf8')).toContain('const json = jsonForScript(Astro.props.value);');
  });
});
