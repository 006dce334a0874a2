import { describe, expect, it } from 'vitest';
import ja from '../../src/i18n/ja.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };
import { t } from '../../src/lib/i18n.ts';

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
    for (const [key, value] of Object.entries(en)) if (!allowed.has(key)) expect(value, key).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
  it('fill placeholders and refuse missing ones', () => {
    expect(t('en', 'home.count', { programs: 3, figures: 10, meetings: 1 })).toBe('3 programs, 10 figures, 1 meetings');
    expect(() => t('en', 'home.count', { programs: 3 })).toThrow(/needs \{figures\}/);
  });
});
