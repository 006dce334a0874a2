/** Data text is always escaped on output: no component or page renders a string as HTML. */
import { describe, expect, it } from 'vitest';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '../../src');
const files = (dir: string): string[] => globSync('**/*.{astro,mdx,ts}', { cwd: dir }).map((f) => join(dir, f));

describe('templates', () => {
  it('never use set:html, innerHTML or insertAdjacentHTML', () => {
    const offenders = files(SRC).filter((f) =>
      /set:html|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
