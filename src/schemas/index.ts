/**
 * The collections: where each lives in data/ and which schema validates it.
 * `layout: 'entry-per-file'` means data/<dir>/<id>.yaml holds one entry whose id equals the file name;
 * `'list'` means one file holds a YAML list of entries.
 */
import type { z } from 'astro/zod';
import { program } from './program.ts';
import { committee } from './committee.ts';
import { meeting } from './meeting.ts';
import { plan } from './plan.ts';
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
}

export const COLLECTIONS = {
  programs: { layout: 'entry-per-file', path: 'programs', schema: program },
  committees: { layout: 'entry-per-file', path: 'committees', schema: committee },
  meetings: { layout: 'entry-per-file', path: 'meetings', schema: meeting },
  plans: { layout: 'entry-per-file', path: 'plans', schema: plan },
  regulations: { layout: 'entry-per-file', path: 'regulations', schema: regulation },
  surveys: { layout: 'entry-per-file', path: 'surveys', schema: survey },
  sources: { layout: 'list', path: 'sources.yaml', schema: source },
  glossary: { layout: 'list', path: 'glossary.yaml', schema: glossaryEntry },
  municipalities: { layout: 'list', path: 'municipalities.yaml', schema: municipality },
  bureaus: { layout: 'list', path: 'bureaus.yaml', schema: bureau },
  funds: { layout: 'list', path: 'funds.yaml', schema: fund },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
