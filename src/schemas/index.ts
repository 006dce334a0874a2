/**
 * The collections: where each lives in data/ and which schema validates it. Everything that lists the
 * collections (content.config.ts, lib/site-data.ts, lib/relations.ts, lib/citations.ts) derives from here.
 * `layout: 'entry-per-file'` means data/<dir>/<id>.yaml holds one entry whose id equals the file name;
 * `'list'` means one file holds a YAML list of entries.
 */
import type { z } from 'astro/zod';
import { program } from './program.ts';
import { committee } from './committee.ts';
import { meeting } from './meeting.ts';
import { plan } from './plan.ts';
import { indicator } from './indicator.ts';
import { regulation } from './regulation.ts';
import { source } from './source.ts';
import { glossaryEntry } from './glossary.ts';
import { municipality } from './municipality.ts';
import { bureau } from './bureau.ts';
import { fund } from './fund.ts';
import { survey } from './survey.ts';

export interface CollectionSpec {
  layout: 'entry-per-file' | 'list';
  /** Directory (entry-per-file) or file (list), relative to the data root. */
  path: string;
  schema: z.ZodType;
  /**
   * For entries that have a page of their own and cite source documents: the kind's singular name,
   * as used by paths.<kind> and the UI strings source.citedBy.<kind>. Source pages list them in this order.
   */
  citing?: string;
}

export const COLLECTIONS = {
  programs: { layout: 'entry-per-file', path: 'programs', schema: program, citing: 'program' },
  meetings: { layout: 'entry-per-file', path: 'meetings', schema: meeting, citing: 'meeting' },
  committees: { layout: 'entry-per-file', path: 'committees', schema: committee, citing: 'committee' },
  plans: { layout: 'entry-per-file', path: 'plans', schema: plan, citing: 'plan' },
  indicators: { layout: 'entry-per-file', path: 'indicators', schema: indicator, citing: 'indicator' },
  regulations: { layout: 'entry-per-file', path: 'regulations', schema: regulation, citing: 'regulation' },
  surveys: { layout: 'entry-per-file', path: 'surveys', schema: survey, citing: 'survey' },
  sources: { layout: 'list', path: 'sources.yaml', schema: source },
  glossary: { layout: 'list', path: 'glossary.yaml', schema: glossaryEntry },
  municipalities: { layout: 'list', path: 'municipalities.yaml', schema: municipality },
  bureaus: { layout: 'list', path: 'bureaus.yaml', schema: bureau },
  funds: { layout: 'list', path: 'funds.yaml', schema: fund },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The validated entry of a collection. */
export type EntryOf<N extends CollectionName> = z.output<(typeof COLLECTIONS)[N]['schema']>;
/** Every collection's entries, by collection name. */
export type Collections = { [N in CollectionName]: EntryOf<N>[] };

/** Collections whose entries cite sources on a page of their own, and the singular kind of each. */
export type CitingCollection = {
  [N in CollectionName]: (typeof COLLECTIONS)[N] extends { citing: string } ? N : never;
}[CollectionName];
export type CitingKind = (typeof COLLECTIONS)[CitingCollection]['citing'];
export const CITING_COLLECTIONS = COLLECTION_NAMES.filter(
  (name): name is CitingCollection => 'citing' in COLLECTIONS[name],
);
