/**
 * The Pagefind search index of the built site, written into its output directory when the build is
 * done (src/integrations/atlas.ts calls buildSearchIndex with the directory Astro reports).
 *
 * Reads every page of dist/ that marks its main content with data-pagefind-body (Base.astro does when
 * a page has a searchKind) and indexes a folded copy through Pagefind's Node API; the built pages
 * are not changed. The copy differs from the page in two ways (see src/lib/search.ts):
 * - its text is NFKC-folded and numbers are split from counters (foldHtmlText), as the query is;
 * - a fiscal year is one token (nendo2024), put after every fiscal year the text writes out and, at the
 *   end, for every year the page covers (its `fy` filter); the query rewrites 令和6年度 / R6 / 2024年度 /
 *   FY2024 / 平成31年度 to it.
 * One index per language, chosen by <html lang>. Writes <outDir>/pagefind/, and next to it
 * titles-<lang>.json: Pagefind's result id → titleKey() of the page title, for the search page's title
 * boost (titleRanker in src/lib/search.ts), so ranking needs no fragment download.
 */
import { globSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { foldHtmlText, titleKey, yearToken } from '../lib/search.ts';

/** Weight of the tokens of the fiscal years a page covers but may not write out (its text has its own, inline). */
const COVERED_YEAR_WEIGHT = 0.5;

/** Values of <data value="…" data-pagefind-filter="name[value]"> elements. */
export function dataValues(html: string, filter: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<data\b([^>]*)>/g)) {
    const attrs = m[1]!;
    if (!attrs.includes(`data-pagefind-filter="${filter}[value]"`)) continue;
    const value = /\bvalue="([^"]*)"/.exec(attrs)?.[1];
    if (value !== undefined) out.push(value);
  }
  return out;
}

/**
 * The copy of a page that is indexed: folded text with year tokens after the fiscal years it writes out
 * (foldHtmlText), plus at the end of <main> the tokens of the fiscal years the page covers (its `fy` filter).
 */
export function indexCopy(html: string): string {
  const covered = [...new Set(dataValues(html, 'fy').map(Number).filter(Number.isInteger))].sort((a, b) => a - b);
  let copy = foldHtmlText(html);
  if (covered.length) {
    const end = copy.lastIndexOf('</main>');
    if (end < 0) throw new Error('indexed page without </main>');
    const tokens = `<p data-pagefind-weight="${COVERED_YEAR_WEIGHT}">${covered.map(yearToken).join(' ')}</p>`;
    copy = `${copy.slice(0, end)}${tokens}${copy.slice(end)}`;
  }
  return copy;
}

/** Reads Pagefind's fragments (gzip, 'pagefind_dcd' + JSON) and writes titles-<lang>.json. */
export function writeTitleTables(outputPath: string): Map<string, number> {
  const tables = new Map<string, Record<string, string>>();
  const dir = join(outputPath, 'fragment');
  for (const name of globSync('*.pf_fragment', { cwd: dir }).sort()) {
    const id = name.replace(/\.pf_fragment$/, '');
    const lang = id.split('_')[0]!;
    const raw = gunzipSync(readFileSync(join(dir, name)));
    const fragment = JSON.parse(raw.subarray(12).toString('utf8')) as { meta: Record<string, string> };
    const table = tables.get(lang) ?? {};
    table[id] = titleKey(fragment.meta.label ?? fragment.meta.title ?? '');
    tables.set(lang, table);
  }
  const sizes = new Map<string, number>();
  for (const [lang, table] of tables) {
    const json = JSON.stringify(table);
    writeFileSync(join(outputPath, `titles-${lang}.json`), json);
    sizes.set(lang, Buffer.byteLength(json));
  }
  return sizes;
}

/** A title or term the search page offers when nothing is found: text, URL, kind. */
export interface Suggestion {
  t: string;
  u: string;
  k: string;
}
/** Kinds of page whose titles are offered (pages people look for by name). */
const SUGGESTED_KINDS = new Set(['program', 'committee', 'plan', 'initiative', 'indicator', 'meeting']);

