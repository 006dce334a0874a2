/**
 * Bounded listing pages (issue 14): a list that grows with the data is cut into pages of a fixed number of
 * rows, at permanent URLs — page 1 at the list's own address, page n at `<list>/page/<n>/`. A list of at most
 * one page's rows is one page with no pagination shown, so the site at today's size reads as it always did.
 * Pure functions: pages call them and only render.
 */

/**
 * Rows per page. Chosen so that the heaviest listing page stays within the page budget of issue 14 (15 KB
 * gzipped HTML+CSS); measured with `npm run weight` on 1,000- and 5,000-program trees.
 */
export const PAGE_SIZE = 100;

/**
 * A list of up to this many rows stays one page (no pagination shown): today's lists (about 115 programs by plan)
 * read as they always did; a longer list is cut into pages of PAGE_SIZE.
 */
export const ONE_PAGE_LIMIT = 150;

/**
 * A summary row (a total by fund or initiative) names its programs up to this many; beyond, it says how many and
 * links to the full list, which is paginated.
 */
export const PROGRAM_NAMES_LIMIT = 20;

/** The path segment under a list's address that holds its further pages: /programs/page/2/. */
export const PAGE_SEGMENT = 'page';

/** How many pages `total` rows take: never fewer than one (an empty list is one page saying so). */
export function pageCount(total: number, size = PAGE_SIZE): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, not ${size}`);
  return Math.max(1, Math.ceil(total / size));
}

/** The rows of page `page` (1-based). A page outside 1…pageCount throws: a route must not render an empty page. */
export function pageSlice<T>(rows: readonly T[], page: number, size = PAGE_SIZE): T[] {
  const count = pageCount(rows.length, size);
  if (!Number.isInteger(page) || page < 1 || page > count) throw new Error(`no page ${page} of ${count}`);
  return rows.slice((page - 1) * size, page * size);
}

/** Page 1 is the list's own address (so every address published before pagination stays); page n is below it. */
export function pagePath(listPath: string, page: number): string {
  if (!listPath.endsWith('/')) throw new Error(`a list address ends with a slash: ${listPath}`);
  return page === 1 ? listPath : `${listPath}${PAGE_SEGMENT}/${page}/`;
}

/** The page numbers that need a route of their own (2…count): the getStaticPaths of a list's /page/[page]. */
export function furtherPages(total: number, size = PAGE_SIZE): number[] {
  return Array.from({ length: pageCount(total, size) - 1 }, (_, i) => i + 2);
}

/** Route params of a list's further pages (2, 3, …) for getStaticPaths; page 1 is the list's own route. */
export function furtherPageParams(pages: readonly unknown[]): { page: string }[] {
  return pages.slice(1).map((_, i) => ({ page: String(i + 2) }));
}

/** The page (1-based) that shows row `index` (0-based): where a table of contents links to. */
export function pageOfRow(index: number, size = PAGE_SIZE): number {
  return Math.floor(index / size) + 1;
}

export interface PageLink {
  page: number;
  href: string;
}
export type PaginationItem = (PageLink & { current: boolean }) | { ellipsis: true };

export interface Pagination {
  current: number;
  count: number;
  /** Number of the first and last row shown (1-based) and of all rows: "rows 61–120 of 1,024". */
  from: number;
  to: number;
  total: number;
  prev?: PageLink;
  next?: PageLink;
  /** Page links as GOV.UK shows them: the first, the last, the current one and its neighbours, gaps as ellipses. */
  items: PaginationItem[];
}

/**
 * What a pagination navigation shows for page `current` of a list of `total` rows at `listPath`; undefined when
 * the list is one page (nothing to show).
 */
export function pagination(listPath: string, current: number, total: number, size = PAGE_SIZE): Pagination | undefined {
  const count = pageCount(total, size);
  const lengths = Array.from({ length: count }, (_, i) => Math.min(size, total - i * size));
  return paginationOf(listPath, current, lengths);
}

/** The same for pages of unequal length (`lengths`: rows on each page, as cut by chunkByWeight or paginateGroups). */
export function paginationOf(listPath: string, current: number, lengths: readonly number[]): Pagination | undefined {
  const count = Math.max(1, lengths.length);
  if (!Number.isInteger(current) || current < 1 || current > count) throw new Error(`no page ${current} of ${count}`);
  if (count === 1) return undefined;
  const link = (page: number): PageLink => ({ page, href: pagePath(listPath, page) });
  const shown = [...new Set([1, current - 1, current, current + 1, count])]
    .filter((p) => p >= 1 && p <= count)
    .sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  shown.forEach((page, i) => {
    const before = shown[i - 1];
    if (before !== undefined && page - before === 2) items.push({ ...link(before + 1), current: false });
    else if (before !== undefined && page - before > 2) items.push({ ellipsis: true });
    items.push({ ...link(page), current: page === current });
  });
  const before = lengths.slice(0, current - 1).reduce((n, l) => n + l, 0);
  return {
    current,
    count,
    from: before + 1,
    to: before + lengths[current - 1]!,
    total: lengths.reduce((n, l) => n + l, 0),
    prev: current > 1 ? link(current - 1) : undefined,
    next: current < count ? link(current + 1) : undefined,
    items,
  };
}

/**
 * Items cut into pages without splitting an item, each page holding items of at most `size` weight (an item
 * heavier than that alone on its page): a ranked program with its components stays together. Items of at most
 * `onePageLimit` weight in all stay one page.
 */
export function chunkByWeight<T>(
  items: readonly T[],
  weightOf: (item: T) => number,
  size = PAGE_SIZE,
  onePageLimit = size,
): T[][] {
  if (items.reduce((n, item) => n + weightOf(item), 0) <= onePageLimit) return [[...items]];
  const pages: T[][] = [[]];
  let used = 0;
  for (const item of items) {
    const weight = weightOf(item);
    if (used > 0 && used + weight > size) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(item);
    used += weight;
  }
  return pages;
}

export interface GroupRun<G, T> {
  group: G;
  rows: T[];
  /** The group began on an earlier page: its heading is shown again, marked as continued. */
  continued: boolean;
}

/**
 * A grouped list cut into pages by rows, not by groups: each page holds rows of at most `size` weight (one row
 * each unless `weightOf` says otherwise; a row heavier than a page is alone on its page), and a group split across
 * pages appears on each with the part of its rows that falls there. Groups without rows are dropped. Rows of at
 * most `onePageLimit` weight in all stay one page.
 */
export function paginateGroups<G, T>(
  groups: readonly { group: G; rows: readonly T[] }[],
  size = PAGE_SIZE,
  weightOf: (row: T) => number = () => 1,
  onePageLimit = size,
): GroupRun<G, T>[][] {
  const total = groups.reduce((n, g) => n + g.rows.reduce((m, row) => m + weightOf(row), 0), 0);
  if (total <= onePageLimit) size = Infinity;
  const pages: GroupRun<G, T>[][] = [[]];
  let used = 0;
  for (const { group, rows } of groups)
    rows.forEach((row, i) => {
      const weight = weightOf(row);
      if (used > 0 && used + weight > size) {
        pages.push([]);
        used = 0;
      }
      const page = pages.at(-1)!;
      const last = page.at(-1);
      if (last && last.group === group && i > 0) last.rows.push(row);
      else page.push({ group, rows: [row], continued: i > 0 });
      used += weight;
    });
  return pages;
}

/** The page each group starts on (first occurrence), for a table of contents that links across pages. */
export function groupStartPages<G, T>(pages: readonly GroupRun<G, T>[][]): Map<G, number> {
  const start = new Map<G, number>();
  pages.forEach((runs, i) => runs.forEach((r) => start.has(r.group) || start.set(r.group, i + 1)));
  return start;
}
