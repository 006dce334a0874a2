/** iCalendar files: times written in UTC from Asia/Tokyo, whatever the machine's zone; month-only meetings left out. */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { meetingsCalendar, tokyoToUtc, type CalendarContext } from '../../src/lib/calendar.ts';
import type { Meeting } from '../../src/schemas/meeting.ts';
import type { Committee } from '../../src/schemas/committee.ts';

const committee = { id: 'c', name: { ja: '東京都在宅介護・医療協働推進部会', en: 'Subcommittee' } } as Committee;
const ctx: CalendarContext = {
  origin: 'https://example.org',
  lang: 'ja',
  committees: new Map([['c', committee]]),
  changed: () => '2026-11-30',
  pagePath: (id) => `/meetings/${id}/`,
};
const meeting = (extra: Partial<Meeting>): Meeting =>
  ({
    id: 'c-fy2024-2',
    committee: 'c',
    fiscal_year: 2024,
    ordinal: 2,
    agenda: [{ number: '1', title: { ja: '開会', en: 'Opening' }, programs: [], handouts: [] }],
    handouts: [],
    changes: [],
    source: { document: 'd', heading: 'h' },
    ...extra,
  }) as Meeting;

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('tokyoToUtc', () => {
  it('subtracts nine hours, across midnight too', () => {
    expect(tokyoToUtc('2025-02-05', '18:00')).toEqual([2025, 2, 5, 9, 0]);
    expect(tokyoToUtc('2025-04-01', '08:30')).toEqual([2025, 3, 31, 23, 30]);
  });
});

describe('meetingsCalendar', () => {
  it('a timed meeting parses with its start and end at the Japan time the data gives', () => {
    const text = meetingsCalendar([meeting({ date: '2025-02-05', start: '18:00', end: '19:30' })], ctx)!;
    expect(text).toContain('\r\n');
    const [event] = events(text);
    expect(event!.summary).toBe('令和6年度第2回 東京都在宅介護・医療協働推進部会');
    const start = event!.startDate.toJSDate();
    const tokyo = (d: Date) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' }).format(d);
    expect(tokyo(start)).toBe('2025-02-05 18:00');
    expect(tokyo(event!.endDate.toJSDate())).toBe('2025-02-05 19:30');
    expect(start.toISOString()).toBe('2025-02-05T09:00:00.000Z');
    expect(event!.uid).toBe('c-fy2024-2@example.org');
    expect(text).toContain('DTSTAMP:20261129T150000Z');
  });
  it('a meeting with a date but no time is an all-day event on that day', () => {
    const [event] = events(meetingsCalendar([meeting({ date: '2025-02-05' })], ctx)!);
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe('2025-02-05');
  });
  it('a meeting known only to the month gets no event, and a calendar of only such meetings no file', () => {
    expect(meetingsCalendar([meeting({ month: '2024-07' })], ctx)).toBeUndefined();
    const text = meetingsCalendar(
      [meeting({ month: '2024-07' }), meeting({ id: 'x', date: '2025-02-05', start: '18:00' })],
      ctx,
    )!;
    expect(events(text).map((e) => e.uid)).toEqual(['x@example.org']);
  });
});
