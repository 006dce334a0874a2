import { describe, expect, it } from 'vitest';
import {
  fiscalYearAliases,
  fiscalYearLabel,
  fiscalYearLabelParts,
  formatFY,
  formatWareki,
  formatWarekiAbbr,
  parseFiscalYear,
} from '../../src/lib/fiscal-year.ts';

describe('parseFiscalYear', () => {
  it.each([
    ['令和元年度', 2019],
    ['平成31年度', 2019],
    ['令和7年度', 2025],
    ['令和６年度', 2024],
    ['R7', 2025],
    ['R6年度', 2024],
    ['r1', 2019],
    ['H30', 2018],
    ['平成三十年度', 2018],
    ['平成二十二年度', 2010],
    ['２０１９年度', 2019],
    ['2019年度', 2019],
    ['FY2019', 2019],
    ['FY 2024', 2024],
    ['ＦＹ２０２５', 2025],
    ['2025', 2025],
  ])('reads %s as %i', (input, year) => {
    expect(parseFiscalYear(input)).toBe(year);
  });

  it.each(['令和', 'R0', '令和0年度', 'FY19', 'next year', '', '平成十十年度'])('rejects %s', (input) => {
    expect(parseFiscalYear(input)).toBeUndefined();
  });
});

describe('formatting fiscal years', () => {
  it('names 2019 令和元年度, not 平成31年度 or 令和1年度', () => {
    expect(formatWareki(2019)).toBe('令和元年度');
  });
  it('names 2018 平成30年度 and 2025 令和7年度', () => {
    expect(formatWareki(2018)).toBe('平成30年度');
    expect(formatWareki(2025)).toBe('令和7年度');
  });
  it('writes FY2019 in English', () => {
    expect(formatFY(2019)).toBe('FY2019');
  });
  it('labels pages 令和7年度（2025年度） in Japanese and FY2025 in English', () => {
    expect(fiscalYearLabel(2025, 'ja')).toBe('令和7年度（2025年度）');
    expect(fiscalYearLabel(2025, 'en')).toBe('FY2025');
  });
  it('splits the label where a narrow column may break it, and abbreviates it R6 / H30', () => {
    expect(fiscalYearLabelParts(2024, 'ja')).toEqual(['令和6年度', '（2024年度）']);
    expect(fiscalYearLabelParts(2024, 'en')).toEqual(['FY2024']);
    expect([2018, 2019, 2024].map(formatWarekiAbbr)).toEqual(['H30', 'R1', 'R6']);
  });
  it('round-trips every year from 2000 to 2035 through its aliases', () => {
    for (let year = 2000; year <= 2035; year++) {
      for (const alias of fiscalYearAliases(year)) expect(parseFiscalYear(alias), alias).toBe(year);
    }
  });
  it('gives 2019 both era names among its aliases', () => {
    expect(fiscalYearAliases(2019)).toEqual(
      expect.arrayContaining(['令和元年度', '平成31年度', 'R1', 'H31', 'FY2019']),
    );
  });
});
