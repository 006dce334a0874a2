/**
 * Every public path of the site, built from ids (never titles), so URLs stay valid for years.
 * Japanese at the root, English under /en/ with the same path after it; always a trailing slash.
 */
import { DEFAULT_LANG, LANGS, type Lang } from './i18n.ts';
import { searchKey } from './text.ts';

/** Published origin for canonical URLs, the sitemap and QR codes. Set SITE_URL when building for production. */
export const DEFAULT_SITE_URL = 'https://zaitaku-atlas.example.org';

export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
  return (env.SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/**
 * The origin of a build for publication (npm run build:publish): SITE_URL, required, an absolute http(s) URL
 * other than the placeholder. Throws with a message that says what to set.
 */
export function publicationOrigin(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_URL?.trim();
  const how = 'Set it to the published address, e.g. SITE_URL=https://atlas.example.jp npm run build:publish';
  if (!raw) throw new Error(`SITE_URL is not set: a build for publication prints its URLs and QR codes. ${how}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not a URL: "${raw}". ${how}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`SITE_URL must be an http(s) address: "${raw}". ${how}`);
  if (url.origin === DEFAULT_SITE_URL) throw new Error(`SITE_URL is the placeholder ${DEFAULT_SITE_URL}. ${how}`);
  return siteOrigin(env);
}

/** '/programs/x/' → '/programs/x/' (the default language, ja) or '/en/programs/x/'. */
export function localePath(lang: Lang, path: string): string {
  const clean = `/${path.replace(/^\/+/, '')}`;
  const withSlash = clean.endsWith('/') || clean.includes('#') ? clean : `${clean}/`;
  return lang === DEFAULT_LANG ? withSlash : `/${lang}${withSlash}`;
}

/** The language of a path: its first segment when that names a language, else the default. */
export function langOfPath(path: string): Lang {
  return LANGS.find((l) => l !== DEFAULT_LANG && (path === `/${l}` || path.startsWith(`/${l}/`))) ?? DEFAULT_LANG;
}

/** The same page in another language. */
export function twinPath(path: string, to: Lang): string {
  const from = langOfPath(path);
  const base = from === DEFAULT_LANG ? path : path.slice(from.length + 1) || '/';
  return localePath(to, base);
}

/**
 * Path segments the site itself uses under /programs/ (src/pages/[...lang]/programs/<segment>/): no
 * program may take one as its id or former id (the data check refuses it; a test keeps this list in
 * step with the route files).
 */
export const RESERVED_PROGRAM_SEGMENTS = ['by-budget', 'by-bureau', 'page'] as const;

/**
 * Names the site itself uses under /meetings/: a meeting called "all" would write its calendar
 * (/meetings/<id>.ics) over the calendar of every meeting, and one called "page" would sit at the address
 * of the list's further pages (/meetings/page/N/).
 */
export const RESERVED_MEETING_IDS = ['all', 'page'] as const;

export const paths = {
  home: (lang: Lang) => localePath(lang, '/'),
  programs: (lang: Lang) => localePath(lang, '/programs/'),
  programsByBudget: (lang: Lang) => localePath(lang, `/programs/${RESERVED_PROGRAM_SEGMENTS[0]}/`),
  /** One fiscal year's ranking: /programs/by-budget/2025/. */
  programsByBudgetYear: (lang: Lang, year: number) =>
    localePath(lang, `/programs/${RESERVED_PROGRAM_SEGMENTS[0]}/${year}/`),
  programsByBureau: (lang: Lang) => localePath(lang, `/programs/${RESERVED_PROGRAM_SEGMENTS[1]}/`),
  program: (lang: Lang, id: string) => localePath(lang, `/programs/${id}/`),
  meetings: (lang: Lang) => localePath(lang, '/meetings/'),
  meeting: (lang: Lang, id: string) => localePath(lang, `/meetings/${id}/`),
  /** A meeting as an iCalendar file (only for meetings whose day is known): /meetings/<id>.ics. */
  meetingCalendar: (lang: Lang, id: string) => `${localePath(lang, '/meetings/')}${id}.ics`,
  /** Every meeting whose day is known, one iCalendar file. */
  meetingsCalendar: (lang: Lang) => `${localePath(lang, '/meetings/')}${RESERVED_MEETING_IDS[0]}.ics`,
  committees: (lang: Lang) => localePath(lang, '/committees/'),
  committee: (lang: Lang, id: string) => localePath(lang, `/committees/${id}/`),
  regulations: (lang: Lang) => localePath(lang, '/regulations/'),
  regulation: (lang: Lang, id: string) => localePath(lang, `/regulations/${id}/`),
  surveys: (lang: Lang) => localePath(lang, '/surveys/'),
  survey: (lang: Lang, id: string) => localePath(lang, `/surveys/${id}/`),
  fiscalYears: (lang: Lang) => localePath(lang, '/fy/'),
  fiscalYear: (lang: Lang, year: number) => localePath(lang, `/fy/${year}/`),
  plans: (lang: Lang) => localePath(lang, '/plan/'),
  plan: (lang: Lang, id: string) => localePath(lang, `/plan/${id}/`),
  /** A 取組 / 事項 of a plan: its own page under the plan's. */
  initiative: (lang: Lang, plan: string, id: string) => localePath(lang, `/plan/${plan}/${id}/`),
  indicators: (lang: Lang) => localePath(lang, '/indicators/'),
  indicator: (lang: Lang, id: string) => localePath(lang, `/indicators/${id}/`),
  sources: (lang: Lang) => localePath(lang, '/sources/'),
  source: (lang: Lang, id: string) => localePath(lang, `/sources/${id}/`),
  glossary: (lang: Lang) => localePath(lang, '/glossary/'),
  about: (lang: Lang) => localePath(lang, '/about/'),
  /** The open-data page: every download with its data dictionary. */
  data: (lang: Lang) => localePath(lang, '/data/'),
  /** Every change note, newest first. */
  changes: (lang: Lang) => localePath(lang, '/changes/'),
  search: (lang: Lang) => localePath(lang, '/search/'),
};

/** FNV-1a: a short, stable hash for anchors derived from Japanese headings. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Anchor of a cited heading on its source page: stable as long as the heading text is. */
export function headingAnchor(heading: string): string {
  return `h-${fnv1a(searchKey(heading)).toString(36)}`;
}

export function sourceHeadingPath(lang: Lang, document: string, heading: string): string {
  return `${paths.source(lang, document)}#${headingAnchor(heading)}`;
}

export function absoluteUrl(path: string, origin = siteOrigin()): string {
  return `${origin}${path}`;
}
