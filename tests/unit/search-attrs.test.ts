/** What each page kind tells the search index (src/lib/search-attrs.ts). */
import { describe, expect, it } from 'vitest';
import { fiscalYearOfDate, programYears } from '../../src/lib/search-attrs.ts';
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
});
