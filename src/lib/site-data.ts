/**
 * The curated data as pages see it: collections read once, sorted, and indexed by id, with the
 * relations between entries (children, meetings that discuss a program …) computed here, not in pages.
 */
import { getCollection, type CollectionKey } from 'astro:content';
import type { Program } from '../schemas/program.ts';
import type { Meeting } from '../schemas/meeting.ts';
import type { Committee } from '../schemas/committee.ts';
import type { Plan } from '../schemas/plan.ts';
import type { Regulation } from '../schemas/regulation.ts';
import type { Source } from '../schemas/source.ts';
import type { GlossaryEntry } from '../schemas/glossary.ts';
import type { Municipality } from '../schemas/municipality.ts';
import type { Bureau } from '../schemas/bureau.ts';
import type { Fund } from '../schemas/fund.ts';
import type { Survey } from '../schemas/survey.ts';
import { relationsOf, type Relations } from './relations.ts';
import { collectCitations, type Citation } from './citations.ts';

export interface SiteData extends Relations {
  programs: Program[];
  meetings: Meeting[];
  committees: Committee[];
  plans: Plan[];
  regulations: Regulation[];
  surveys: Survey[];
  sources: Source[];
  glossary: GlossaryEntry[];
  municipalities: Municipality[];
  bureaus: Bureau[];
  funds: Fund[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function all<T extends { id: string }>(name: CollectionKey): Promise<T[]> {
  const entries = await getCollection(name);
  return entries.map((e) => e.data as unknown as T).sort(byId);
}

let cache: Promise<SiteData> | undefined;

export function siteData(): Promise<SiteData> {
  cache ??= (async () => {
    const [programs, meetings, committees, plans, regulations, surveys, sources, glossary, municipalities, bureaus, funds] = await Promise.all([
      all<Program>('programs'),
      all<Meeting>('meetings'),
      all<Committee>('committees'),
      all<Plan>('plans'),
      all<Regulation>('regulations'),
      all<Survey>('surveys'),
      all<Source>('sources'),
      all<GlossaryEntry>('glossary'),
      all<Municipality>('municipalities'),
      all<Bureau>('bureaus'),
      all<Fund>('funds'),
    ]);
    const base = { programs, meetings, committees, plans, regulations, surveys, sources, glossary, municipalities, bureaus, funds };
    return { ...base, ...relationsOf(base) };
  })();
  return cache;
}

/** getStaticPaths helper: one path per language. */
export const LANG_PARAMS = [{ lang: undefined }, { lang: 'en' }] as const;

/** Every citation of every source document, by document id: who cites it and under which heading. */
export function citationsBySource(data: SiteData): Map<string, Citation[]> {
  return collectCitations([
    { kind: 'program', entries: data.programs },
    { kind: 'meeting', entries: data.meetings },
    { kind: 'committee', entries: data.committees },
    { kind: 'plan', entries: data.plans },
    { kind: 'regulation', entries: data.regulations },
    { kind: 'survey', entries: data.surveys },
  ]);
}
