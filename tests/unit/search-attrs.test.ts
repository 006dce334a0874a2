/** What each page kind tells the search index (src/lib/search-attrs.ts). */
import { describe, expect, it } from 'vitest';
import { fiscalYearOfDate, programYears, searchProps } from '../../src/lib/search-attrs.ts';
import type { Relations } from '../../src/lib/relations.ts';
import type { Indicator } from '../../src/schemas/indicator.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import type { Program } from '../../src/schemas/program.ts';

describe('search props', () => {
  it('fiscal year of a date starts in April', () => {
    expect(fiscalYearOfDate('2025-02-05')).toBe(2024);
    expect(fiscalYearOfDate('2025-04-01')).toBe(2025);
    expect(fiscalYearOfDate('2019-04')).toBe(2019);
  });

  it('a program covers every year its data speaks about', () => {
    const program = {
      figures: [{ fiscal_year: 2024 }, { fiscal_year: 2025 }],
      narratives: [{ fiscal_year: 2023 }],
      marks: [],
      details: [{ fiscal_year: 2025 }, {}],
      funding: [{ fiscal_years: [2019] }],
      subsidy_rates: [],
      subsidy_caps: [],
      sites: [{ designated_by: 2024 }],
      span: { from: 2020, to: 2021 },
    } as unknown as Program;
    expect(programYears(program)).toEqual([2019, 2020, 2021, 2023, 2024, 2025]);
  });

  it('a 取組 page is a result of its own kind, filtered as its own 取組, covering the years of its narratives and figures', () => {
    const initiative = {
      title: { ja: '在宅医療・介護連携', en: 'Collaboration' },
      years: [{ fiscal_year: 2020 }, { fiscal_year: 2018 }],
      figures: [{ fiscal_year: 2021 }, { fiscal_year: 2018 }],
    } as unknown as Plan['initiatives'][number];
    expect(searchProps.initiative(initiative, 'ja')).toEqual({
      searchKind: 'initiative',
      searchYears: [2018, 2020, 2021],
      searchFilters: { initiative: ['在宅医療・介護連携'] },
    });
  });

  it('an indicator page is filtered by the 取組 it evaluates, and covers the years of its values', () => {
    const indicator = { series: [{ fiscal_year: 2017 }, { fiscal_year: 2016 }] } as unknown as Indicator;
    const title = (en: string) => ({ initiative: { title: { ja: en, en } } });
    const data = {
      indicator: () => ({
        listings: [{ placements: [title('Item 1')] }, { placements: [title('Item 1'), title('B')] }],
      }),
    } as unknown as Pick<Relations, 'indicator'>;
    expect(searchProps.indicator(indicator, data, 'en')).toEqual({
      searchKind: 'indicator',
      searchYears: [2016, 2017],
      searchFilters: { initiative: ['Item 1', 'B'] },
    });
  });
});
