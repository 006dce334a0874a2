/** Every municipality carries its 全国地方公共団体コード with a right check digit, one code each. */
import { describe, expect, it } from 'vitest';
import { repositoryCollections } from '../helpers/collections.ts';
import { checkDigitOf } from '../../src/lib/local-government-code.ts';

describe('municipality codes', () => {
  const { municipalities } = repositoryCollections();
  it('all 62 municipalities of Tokyo have distinct six-digit codes of prefecture 13', () => {
    expect(municipalities).toHaveLength(62);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(62);
    for (const m of municipalities) expect(m.code, m.id).toMatch(/^13\d{4}$/);
  });
  it.each(municipalities.map((m) => [m.name.ja, m.code] as const))('%s %s: the check digit is right', (_, code) => {
    expect(Number(code[5])).toBe(checkDigitOf(code.slice(0, 5)));
  });
  it('codes follow the kind: wards 131xx, cities 132xx, towns and villages 133xx–134xx', () => {
    for (const m of municipalities) {
      const group = m.code.slice(2, 3);
      expect(m.kind === 'ward' ? '1' : m.kind === 'city' ? '2' : ['3', '4']).toContain(group);
    }
  });
});
