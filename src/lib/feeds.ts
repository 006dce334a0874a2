/**
 * Atom feeds (the `feed` library writes Atom 1.0): per language, one of change notes and one of meetings.
 * Entry ids are tag: URIs made from entry ids and dates (lib/changes.ts changeKey), never list positions,
 * so a reader's feed software never shows an old entry as new. Dates are Asia/Tokyo days (midnight JST).
 */
import { Feed } from 'feed';
import type { Collections } from '../schemas/index.ts';
import { t, type Lang } from './i18n.ts';
import { allChanges, changeKey } from './changes.ts';
import { localePath, paths } from './urls.ts';
import { LICENCE, PUBLISHER } from './publication.ts';
import { meetingTitle } from './labels.ts';
import { formatDate, formatDay } from './format.ts';

export type FeedKind = 'changes' | 'meetings';

/** /changes/atom.xml, /en/meetings/atom.xml … */
export function feedPath(kind: FeedKind, lang: Lang): string {
  return `${localePath(lang, `/${kind}/`)}atom.xml`;
}

/** The start of a Tokyo calendar day ('YYYY-MM-DD' → 00:00 JST) as an instant. */
export function tokyoMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+09:00`);
}

/** The UI strings of each feed (written out, so the unused-key test sees them). */
const FEED_STRINGS = {
  changes: { title: 'feeds.changes', description: 'feeds.changes.description' },
  meetings: { title: 'feeds.meetings', description: 'feeds.meetings.description' },
} as const;

/** tag: URI authority: the site's host and the year the site was first published. */
const tagBase = (origin: string) => `tag:${new URL(origin).hostname},2026:`;

interface FeedContext {
  origin: string;
  lang: Lang;
  /** 'YYYY-MM-DD' the feed's data last changed (the feed's <updated>). */
  updated: string;
}

function newFeed(kind: FeedKind, { origin, lang, updated }: FeedContext): Feed {
  const self = `${origin}${feedPath(kind, lang)}`;
  return new Feed({
    id: `${tagBase(origin)}${lang}/${kind}`,
    title: `${t(lang, FEED_STRINGS[kind].title)} | ${t(lang, 'site.shortName')}`,
    description: t(lang, FEED_STRINGS[kind].description),
    link: `${origin}${kind === 'changes' ? paths.changes(lang) : paths.meetings(lang)}`,
    language: lang,
    updated: tokyoMidnight(updated),
    feedLinks: { atom: self },
    author: { name: PUBLISHER.name[lang], link: `${origin}${paths.about(lang)}` },
    copyright: `${PUBLISHER.name[lang]}, ${LICENCE.title[lang]} (${LICENCE.url})`,
    generator: false,
  });
}

/** Every change note, newest first. */
export function changesFeed(data: Collections, ctx: FeedContext): string {
  const feed = newFeed('changes', ctx);
  for (const change of allChanges(data)) {
    const url = `${ctx.origin}${change.path(ctx.lang)}`;
    feed.addItem({
      id: `${tagBase(ctx.origin)}changes/${changeKey(change)}`,
      title: `${change.name[ctx.lang]}: ${formatDay(change.date, ctx.lang)}`,
      link: url,
      date: tokyoMidnight(change.date),
      published: tokyoMidnight(change.date),
      description: change[ctx.lang],
    });
  }
  return feed.atom1();
}

/** Every meeting, newest first; an entry's date is the day its data last changed (`fileDate`). */
export function meetingsFeed(data: Collections, ctx: FeedContext, fileDate: (meetingId: string) => string): string {
  const feed = newFeed('meetings', ctx);
  const byId = new Map(data.committees.map((c) => [c.id, c]));
  const held = (m: Collections['meetings'][number]) => m.date ?? m.month!;
  const meetings = [...data.meetings].sort((a, b) => held(b).localeCompare(held(a)) || a.id.localeCompare(b.id));
  for (const m of meetings) {
    const committee = byId.get(m.committee);
    const title = committee ? meetingTitle(m.fiscal_year, m.ordinal, committee.name, ctx.lang) : m.id;
    const agenda = m.agenda.map((a) => `${a.number} ${a.title[ctx.lang]}`).join(' / ');
    const when = t(ctx.lang, 'feeds.meetings.held', { date: formatDate(held(m), ctx.lang) });
    feed.addItem({
      id: `${tagBase(ctx.origin)}meetings/${m.id}`,
      title,
      link: `${ctx.origin}${paths.meeting(ctx.lang, m.id)}`,
      date: tokyoMidnight(fileDate(m.id)),
      description: agenda ? `${when} ${agenda}` : when,
    });
  }
  return feed.atom1();
}
