import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatQuantity, formatWarekiDate, unitName } from '../../src/lib/format.ts';
import { UNIT_KEYS, isMoneyUnit } from '../../src/lib/units.ts';

describe('formatQuantity', () => {
  it('writes money in 千円 as 4,347千円 in Japanese and ¥4,347 thousand in English', () => {
    expect(formatQuantity(4347, '千円', 'ja')).toBe('4,347千円');
    expect(formatQuantity(4347, '千円', 'en')).toBe('¥4,347 thousand');
  });
  it('keeps the unit as printed in Japanese and translates it in English', () => {
    expect(formatQuantity(22, 'か所', 'ja')).toBe('22か所');
    expect(formatQuantity(22, 'か所', 'en')).toBe('22 locations');
    expect(formatQuantity(1, '回', 'en')).toBe('1 time');
    expect(formatQuantity(1768, '事業所', 'en')).toBe('1,768 offices');
  });
  it('keeps decimals such as 155.5日 and 67.4%', () => {
    expect(formatQuantity(155.5, '日', 'ja')).toBe('155.5日');
    expect(formatQuantity(67.4, '%', 'en')).toBe('67.4%');
  });
  it('converts 万円 to yen in English', () => {
    expect(formatQuantity(10, '万円', 'en')).toBe('¥100,000');
  });
});

describe('units', () => {
  it('has an English singular and plural for every unit', () => {
    for (const unit of UNIT_KEYS) expect(unitName(unit, 'en'), unit).toMatch(/\S/);
  });
  it('knows which units are money', () => {
    expect(isMoneyUnit('千円')).toBe(true);
    expect(isMoneyUnit('人')).toBe(false);
  });
});

describe('dates', () => {
  it('formats 2025-02-05 with the weekday in both languages', () => {
    expect(formatDate('2025-02-05', 'ja')).toBe('2025年2月5日（水）');
    expect(formatDate('2025-02-05', 'en')).toBe('Wednesday 5 February 2025');
  });
  it('writes the era date 令和7年2月5日 and 令和元年 for 2019', () => {
    expect(formatWarekiDate('2025-02-05')).toBe('令和7年2月5日');
    expect(formatWarekiDate('2019-07-01')).toBe('令和元年7月1日');
  });
  it('groups numbers', () => {
    expect(formatNumber(233453, 'ja')).toBe('233,453');
  });
});

describe('months', () => {
  it('write part-year periods per language', async () => {
    const { formatMonth } = await import('../../src/lib/format.ts');
    expect(formatMonth('2024-04', 'ja')).toBe('2024年4月');
    expect(formatMonth('2024-12', 'en')).toBe('Dec 2024');
    expect(formatDate('2024-07', 'en')).toBe('July 2024');
  });
});
