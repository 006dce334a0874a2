import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDay,
  formatFiscalYearAbbr,
  formatFiscalYearRange,
  formatFiscalYearRuns,
  formatList,
  formatListParts,
  formatMonth,
  formatNumber,
  formatNumbered,
  formatOrdinal,
  formatParen,
  formatParts,
  formatQuantity,
  formatRange,
  formatRangeParts,
  formatSeries,
  formatWarekiDate,
  formatter,
  unitName,
} from '../../src/lib/format.ts';
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
  it('writes a day without its weekday: 2026年11月25日 / 25 November 2026', () => {
    expect(formatDay('2026-11-25', 'ja')).toBe('2026年11月25日');
    expect(formatDay('2026-11-25', 'en')).toBe('25 November 2026');
    expect(formatFiscalYearAbbr(2024, 'ja')).toBe('R6');
    expect(formatFiscalYearAbbr(2024, 'en')).toBe('FY24');
  });
  it('groups numbers', () => {
    expect(formatNumber(233453, 'ja')).toBe('233,453');
  });
});

describe('months', () => {
  it('write part-year periods per language', () => {
    expect(formatMonth('2024-04', 'ja')).toBe('2024年4月');
    expect(formatMonth('2024-12', 'en')).toBe('Dec 2024');
    expect(formatDate('2024-07', 'en')).toBe('July 2024');
  });
});

describe('punctuation, lists and ranges', () => {
  it('list names with the language’s separator, with no "and" before the last', () => {
    expect(formatList(['A', 'B', 'C'], 'ja')).toBe('A、B、C');
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B, C');
    expect(formatListParts([1, 2], 'en')).toEqual([1, ', ', 2]);
    expect(formatListParts([1], 'ja')).toEqual([1]);
  });
  it('join items that hold commas, and parts of a line, unambiguously', () => {
    expect(formatSeries(['1,234', '5,678'], 'en')).toBe('1,234; 5,678');
    expect(formatSeries(['1,234', '5,678'], 'ja')).toBe('1,234、5,678');
    expect(formatParts(['会議', '配布資料3件'], 'ja')).toBe('会議・配布資料3件');
    expect(formatParts(['Council', '3 handouts'], 'en')).toBe('Council; 3 handouts');
  });
  it('write ranges the same way everywhere, open at either end, one label when the ends agree', () => {
    expect(formatRange('A', 'B', 'ja')).toBe('A～B');
    expect(formatRange('A', 'B', 'en')).toBe('A – B');
    expect(formatRange(undefined, 'B', 'en')).toBe('until B');
    expect(formatRange('A', undefined, 'ja')).toBe('A～');
    expect(formatRange('A', 'A', 'en')).toBe('A');
    expect(formatRange(undefined, undefined, 'en')).toBe('');
    expect(formatFiscalYearRange(2019, 2024, 'en')).toBe('FY2019 – FY2024');
    expect(formatFiscalYearRange(undefined, 2024, 'ja')).toBe('～令和6年度（2024年度）');
    expect(formatRangeParts('18:00', '19:30', 'ja')).toEqual(['18:00', '～', '19:30']);
    expect(formatRangeParts(undefined, 9, 'en')).toEqual(['until ', 9]);
    expect(formatFiscalYearRuns([2021, 2019, 2020, 2024], 'ja')).toBe('令和元年度～令和3年度、令和6年度');
    expect(formatFiscalYearRuns([2024, 2025], 'en')).toBe('FY2024, FY2025');
  });
  it('put asides in the language’s parentheses and number headings as documents do', () => {
    expect(formatParen('x', 'ja')).toBe('（x）');
    expect(formatParen('x', 'en')).toBe(' (x)');
    expect(formatNumbered('課題', 1, '人材', 'ja')).toBe('課題1：人材');
    expect(formatNumbered('Issue', 1, 'Staff', 'en')).toBe('Issue 1: Staff');
    expect(formatNumbered('Issue', undefined, 'Staff', 'en')).toBe('Staff');
    expect(formatOrdinal(2, 'en')).toBe('2nd');
    expect(formatOrdinal(13, 'en')).toBe('13th');
    expect(formatOrdinal(2, 'ja')).toBe('2');
  });
  it('bind every helper to one language for Astro.locals', () => {
    const fmt = formatter('en');
    expect(fmt.quantity(4347, '千円')).toBe('¥4,347 thousand');
    expect(fmt.langAttr('ja')).toBe('ja');
    expect(formatter('ja').langAttr('ja')).toBeUndefined();
  });
});

describe('formatDay', () => {
  it('writes the day a number describes without a weekday', () => {
    expect(formatDay('2024-10-01', 'ja')).toBe('2024年10月1日');
    expect(formatDay('2024-10-01', 'en')).toBe('1 October 2024');
  });
});
