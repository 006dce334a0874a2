/**
 * The "cited by" list of a source document, bounded (issue 14): the source page holds the full text of the
 * document (exempt from the page budget) but not an unbounded list of the entries that cite it. Up to
 * CITED_BY_SHOWN entries the source page lists them all, as it always did; beyond that it shows a count per kind
 * and the first CITED_BY_SHOWN entries (always the same ones: the list's own order, by kind in the order of the
 * collections registry, then the data's order), and the whole list is on /sources/<id>/cited-by/ and its further
 * pages (lib/pagination.ts). Pure; tested in tests/unit/cited-by.test.ts.
 */
import { ONE_PAGE_LIMIT, PAGE_SIZE, groupStartPages, pagePath, paginateGroups, type GroupRun } from './pagination.ts';

/** Entries of one kind citing a document (lib/relations.ts CitationGroup, kept generic so tests need no data). */
export interface CitedByGroup<K, E> {
  kind: K;
  entries: readonly E[];
}

/** How many citing entries the source page lists itself; a longer list moves to its own pages. */
export const CITED_BY_SHOWN = 20;

/** Path of the full list of the entries citing a source document (page 1), without the language prefix. */
export const citedByPath = (sourceId: string) => `/sources/${sourceId}/cited-by/`;

export interface CitedBySummary<K, E> {
  /** Entries citing the document, all kinds. */
  total: number;
  /** Entries per kind, in the list's order. */
  counts: { kind: K; count: number }[];
  /** The entries the source page shows: all of them, or the first CITED_BY_SHOWN, by kind. */
  shown: CitedByGroup<K, E>[];
  /** false when the list is longer than the source page shows: the rest is on the cited-by pages. */
  complete: boolean;
}

/** What the source page shows of its "cited by" list. */
export function citedBySummary<K, E>(groups: readonly CitedByGroup<K, E>[], limit = CITED_BY_SHOWN) {
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  const shown: CitedByGroup<K, E>[] = [];
  let left = limit;
  for (const g of groups) {
    if (left <= 0) break;
    if (g.entries.length === 0) continue;
    shown.push({ kind: g.kind, entries: g.entries.slice(0, left) });
    left -= g.entries.length;
  }
  return {
    total,
    counts: groups.filter((g) => g.entries.length > 0).map((g) => ({ kind: g.kind, count: g.entries.length })),
    shown,
    complete: total <= limit,
  } satisfies CitedBySummary<K, E>;
}

/**
 * The pages of the full "cited by" list: none when the source page shows the whole list; else the entries by kind,
 * one page up to ONE_PAGE_LIMIT entries, then pages of PAGE_SIZE (a kind split across pages is marked continued).
 */
export function citedByPages<K, E>(groups: readonly CitedByGroup<K, E>[], limit = CITED_BY_SHOWN): GroupRun<K, E>[][] {
  if (citedBySummary(groups, limit).complete) return [];
  return paginateGroups(
    groups.map((g) => ({ group: g.kind, rows: g.entries })),
    PAGE_SIZE,
    () => 1,
    ONE_PAGE_LIMIT,
  );
}

/** The id of a kind's heading on the cited-by page where that kind begins. */
export const citedByKindId = (kind: string) => `cited-by-${kind}`;

/** Where each kind begins in the full list: kind → its page (no language prefix) with the kind heading's anchor. */
export function citedByKindPaths<K extends string, E>(sourceId: string, groups: readonly CitedByGroup<K, E>[]) {
  const start = groupStartPages(citedByPages(groups));
  return new Map(
    [...start].map(([kind, page]) => [kind, `${pagePath(citedByPath(sourceId), page)}#${citedByKindId(kind)}`]),
  );
}
