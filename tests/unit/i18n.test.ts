import { describe, expect, it } from 'vitest';
import ja from '../../src/i18n/ja.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };
import { globSync, readFileSync } from 'node:fs';
import { t } from '../../src/lib/i18n.ts';

const SRC = new URL('../../src/', import.meta.url).pathname;
/** Every source file that may use a UI string, as one text. */
const sourceText = globSync('**/*.{ts,astro,mdx}', { cwd: SRC })
  .map((f) => readFileSync(`${SRC}${f}`, 'utf8'))
  .join('\n');

describe('UI strings', () => {
  it('have identical keys in Japanese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });
  it('have no empty strings', () => {
    for (const [key, value] of [...Object.entries(ja), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('');
  });
  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) expect(names(en[key]), key).toEqual(names(ja[key]));
  });
  it('contain no Japanese in the English file', () => {
    const allowed = new Set(['lang.switch']); // the switch names the other language in that language
    for (const [key, value] of Object.entries(en))
      if (!allowed.has(key)) expect(value, key).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
  it('fill placeholders and refuse missing ones', () => {
    expect(t('en', 'home.planCount', { level: 'Issue', count: 5 })).toBe('Issue: 5');
    expect(() => t('en', 'home.planCount', { level: 'Issue' })).toThrow(/needs \{count\}/);
  });
  it('are all used somewhere in src/', () => {
    // A key is used when it is written as a string literal, or when a template literal builds it from a
    // prefix (`kind.${f.kind}`) and its last part is a value written somewhere in src/ (e.g. a schema enum).
    const prefixes = [...sourceText.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1]!);
    const quoted = (s: string) => sourceText.includes(`'${s}'`) || sourceText.includes(`"${s}"`);
    const unused = Object.keys(ja).filter((key) => {
      if (quoted(key)) return false;
      return !prefixes.some((p) => key.startsWith(p) && quoted(key.slice(p.length)));
    });
    expect(unused).toEqual([]);
  });
});
