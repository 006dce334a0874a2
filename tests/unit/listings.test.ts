import { describe, expect, it } from 'vitest';
import {
  CHANGES_PAGE_SIZE,
  FISCAL_YEAR_ONE_PAGE_WEIGHT,
  fiscalYearPages,
  fiscalYearRowWeight,
  budgetRankingPages,
  changesPages,
  meetingsPages,
  programsByBureauPages,
  programsByPlanPages,
} from '../../src/lib/listings.ts';
import { ONE_PAGE_LIMIT, PAGE_SIZE } from '../../src/lib/pagination.ts';
import { programYears, type RankedAmount } from '../../src/lib/fiscal-totals.ts';
import { repositoryCollections } from '../helpers/collections.ts';

type Any = any;
const program = (i: number): Any => ({
  id: `p-${i}`,
  name: { ja: `事業${i}`, en: `Program ${i}` },
  figures: [],
  plan_links: [],
});
const programs = (n: number) => Array.from({ length: n }, (_, i) => program(i));

/** N programs spread over plans of 3 sections × 4 initiatives, a tenth linked to no plan. */
function byPlan(n: number) {
  const all = programs(n);
  const linked = all.slice(0, Math.ceil(n * 0.9));
  const planCount = Math.max(1, Math.ceil(n / 200));
  const initiatives = planCount * 12;
  return {
    programsByPlan: Array.from({ length: planCount }, (_, p) => ({
      plan: { id: `plan-${p}` } as Any,
      sections: Array.from({ length: 3 }, (_, s) => ({
        issue: { id: `issue-${s}` } as Any,
        initiatives: Array.from({ length: 4 }, (_, g) => ({
          initiative: { id: `i-${g}` } as Any,
          programs: linked
            .filter((_, k) => k % initiatives === p * 12 + s * 4 + g)
            .map((pr) => ({ program: pr, relisted: false, uncertain: false })),
          indicators: [],
        })),
      })),
    })),
    programsWithoutPlan: all.slice(linked.length),
  };
}

const rowsOn = (page: { rows: unknown[] }[]) => page.reduce((n, r) => n + r.rows.length, 0);

describe('programsByPlanPages', () => {
  it('is one page at today’s size (about 115 rows), as the list was before pagination', () => {
    const list = programsByPlanPages(byPlan(115), 'ja');
    expect(list.pages).toHaveLength(1);
    expect(list.lengths).toEqual([115]);
  });

  it('holds at most PAGE_SIZE programs on every page at any size, and every program once', () => {
    for (const n of [ONE_PAGE_LIMIT + 1, 1000, 5000, 10000]) {
      const data = byPlan(n);
      const list = programsByPlanPages(data, 'en');
      expect(Math.max(...list.pages.map(rowsOn))).toBeLessThanOrEqual(PAGE_SIZE);
      expect(list.lengths.reduce((a, b) => a + b, 0)).toBe(n);
      // The table of contents knows the page each plan starts on, and the "no plan" group last.
      expect(list.planStarts.get('plan-0')).toBe(1);
      const noPlanPage = list.pages.findIndex((p) => p.some((r) => r.group.plan === undefined)) + 1;
      expect(list.planStarts.get(undefined)).toBe(noPlanPage);
      expect(list.pages.at(-1)!.at(-1)!.group.plan).toBeUndefined();
    }
  });
});

describe('programsByBureauPages', () => {
  it('cuts a bureau longer than a page into pages, its heading marked continued after the first', () => {
    const all = programs(1000);
    const bureau: Any = { id: 'b' };
    const list = programsByBureauPages({ programsByBureau: [{ bureau, programs: all }] }, 'ja');
    expect(list.pages.length).toBe(Math.ceil(1000 / PAGE_SIZE));
    expect(list.pages.every((p) => rowsOn(p) <= PAGE_SIZE)).toBe(true);
    expect(list.pages.slice(1).every((p) => p[0]!.continued)).toBe(true);
    expect(list.starts.get(bureau)).toBe(1);
  });
});

describe('budgetRankingPages', () => {
  const ranked = (n: number, parts: number): RankedAmount[] =>
    Array.from({ length: n }, (_, i) => ({
      amount: { program: program(i) } as Any,
      parts: Array.from({ length: parts }, () => ({ amount: {} as Any, depth: 1 })),
    }));

  it('numbers ranks across pages and keeps each program with its components', () => {
    const pages = budgetRankingPages(ranked(1000, 2));
    expect(pages[1]![0]!.rank).toBe(pages[0]!.length + 1);
    for (const page of pages)
      expect(page.reduce((n, r) => n + 1 + r.ranked.parts.length, 0)).toBeLessThanOrEqual(PAGE_SIZE);
    expect(pages.flat().map((r) => r.rank)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('is one page for a ranking of today’s size', () => {
    expect(budgetRankingPages(ranked(40, 1))).toHaveLength(1);
  });
});

describe('meetingsPages and changesPages', () => {
  it('hold at most a page of meetings however many committees meet, headings continued across pages', () => {
    for (const n of [10, 500, 5000]) {
      const meetingsByCommittee = Array.from({ length: Math.ceil(n / 20) }, (_, c) => ({
        committee: { id: `c-${c}` } as Any,
        years: Array.from({ length: 10 }, (_, y) => ({
          year: 2025 - y,
          meetings: [{ id: `m-${c}-${y}-1` }, { id: `m-${c}-${y}-2` }] as Any[],
        })),
      }));
      const list = meetingsPages({ meetingsByCommittee }, 'ja');
      expect(Math.max(...list.pages.map(rowsOn))).toBeLessThanOrEqual(n <= ONE_PAGE_LIMIT ? ONE_PAGE_LIMIT : PAGE_SIZE);
      expect(list.lengths.reduce((a, b) => a + b, 0)).toBe(meetingsByCommittee.length * 20);
    }
  });

  it('cut the change notes into pages of CHANGES_PAGE_SIZE, one page when there are few', () => {
    expect(changesPages(Array.from({ length: 12 }, (_, i) => i))).toHaveLength(1);
    const pages = changesPages(Array.from({ length: 5000 }, (_, i) => i));
    expect(pages.every((p) => p.length <= CHANGES_PAGE_SIZE)).toBe(true);
    expect(pages.flat()).toHaveLength(5000);
  });
});

describe('fiscalYearPages on today’s data', () => {
  it('keeps every fiscal year on one page, as before pagination', () => {
    const data = repositoryCollections();
    const weights = programYears(data.programs).map((year) => {
      const { pages } = fiscalYearPages(data.programs, data.plans, year);
      expect(pages, `FY${year}`).toHaveLength(1);
      return pages[0]!.reduce((n, run) => n + run.rows.reduce((m, r) => m + fiscalYearRowWeight(r), 0), 0);
    });
    expect(Math.max(...weights)).toBeLessThanOrEqual(FISCAL_YEAR_ONE_PAGE_WEIGHT);
    console.log('fiscal-year weights today:', weights.join(', '));
  });
});
