/**
 * iCalendar files of meetings (the `ics` library): /meetings/<id>.ics for one meeting and
 * /meetings/all.ics for every meeting. Times in the data are Japan time; `ics` would read a local time in the
 * build machine's zone (CI runs in UTC), so they are converted here from Asia/Tokyo (UTC+9, no daylight
 * saving) to UTC and written as UTC (DTSTART:20250205T090000Z for 18:00 JST).
 *
 * - A meeting with a date and a start time: a timed event (to its end time, or a point in time without one).
 * - A meeting with a date only: an all-day event on that day.
 * - A meeting the sources date only to a month: no event, and no file (a calendar entry needs a day;
 *   inventing one would put a wrong date in people's calendars).
 * DTSTAMP is the day the meeting's data last changed (Asia/Tokyo midnight), not the build time, so two
 * builds of the same data write the same files.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { Meeting } from '../schemas/meeting.ts';
import type { Committee } from '../schemas/committee.ts';
import { meetingTitle } from './labels.ts';
import { t, type Lang } from './i18n.ts';

/** A meeting can go into a calendar when the sources give its day. */
export const hasCalendarDay = (m: Meeting): m is Meeting & { date: string } => m.date !== undefined;

/** The UTC instant of a Japan date and clock time, as [year, month, day, hour, minute]. */
export function tokyoToUtc(date: string, time: string): DateArray {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const utc = new Date(Date.UTC(y, mo - 1, d, h - 9, mi));
  return [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes()];
}

const dayArray = (date: string) => date.split('-').map(Number) as [number, number, number];

export interface CalendarContext {
  origin: string;
  lang: Lang;
  committees: ReadonlyMap<string, Committee>;
  /** 'YYYY-MM-DD' the meeting's data last changed (DTSTAMP). */
  changed: (meetingId: string) => string;
  /** Path of the meeting's page. */
  pagePath: (meetingId: string) => string;
}

function eventOf(m: Meeting & { date: string }, ctx: CalendarContext): EventAttributes {
  const committee = ctx.committees.get(m.committee);
  const title = committee ? meetingTitle(m.fiscal_year, m.ordinal, committee.name, ctx.lang) : m.id;
  const url = `${ctx.origin}${ctx.pagePath(m.id)}`;
  const agenda = m.agenda.map((a) => `${a.number} ${a.title[ctx.lang]}`);
  const format = m.format ? t(ctx.lang, `meeting.format.${m.format}`) : undefined;
  const common = {
    uid: `${m.id}@${new URL(ctx.origin).hostname}`,
    title,
    url,
    description: [...(format ? [format] : []), ...agenda, url].join('\n'),
    productId: `-//${new URL(ctx.origin).hostname}//zaitaku-atlas//${ctx.lang.toUpperCase()}`,
    ...(m.format === 'online' ? { location: format } : {}),
    timestamp: Date.parse(`${ctx.changed(m.id)}T00:00:00+09:00`),
  };
  if (!m.start) return { ...common, start: dayArray(m.date), duration: { days: 1 } };
  const start = tokyoToUtc(m.date, m.start);
  const end = tokyoToUtc(m.date, m.end ?? m.start);
  return {
    ...common,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
  };
}

/** An iCalendar text (CRLF lines) of the meetings that have a day; undefined when none has. */
export function meetingsCalendar(
  meetings: readonly Meeting[],
  ctx: CalendarContext,
  name?: string,
): string | undefined {
  const events = meetings.filter(hasCalendarDay).map((m) => eventOf(m, ctx));
  if (events.length === 0) return undefined;
  const { error, value } = createEvents(events, name ? { calName: name } : {});
  if (error || !value) throw error ?? new Error('ics wrote nothing');
  return value;
}
