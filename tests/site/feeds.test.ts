/** The built feeds and calendars: Atom that parses with the required elements, iCalendar at Japan times. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { assertBuilt, DIST, htmlFiles, read } from '../helpers/dist.ts';
import { repositoryCollections } from '../helpers/collections.ts';
import { allChanges } from '../../src/lib/changes.ts';
import { hasCalendarDay } from '../../src/lib/calendar.ts';

beforeAll(assertBuilt);
const data = repositoryCollections();
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' });

describe.each(['', 'en/'])('feeds at /%s', (prefix) => {
  it.each(['changes', 'meetings'])('%s/atom.xml is well-formed Atom with the required elements', (kind) => {
    const xml = read(join(DIST, `${prefix}${kind}/atom.xml`));
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated']) expect(feed[key], key).toBeTruthy();
    const expected = kind === 'changes' ? allChanges(data).length : data.meetings.length;
    expect(feed.entry).toHaveLength(expected);
    const ids = feed.entry.map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^tag:/);
      expect(e.title).toBeTruthy();
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(e.link[0]['@_href']).toMatch(/^https?:\/\//);
    }
  });
});

describe('feed links', () => {
  it('every page names both feeds of its language in <link rel="alternate" type="application/atom+xml">', () => {
    for (const file of htmlFiles()) {
      const html = read(file);
      if (!html.includes('rel="canonical"')) continue;
      const en = file.startsWith(join(DIST, 'en/'));
      for (const kind of ['changes', 'meetings'])
        expect(html, file).toContain(
          `<link rel="alternate" type="application/atom+xml" href="${en ? '/en' : ''}/${kind}/atom.xml"`,
        );
    }
  });
});

describe('calendars', () => {
  const tokyo = (d: Date) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' }).format(d);
  it.each(['', 'en/'])('/%smeetings/<id>.ics parse, with the day and Japan time of the data', (prefix) => {
    const dated = data.meetings.filter(hasCalendarDay);
    expect(dated.length).toBeGreaterThan(0);
    for (const m of dated) {
      const comp = new ICAL.Component(ICAL.parse(read(join(DIST, `${prefix}meetings/${m.id}.ics`))));
      const [event] = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      if (m.start) expect(tokyo(event!.startDate.toJSDate())).toBe(`${m.date} ${m.start}`);
      else expect(event!.startDate.toString()).toBe(m.date);
      if (m.end) expect(tokyo(event!.endDate.toJSDate())).toBe(`${m.date} ${m.end}`);
      expect(event!.description).toContain(`/meetings/${m.id}/`);
    }
  });
  it('all.ics holds every meeting whose day is known', () => {
    const comp = new ICAL.Component(ICAL.parse(read(join(DIST, 'meetings/all.ics'))));
    const uids = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid.split('@')[0]);
    expect(uids.sort()).toEqual(
      data.meetings
        .filter(hasCalendarDay)
        .map((m) => m.id)
        .sort(),
    );
  });
});
