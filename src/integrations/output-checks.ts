/**
 * Cheap checks over a finished build, before it is published (src/integrations/atlas.ts): they catch a
 * build that went wrong without an error — pages missing for entries of the data, an empty or cut-off
 * HTML file, a page whose CSP meta is missing or not first in <head>, a missing sitemap, `_redirects`,
 * `_headers` or search index, a language with nothing indexed. Each problem is one line naming the file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedData } from '../data/index.ts';
import type { CollectionName } from '../schemas/index.ts';
import { LANGS } from '../lib/i18n.ts';
import { paths } from '../lib/urls.ts';
import { cspMetaFirst, metaPolicyOf } from '../lib/csp.ts';

/** Pages every build has, in each language. */
const FIXED_PAGES = [
  paths.home,
  paths.programs,
  paths.meetings,
  paths.committees,
  paths.plans,
  paths.indicators,
  paths.regulations,
  paths.surveys,
  paths.sources,
  paths.fiscalYears,
  paths.glossary,
  paths.about,
  paths.search,
];

/** Collections whose entries each have a page, and the path of that page. */
const ENTRY_PAGES: Partial<Record<CollectionName, (lang: (typeof LANGS)[number], id: string) => string>> = {
  programs: paths.program,
  meetings: paths.meeting,
  committees: paths.committee,
  plans: paths.plan,
  indicators: paths.indicator,
  regulations: paths.regulation,
  surveys: paths.survey,
  sources: paths.source,
};

/** The URL paths the data requires: the fixed pages and a page per entry, in both languages. */
export function expectedPages(checked: Pick<CheckedData, 'entries'>): string[] {
  const out = LANGS.flatMap((lang) => FIXED_PAGES.map((page) => page(lang)));
  for (const entry of checked.entries) {
    const page = ENTRY_PAGES[entry.collection];
    if (page) for (const lang of LANGS) out.push(page(lang, entry.id));
  }
  return out;
}

/** The HTML file that serves a URL path in outDir. */
export function htmlFileOf(outDir: string, path: string): string {
  return path.endsWith('.html') ? join(outDir, path) : join(outDir, path, 'index.html');
}

export interface PageFacts {
  noindex: boolean;
  /** A meta-refresh page (a former id), which Astro writes without the layout. */
  redirect: boolean;
  problems: string[];
}

/** What one built page says about itself, and what is wrong with it. */
export function inspectPage(path: string, html: string): PageFacts {
  const problems: string[] = [];
  const redirect = /<meta http-equiv="refresh"/i.test(html);
  // Astro's redirect pages end with </body> (its template has no </html>); every other page with </html>.
  const end = redirect ? '</body>' : '</html>';
  if (html.trim() === '') problems.push(`${path}: empty HTML file`);
  else if (!html.trimEnd().toLowerCase().endsWith(end)) problems.push(`${path}: HTML ends before ${end}`);
  else if (!redirect) {
    if (!metaPolicyOf(html)) problems.push(`${path}: no Content-Security-Policy meta`);
    else if (!cspMetaFirst(html)) problems.push(`${path}: the CSP meta is not first in <head> after <meta charset>`);
  }
  return { noindex: /<meta name="robots" content="noindex"/.test(html), redirect, problems };
}

/** Problems with the output as a whole, before the search index: expected pages and site files. */
export function checkOutput(outDir: string, expected: readonly string[]): string[] {
  const problems: string[] = [];
  const missing = expected.filter((path) => !existsSync(htmlFileOf(outDir, path)));
  if (missing.length)
    problems.push(
      `${missing.length} page(s) the data requires were not built: ${missing.slice(0, 5).join(', ')}` +
        (missing.length > 5 ? ' …' : ''),
    );
  for (const file of ['sitemap.xml', '_redirects', '_headers', 'robots.txt'])
    problems.push(...fileProblems(outDir, file));
  if (existsSync(join(outDir, 'sitemap.xml')) && !readFileSync(join(outDir, 'sitemap.xml'), 'utf8').includes('<loc>'))
    problems.push('sitemap.xml: lists no page');
  return problems;
}

/** Problems with the search index once it is written: its script present, pages indexed in every language. */
export function checkIndex(outDir: string, indexedPages: ReadonlyMap<string, number>): string[] {
  const problems = fileProblems(outDir, 'pagefind/pagefind.js');
  for (const lang of LANGS) if (!indexedPages.get(lang)) problems.push(`search index: no ${lang} pages indexed`);
  return problems;
}

/** A site file that is missing, or empty (`_redirects` may be: a site without former ids). */
function fileProblems(outDir: string, file: string): string[] {
  const full = join(outDir, file);
  if (!existsSync(full)) return [`${file}: missing`];
  if (file !== '_redirects' && statSync(full).size === 0) return [`${file}: empty`];
  return [];
}
