import { describe, expect, it } from 'vitest';
import { CITED_BY_SHOWN, citedByKindPaths, citedByPages, citedByPath, citedBySummary } from '../../src/lib/cited-by.ts';
import { ONE_PAGE_LIMIT, PAGE_SIZE } from '../../src/lib/pagination.ts';

const entries = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const groups = (programs: number, meetings: number) =>
  [
    { kind: 'program', entries: entries('p', programs) },
    { kind: 'meeting', entries: entries('m', meetings) },
  ] as const;

describe('citedBySummary', () => {
  it('shows a short list whole, as the source page always did', () => {
    const s = citedBySummary(groups(12, 8));
    expect(s.complete).toBe(true);
    expect(s.total).toBe(20);
    expect(s.shown.map((g) => g.entries.length)).toEqual([12, 8]);
  });

  it('counts each kind and shows the first entries in the list order when the list is longer', () => {
    const s = citedBySummary(groups(15, 900));
    expect(s.complete).toBe(false);
    expect(s.total).toBe(915);
    expect(s.counts).toEqual([
      { kind: 'program', count: 15 },
      { kind: 'meeting', count: 900 },
    ]);
    expect(s.shown.flatMap((g) => g.entries)).toEqual([...entries('p', 15), ...entries('m', 5)]);
    expect(s.shown.flatMap((g) => g.entries)).toHaveLength(CITED_BY_SHOWN);
  });

  it('leaves out kinds without entries and stops at the limit inside a kind', () => {
    const s = citedBySummary([{ kind: 'plan', entries: [] }, ...groups(30, 2)]);
    expect(s.counts.map((c) => c.kind)).toEqual(['program', 'meeting']);
    expect(s.shown).toEqual([{ kind: 'program', entries: entries('p', 20) }]);
  });

  it('says nothing is cited when nothing is', () => {
    expect(citedBySummary([])).toEqual({ total: 0, counts: [], shown: [], complete: true });
  });
});

describe('citedByPages', () => {
  it('has no page when the source page shows the whole list', () => {
    expect(citedByPages(groups(10, 10))).toEqual([]);
  });

  it('is one page up to the one-page limit, then pages of PAGE_SIZE with every entry once, in order', () => {
    expect(citedByPages(groups(21, 0))).toHaveLength(1);
    expect(citedByPages(groups(ONE_PAGE_LIMIT - 50, 50))).toHaveLength(1);
    for (const [p, m] of [
      [10, ONE_PAGE_LIMIT],
      [700, 1400],
      [3, 9997],
    ]) {
      const pages = citedByPages(groups(p!, m!));
      expect(pages).toHaveLength(Math.ceil((p! + m!) / PAGE_SIZE));
      for (const page of pages) expect(page.reduce((n, r) => n + r.rows.length, 0)).toBeLessThanOrEqual(PAGE_SIZE);
      expect(pages.flat().flatMap((r) => r.rows)).toEqual([...entries('p', p!), ...entries('m', m!)]);
    }
  });

  it('marks a kind that began on an earlier page as continued', () => {
    const pages = citedByPages(groups(150, 100));
    expect(pages[1]!.map((r) => [r.group, r.continued])).toEqual([
      ['program', true],
      ['meeting', false],
    ]);
  });

  it('lives under the source page', () => {
    expect(citedByPath('health-plan')).toBe('/sources/health-plan/cited-by/');
  });
});

describe('citedByKindPaths', () => {
  it("lead to the page where each kind begins, at its heading's anchor", () => {
    const where = citedByKindPaths('doc', groups(150, 100));
    expect(where.get('program')).toBe('/sources/doc/cited-by/#cited-by-program');
    expect(where.get('meeting')).toBe('/sources/doc/cited-by/page/2/#cited-by-meeting');
    expect(citedByKindPaths('doc', groups(3, 3)).size).toBe(0);
  });
});
