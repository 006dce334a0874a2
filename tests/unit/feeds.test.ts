/** Atom feeds: well-formed XML with the elements Atom 1.0 requires, ids from entries and dates. */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { changesFeed, feedPath, meetingsFeed, tokyoMidnight } from '../../src/lib/feeds.ts';
import type { Collections } from '../../src/schemas/index.ts';

const data = {
  programs: [
    {
      id: 'p',
      name: { ja: '事業<A&B>', en: 'Program <A&B>' },
      changes: [{ date: '2025-01-10', ja: '訂正しました。', en: 'Corrected </summary>.' }],
    },
  ],
  meetings: [
    {
      id: 'm1',
      committee: 'c',
      fiscal_year: 2024,
      ordinal: 2,
      date: '2025-02-05',
      agenda: [],
      handouts: [],
      changes: [],
    },
  ],
  committees: [{ id: 'c', name: { ja: '部会', en: 'Subcommittee' }, changes: [] }],
  plans: [],
  indicators: [],
  funds: [],
} as unknown as Collections;

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' });
const ctx = { origin: 'https://example.org', lang: 'en' as const, updated: '2025-01-10' };

describe('feeds', () => {
  it('paths: /changes/atom.xml and /en/meetings/atom.xml', () => {
    expect(feedPath('changes', 'ja')).toBe('/changes/atom.xml');
    expect(feedPath('meetings', 'en')).toBe('/en/meetings/atom.xml');
  });
  it('the changes feed is well-formed Atom with id, title, updated, self link and entries with their own', () => {
    const xml = changesFeed(data, ctx);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:example.org,2026:en/changes');
    expect(feed.title).toBe('Updates | Zaitaku Atlas');
    expect(feed.updated).toBe('2025-01-09T15:00:00.000Z');
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe(
      'https://example.org/en/changes/atom.xml',
    );
    const [entry] = feed.entry;
    expect(entry.id).toMatch(/^tag:example\.org,2026:changes\/programs\/p\/2025-01-10\/[0-9a-z]+$/);
    expect(entry.title['#text'] ?? entry.title).toContain('Program <A&B>');
    expect(entry.summary['#text'] ?? entry.summary).toBe('Corrected </summary>.');
    expect(entry.updated).toBe('2025-01-09T15:00:00.000Z');
    expect(entry.link[0]['@_href']).toBe('https://example.org/en/programs/p/');
  });
  it('the meetings feed has one entry per meeting with an id from the meeting id', () => {
    const xml = meetingsFeed(data, ctx, () => '2025-02-06');
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(['tag:example.org,2026:meetings/m1']);
    expect(feed.entry[0].updated).toBe(tokyoMidnight('2025-02-06').toISOString());
  });
});
