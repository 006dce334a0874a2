/**
 * Change notes (the `changes` list of programs, meetings, committees, plans, indicators and funds) as the
 * pages, the /changes/ page and the Atom feed show them: each with the entry it belongs to, its name and
 * the page it is shown on. Pure: data in, sorted notes out.
 */
import type { Collections } from '../schemas/index.ts';
import type { ChangeNote, Localized } from '../schemas/common.ts';
import type { Lang } from './i18n.ts';
import { paths } from './urls.ts';
import { meetingTitle } from './labels.ts';

export const CHANGE_COLLECTIONS = ['programs', 'meetings', 'committees', 'plans', 'indicators', 'funds'] as const;
export type ChangeCollection = (typeof CHANGE_COLLECTIONS)[number];

export interface EntryChange extends ChangeNote {
  collection: ChangeCollection;
  id: string;
  /** The entry's name in both languages. */
  name: Localized;
  /** Where the note is shown: the entry's page (funds: the glossary's funds section). */
  path(lang: Lang): string;
}

/** Every change note of the data, newest first (same day: collection order, then id, then the entry's order). */
export function allChanges(data: Collections): EntryChange[] {
  const out: (EntryChange & { order: number })[] = [];
  const add = (
    collection: ChangeCollection,
    id: string,
    name: Localized,
    path: (lang: Lang) => string,
    notes: ChangeNote[],
  ) => notes.forEach((note, i) => out.push({ ...note, collection, id, name, path, order: i }));
  for (const p of data.programs) add('programs', p.id, p.name, (l) => paths.program(l, p.id), p.changes);
  for (const m of data.meetings) {
    const committee = data.committees.find((c) => c.id === m.committee);
    const name = committee
      ? {
          ja: meetingTitle(m.fiscal_year, m.ordinal, committee.name, 'ja'),
          en: meetingTitle(m.fiscal_year, m.ordinal, committee.name, 'en'),
        }
      : { ja: m.id, en: m.id };
    add('meetings', m.id, name, (l) => paths.meeting(l, m.id), m.changes);
  }
  for (const c of data.committees) add('committees', c.id, c.name, (l) => paths.committee(l, c.id), c.changes);
  for (const p of data.plans) add('plans', p.id, p.name, (l) => paths.plan(l, p.id), p.changes);
  for (const i of data.indicators) add('indicators', i.id, i.name, (l) => paths.indicator(l, i.id), i.changes);
  for (const f of data.funds) add('funds', f.id, f.name, (l) => `${paths.glossary(l)}#funds`, f.changes);
  const rank = (c: ChangeCollection) => CHANGE_COLLECTIONS.indexOf(c);
  return out
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        rank(a.collection) - rank(b.collection) ||
        a.id.localeCompare(b.id) ||
        b.order - a.order,
    )
    .map(({ order: _order, ...change }) => change);
}

/** FNV-1a of a text, base 36: a short stable key of a note's wording. */
function textKey(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h >>> 0).toString(36);
}

/**
 * A permanent id of a change note: from the entry's collection and id, the note's date and its Japanese
 * wording — never its position in a list, so adding a note does not renumber the others.
 */
export function changeKey(change: Pick<EntryChange, 'collection' | 'id' | 'date' | 'ja'>): string {
  return `${change.collection}/${change.id}/${change.date}/${textKey(change.ja)}`;
}
