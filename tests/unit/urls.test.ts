import { describe, expect, it } from 'vitest';
import { globSync, statSync } from 'node:fs';
import {
  absoluteUrl,
  headingAnchor,
  langOfPath,
  localePath,
  paths,
  RESERVED_MEETING_IDS,
  RESERVED_PROGRAM_SEGMENTS,
  siteOrigin,
  publicationOrigin,
  DEFAULT_SITE_URL,
  twinPath,
} from '../../src/lib/urls.ts';

describe('URLs', () => {
  it('puts Japanese at the root and English under /en/ with the same path', () => {
    expect(paths.program('ja', 'visiting-nursing-recruitment')).toBe('/programs/visiting-nursing-recruitment/');
    expect(paths.program('en', 'visiting-nursing-recruitment')).toBe('/en/programs/visiting-nursing-recruitment/');
    expect(paths.fiscalYear('en', 2025)).toBe('/en/fy/2025/');
    expect(paths.home('en')).toBe('/en/');
  });
  it('always ends with a slash', () => {
    expect(localePath('ja', '/glossary')).toBe('/glossary/');
  });
  it('finds the twin of a page in the other language', () => {
    expect(twinPath('/en/meetings/x/', 'ja')).toBe('/meetings/x/');
    expect(twinPath('/meetings/x/', 'en')).toBe('/en/meetings/x/');
    expect(twinPath('/', 'en')).toBe('/en/');
    expect(twinPath('/en/', 'ja')).toBe('/');
    expect(twinPath('/en', 'ja')).toBe('/');
    expect(langOfPath('/en/programs/x/')).toBe('en');
    expect(langOfPath('/english/')).toBe('ja');
  });
  it('takes the origin from SITE_URL, with a documented default', () => {
    expect(siteOrigin({ SITE_URL: 'https://atlas.example.jp/' })).toBe('https://atlas.example.jp');
    expect(siteOrigin({})).toMatch(/^https:\/\//);
    expect(absoluteUrl('/programs/x/', 'https://a.example')).toBe('https://a.example/programs/x/');
  });
  it('derives the same anchor for a heading whatever its spacing or width', () => {
    expect(headingAnchor('2 訪問看護人材確保事業')).toBe(headingAnchor('２　訪問看護人材確保事業'));
    expect(headingAnchor('2 訪問看護人材確保事業')).not.toBe(headingAnchor('3 管理者・指導者育成事業'));
    expect(headingAnchor('x')).toMatch(/^h-[0-9a-z]+$/);
  });
  it('reserves every path segment the routes of the site use under /programs/', () => {
    const dir = new URL('../../src/pages/[...lang]/programs/', import.meta.url).pathname;
    const segments = globSync('*', { cwd: dir }).filter(
      (name) => !name.startsWith('[') && statSync(`${dir}${name}`).isDirectory(),
    );
    expect(segments.sort()).toEqual([...RESERVED_PROGRAM_SEGMENTS].sort());
  });
  it("reserves the name of every calendar file and route folder the site has under /meetings/ beside the meetings' own", () => {
    const dir = new URL('../../src/pages/[...lang]/meetings/', import.meta.url).pathname;
    const calendars = globSync('*.ics.ts', { cwd: dir })
      .filter((name) => !name.startsWith('['))
      .map((name) => name.replace(/\.ics\.ts$/, ''));
    const folders = globSync('*', { cwd: dir }).filter(
      (name) => !name.startsWith('[') && statSync(`${dir}${name}`).isDirectory(),
    );
    expect([...calendars, ...folders].sort()).toEqual([...RESERVED_MEETING_IDS].sort());
  });
});

describe('publicationOrigin (npm run build:publish)', () => {
  it('is SITE_URL without its trailing slash', () => {
    expect(publicationOrigin({ SITE_URL: 'https://atlas.example.jp/' })).toBe('https://atlas.example.jp');
  });
  it('refuses a build without SITE_URL, saying what to set', () => {
    expect(() => publicationOrigin({})).toThrow(/SITE_URL is not set.*SITE_URL=https:/);
    expect(() => publicationOrigin({ SITE_URL: ' ' })).toThrow(/SITE_URL is not set/);
  });
  it('refuses the placeholder origin, a relative address and other schemes', () => {
    expect(() => publicationOrigin({ SITE_URL: DEFAULT_SITE_URL })).toThrow(/placeholder/);
    expect(() => publicationOrigin({ SITE_URL: 'atlas.example.jp' })).toThrow(/not a URL/);
    expect(() => publicationOrigin({ SITE_URL: 'ftp://atlas.example.jp' })).toThrow(/http\(s\)/);
  });
});
