import { describe, expect, it } from 'vitest';
import {
  ONE_PAGE_LIMIT,
  PAGE_SIZE,
  furtherPageParams,
  furtherPages,
  groupStartPages,
  pageCount,
  pageOfRow,
  pagePath,
  pageSlice,
  chunkByWeight,
  paginateGroups,
  pagination,
  paginationOf,
} from '../../src/lib/pagination.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('furtherPageParams', () => {
  it('names pages 2, 3, … of a cut list as route params; a list of one page has none', () => {
    expect(furtherPageParams([['a'], ['b'], ['c']])).toEqual([{ page: '2' }, { page: '3' }]);
    expect(furtherPageParams([['a']])).toEqual([]);
  });
});

describe('pageCount and pageSlice', () => {
  it('a list of at most one page is one page; an empty list is one page too', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
    expect(furtherPages(PAGE_SIZE)).toEqual([]);
  });

  it('every page holds at most the page size, whatever the number of rows, and together they hold every row once', () => {
    for (const n of [1, 59, 60, 61, 1000, 5000, 20000]) {
      const all = rows(n);
      const pages = [1, ...furtherPages(n)].map((p) => pageSlice(all, p));
      expect(Math.max(...pages.map((p) => p.length))).toBeLessThanOrEqual(PAGE_SIZE);
      expect(pages.flat()).toEqual(all);
      expect(pages.length).toBe(pageCount(n));
    }
  });

  it('refuses a page that does not exist, and a nonsensical page size', () => {
    expect(() => pageSlice(rows(10), 2)).toThrow(/no page 2 of 1/);
    expect(() => pageSlice(rows(10), 0)).toThrow();
    expect(() => pageCount(10, 0)).toThrow(/positive integer/);
  });

  it('pageOfRow names the page a row is on', () => {
    expect(pageOfRow(0)).toBe(1);
    expect(pageOfRow(PAGE_SIZE - 1)).toBe(1);
    expect(pageOfRow(PAGE_SIZE)).toBe(2);
  });
});

describe('pagePath', () => {
  it('keeps page 1 at the list address and puts page n below it, in both languages', () => {
    expect(pagePath('/programs/', 1)).toBe('/programs/');
    expect(pagePath('/programs/', 2)).toBe('/programs/page/2/');
    expect(pagePath('/en/fy/2025/', 3)).toBe('/en/fy/2025/page/3/');
    expect(() => pagePath('/programs', 2)).toThrow(/slash/);
  });
});

describe('pagination', () => {
  it('shows nothing for a list of one page', () => {
    expect(pagination('/programs/', 1, PAGE_SIZE)).toBeUndefined();
  });

  it('gives previous and next, the rows shown and the page links with gaps, as GOV.UK does', () => {
    const p = pagination('/programs/', 5, 10 * 20, 20)!;
    expect(p).toMatchObject({ current: 5, count: 10, from: 81, to: 100, total: 200 });
    expect(p.prev).toEqual({ page: 4, href: '/programs/page/4/' });
    expect(p.next).toEqual({ page: 6, href: '/programs/page/6/' });
    const shown = p.items.map((i) => ('ellipsis' in i ? '…' : i.current ? `[${i.page}]` : String(i.page)));
    expect(shown).toEqual(['1', '…', '4', '[5]', '6', '…', '10']);
  });

  it('has no previous link on the first page and no next on the last; a gap of one page is a link, not "…"', () => {
    const first = pagination('/en/programs/', 1, 95, 20)!;
    expect(first.prev).toBeUndefined();
    expect(first.items.map((i) => ('page' in i ? i.page : 0))).toEqual([1, 2, 0, 5]);
    const last = pagination('/en/programs/', 5, 95, 20)!;
    expect(last.next).toBeUndefined();
    expect(last).toMatchObject({ from: 81, to: 95 });
    const third = pagination('/programs/', 3, 95, 20)!;
    expect(third.items.map((i) => ('page' in i ? i.page : 0))).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a page outside the list', () => {
    expect(() => pagination('/programs/', 3, 40, 20)).toThrow(/no page 3 of 2/);
  });
});

