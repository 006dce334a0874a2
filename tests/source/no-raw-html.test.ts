/** Data text is always escaped on output: no component or page renders a string as HTML. */
import { describe, expect, it } from 'vitest';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '../../src');
const JSON_LD = join(SRC, 'components/JsonLd.astro');
const files = (dir: string): string[] => globSync('**/*.{astro,mdx,ts}', { cwd: dir }).map((f) => join(dir, f));

/**
 * The one exception: the print-margin <style> (a <style> is raw text, so escaping HTML would break it; its
 * CSS comes from lib/print.ts printMarginCss, which CSS-escapes every string, < and > included).
 */
const PRINT_MARGINS = join(SRC, 'components/PrintMargins.astro');
const PRINT_MARGINS_LINE = '<style is:inline set:html={css}></style>';

describe('templates', () => {
  it('never use set:html, innerHTML or insertAdjacentHTML (JSON-LD and the print-margin style aside)', () => {
    const offenders = files(SRC).filter((f) => {
      let text = readFileSync(f, 'utf8');
      if (f === PRINT_MARGINS) text = text.replace(PRINT_MARGINS_LINE, '');
      return /set:html|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(text);
    });
    expect(offenders).toEqual([JSON_LD]);
    // The JSON-LD exception writes JSON whose <, > and & are \u escapes, and nothing else.
    const matches = readFileSync(JSON_LD, 'utf8').match(/set:html=\{[^}]*\}/g);
    expect(matches).toEqual(['set:html={json}']);
    expect(readFileSync(JSON_LD, 'utf8')).toContain('const json = jsonForScript(Astro.props.value);');
  });

  it('allow set:html only on the print-margin style, fed only by printMarginCss', () => {
    const text = readFileSync(PRINT_MARGINS, 'utf8');
    expect(text.split('set:html').length - 1).toBe(1);
    expect(text).toContain(PRINT_MARGINS_LINE);
    const base = readFileSync(join(SRC, 'layouts/Base.astro'), 'utf8');
    expect(base).toMatch(/<PrintMargins css=\{printCss\} \/>/);
    expect(base).toMatch(/const printCss = printMarginCss\(/);
  });
});
