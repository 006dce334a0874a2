/**
 * The curated data as pages see it: every collection read once, sorted by id, with the relations
 * between entries (lib/relations.ts) computed once. Pages and components call siteData() and render.
 */
import { getCollection } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName, type Collections, type EntryOf } from '../schemas/index.ts';
import { relationsOf, type Relations } from './relations.ts';
import { LANG_PARAMS } from './i18n.ts';
import { citedByPages } from './cited-by.ts';
import { dataRootOf } from '../data/index.ts';
import {
  lastChanged,
  pageDataFiles,
  pageDataKey,
  readDataDates,
  recentChangesByDay,
  type DataDates,
} from './data-dates.ts';

export type SiteData = Collections &
  Relations & {
    /** When each data file last changed (lib/data-dates.ts), read once per build. */
    dates: DataDates;
    /** 'YYYY-MM-DD' on which the data of the page at `path` last changed. */
    updatedOf(path: string): string;
    /** The last days on which data changed, with the entries (that have pages) changed each day. */
    recentChanges(days: number, perDay: number): ReturnType<typeof recentChangesByDay>;
  };

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function entries<N extends CollectionName>(name: N): Promise<EntryOf<N>[]> {
  const list = await getCollection(name);
  return list.map((e) => e.data as EntryOf<N>).sort(byId);
}

let cache: Promise<SiteData> | undefined;

export function siteData(): Promise<SiteData> {
  cache ??= (async () => {
    const lists = await Promise.all(COLLECTION_NAMES.map(async (name) => [name, await entries(name)] as const));
    const collections = Object.fromEntries(lists) as Collections;
    const related = { ...collections, ...relationsOf(collections) };
    const stated = [...collections.sources.map((s) => s.date), ...collections.meetings.map((m) => m.date)];
    const dates = readDataDates(dataRootOf(process.cwd()), process.cwd(), stated);
    // Pages with the same data files (both languages, every page of a list) share their date.
    const updated = new Map<string, string>();
    const updatedOf = (path: string) => {
      const key = pageDataKey(path, related);
      if (!updated.has(key)) updated.set(key, lastChanged(pageDataFiles(path, related), dates));
      return updated.get(key)!;
    };
    return {
      ...related,
      dates,
      updatedOf,
      recentChanges: (days: number, perDay: number) => recentChangesByDay(related, dates, days, perDay),
    };
  })();
  return cache;
}

/** getStaticPaths of a [...lang]/<kind>/[id] page: one page per entry and language, the entry as the prop `entry`. */
export async function entryStaticPaths<N extends CollectionName>(name: N) {
  const entries = (await siteData())[name] as EntryOf<N>[];
  return LANG_PARAMS.flatMap((params) =>
    entries.map((entry) => ({ params: { ...params, id: entry.id }, props: { entry } })),
  );
}

/** getStaticPaths of [...lang]/plan/[id]/[initiative]: one page per 取組/事項 of every plan and language. */
export async function initiativeStaticPaths() {
  const { plans } = await siteData();
  return LANG_PARAMS.flatMap((params) =>
    plans.flatMap((plan) =>
      plan.initiatives.map((initiative) => ({
        params: { ...params, id: plan.id, initiative: initiative.id },
        props: { plan, initiative },
      })),
    ),
  );
}

/**
 * getStaticPaths of [...lang]/sources/[id]/cited-by/ ('first') and its …/page/[page] ('further'): only the sources
 * whose "cited by" list is longer than their own page shows (lib/cited-by.ts).
 */
export async function citedByStaticPaths(which: 'first' | 'further') {
  const data = await siteData();
  return LANG_PARAMS.flatMap((params) =>
    data.sources.flatMap((source) => {
      const pages = citedByPages(data.citationsOf(source.id));
      if (which === 'first') return pages.length ? [{ params: { ...params, id: source.id }, props: { source } }] : [];
      return pages
        .slice(1)
        .map((_, i) => ({ params: { ...params, id: source.id, page: String(i + 2) }, props: { source } }));
    }),
  );
}