describe('paginateGroups', () => {
  const groups = [
    { group: 'a', rows: rows(5) },
    { group: 'empty', rows: [] },
    { group: 'b', rows: rows(7) },
    { group: 'c', rows: rows(2) },
  ];

  it('cuts by rows, repeating a split group on the next page marked as continued, and drops empty groups', () => {
    const pages = paginateGroups(groups, 4);
    expect(pages.map((p) => p.map((r) => `${r.group}${r.continued ? '+' : ''}:${r.rows.length}`))).toEqual([
      ['a:4'],
      ['a+:1', 'b:3'],
      ['b+:4'],
      ['c:2'],
    ]);
    expect(groupStartPages(pages)).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 4],
      ]),
    );
  });

  it('weighs rows when told to, never splitting a row', () => {
    const pages = paginateGroups([{ group: 'a', rows: [3, 1, 2, 4, 1] }], 4, (w) => w);
    expect(pages.map((p) => p.map((r) => r.rows))).toEqual([[[3, 1]], [[2]], [[4]], [[1]]]);
    expect(pages.slice(1).every((p) => p[0]!.continued)).toBe(true);
  });

  it('keeps a list of at most the one-page limit on one page, and cuts a longer one by the page size', () => {
    const list = (n: number) => [{ group: 'a', rows: rows(n) }];
    expect(paginateGroups(list(ONE_PAGE_LIMIT), PAGE_SIZE, () => 1, ONE_PAGE_LIMIT)).toHaveLength(1);
    const cut = paginateGroups(list(ONE_PAGE_LIMIT + 1), PAGE_SIZE, () => 1, ONE_PAGE_LIMIT);
    const full = Math.floor((ONE_PAGE_LIMIT + 1) / PAGE_SIZE);
    expect(cut.map((p) => p[0]!.rows.length)).toEqual([
      ...Array<number>(full).fill(PAGE_SIZE),
      ONE_PAGE_LIMIT + 1 - full * PAGE_SIZE,
    ]);
    expect(chunkByWeight(rows(ONE_PAGE_LIMIT), () => 1, PAGE_SIZE, ONE_PAGE_LIMIT)).toHaveLength(1);
    expect(chunkByWeight(rows(ONE_PAGE_LIMIT + 1), () => 1, PAGE_SIZE, ONE_PAGE_LIMIT)).toHaveLength(
      Math.ceil((ONE_PAGE_LIMIT + 1) / PAGE_SIZE),
    );
  });

  it('keeps a small grouped list on one page as it is', () => {
    const pages = paginateGroups(groups, 100);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.map((r) => r.group)).toEqual(['a', 'b', 'c']);
    expect(pages[0]!.every((r) => !r.continued)).toBe(true);
  });

  it('holds at most the page size on every page for any number of rows', () => {
    for (const n of [10, 1000, 10000]) {
      const many = Array.from({ length: 30 }, (_, g) => ({ group: g, rows: rows(Math.ceil(n / 30) + (g % 7)) }));
      const pages = paginateGroups(many);
      for (const page of pages) expect(page.reduce((s, r) => s + r.rows.length, 0)).toBeLessThanOrEqual(PAGE_SIZE);
      expect(pages.flat().reduce((s, r) => s + r.rows.length, 0)).toBe(many.reduce((s, g) => s + g.rows.length, 0));
    }
  });
});

describe('chunkByWeight and paginationOf', () => {
  it('never splits an item, keeps each page within the weight unless one item alone is heavier', () => {
    const items = [1, 3, 2, 2, 9, 1, 1];
    expect(chunkByWeight(items, (w) => w, 4)).toEqual([[1, 3], [2, 2], [9], [1, 1]]);
    expect(chunkByWeight([], (w: number) => w, 4)).toEqual([[]]);
  });

  it('counts the rows shown on pages of unequal length', () => {
    const p = paginationOf('/programs/by-budget/2025/', 2, [2, 2, 1, 2])!;
    expect(p).toMatchObject({ current: 2, count: 4, from: 3, to: 4, total: 7 });
    expect(p.prev?.href).toBe('/programs/by-budget/2025/');
    expect(paginationOf('/x/', 1, [5])).toBeUndefined();
  });
});