/**
 * The terms of a built glossary page, linked by their anchors: the first span of each <dt id>, or on the index
 * (/glossary/) the link of each <li id> to the term's definition.
 */
export function glossaryTerms(html: string, pageUrl: string): Suggestion[] {
  const out: Suggestion[] = [];
  for (const m of html.matchAll(/<(?:dt|li) id="([^"]+)">(?:<span>|<a href="[^"]*">)([^<]+)<\/(?:span|a)>/g)) {
    out.push({ t: m[2]!.replace(/&amp;/g, '&'), u: `${pageUrl}#${m[1]}`, k: 'glossary' });
  }
  return out;
}

/**
 * Writes suggest-<lang>.json: the titles of programs, committees, plans, 取組, indicators and meetings (from
 * Pagefind's fragments) and the glossary terms, for the search page's "did you mean" when nothing is found.
 */
export function writeSuggestions(root: string, outputPath: string): Map<string, number> {
  const byLang = new Map<string, Suggestion[]>();
  const dir = join(outputPath, 'fragment');
  for (const name of globSync('*.pf_fragment', { cwd: dir }).sort()) {
    const lang = name.split('_')[0]!;
    const raw = gunzipSync(readFileSync(join(dir, name)));
    const fragment = JSON.parse(raw.subarray(12).toString('utf8')) as {
      url: string;
      meta: Record<string, string>;
      filters: Record<string, string[]>;
    };
    const kind = fragment.filters.kind?.[0] ?? '';
    if (!SUGGESTED_KINDS.has(kind)) continue;
    const list = byLang.get(lang) ?? [];
    list.push({ t: fragment.meta.label ?? fragment.meta.title ?? '', u: fragment.url, k: kind });
    byLang.set(lang, list);
  }
  for (const [lang, prefix] of [
    ['ja', ''],
    ['en', 'en/'],
  ]) {
    const file = join(root, `${prefix}glossary/index.html`);
    if (!byLang.has(lang!) || !globSync(`${prefix}glossary/index.html`, { cwd: root }).length) continue;
    byLang.get(lang!)!.push(...glossaryTerms(readFileSync(file, 'utf8'), `/${prefix}glossary/`));
  }
  const sizes = new Map<string, number>();
  for (const [lang, list] of byLang) {
    list.sort((a, b) => a.u.localeCompare(b.u));
    const json = JSON.stringify(list);
    writeFileSync(join(outputPath, `suggest-${lang}.json`), json);
    sizes.set(lang, Buffer.byteLength(json));
  }
  return sizes;
}

/** '/programs/x/' for programs/x/index.html (relative to the site root, '/' separated). */
function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export interface IndexSummary {
  /** Indexed pages per language. */
  pages: Map<string, number>;
  /** Pages without data-pagefind-body. */
  skipped: number;
}

/** Indexes every page of `root` (the built site) into `root`/pagefind/. */
export async function buildSearchIndex(root: string): Promise<IndexSummary> {
  const outputPath = join(root, 'pagefind');
  rmSync(outputPath, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const pages = new Map<string, number>();
    let skipped = 0;
    const files = globSync('**/*.html', { cwd: root }).map((f) => f.split('\\').join('/'));
    for (const file of files.filter((f) => !f.startsWith('pagefind/')).sort()) {
      const html = readFileSync(join(root, file), 'utf8');
      if (!/<main\b[^>]*\bdata-pagefind-body/.test(html)) {
        skipped++;
        continue;
      }
      const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? '?';
      const res = await index.addHTMLFile({ url: urlOf(file), content: indexCopy(html) });
      if (res.errors.length) throw new Error(`pagefind: ${urlOf(file)}: ${res.errors.join('; ')}`);
      pages.set(lang, (pages.get(lang) ?? 0) + 1);
    }
    if (!pages.size) throw new Error(`no page in ${root} has data-pagefind-body: nothing to index`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    writeTitleTables(outputPath);
    writeSuggestions(root, outputPath);
    return { pages, skipped };
  } finally {
    await pagefind.close();
  }
}
