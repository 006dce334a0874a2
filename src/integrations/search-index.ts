/**
 * The Pagefind search index of the built site, written into its output directory when the build is
 * done (src/integrations/atlas.ts runs buildSearchIndex on the directory Astro reports, in a child process:
 * search-index-process.ts).
 *
 * Reads every page of dist/ that marks its main content with data-pagefind-body (Base.astro does when
 * a page has a searchKind) and indexes a folded copy through Pagefind's Node API; the built pages
 * are not changed. The copy differs from the page in two ways (see src/lib/search.ts):
 * - its text is NFKC-folded and numbers are split from counters (foldHtmlText), as the query is;
 * - a fiscal year is one token (nendo2024), put after every fiscal year the text writes out and, at the
 *   end, for every year the page covers (its `fy` filter); the query rewrites 令和6年度 / R6 / 2024年度 /
 *   FY2024 / 平成31年度 to it.
 * One index per language, chosen by <html lang>; each stores at most MAX_POSITIONS positions of a word per
 * page (src/integrations/search-positions.ts), so what a keystroke costs does not grow with how often a
 * word is repeated on the pages it matches; its pages and chunks are named by number
 * (src/integrations/search-names.ts), so the page list loaded before the first query compresses (gzipped again
 * with Zopfli, with the WebAssembly: search-compress.ts). Each language's index, with its filters-<lang>.json
 * (filter lists) and suggest-<lang>.json (titles and glossary terms offered when nothing is found), is written to
 * <outDir>/pagefind/<lang>_<content hash>/ and its search page is pointed at that folder (INDEX_ATTRIBUTE);
 * Pagefind's scripts are in <outDir>/pagefind/. Ranking needs
 * nothing else: Pagefind ranks titles itself and the search page re-ranks each page of results by its titles
 * (orderByTitle in src/lib/search.ts), so what a query fetches does not grow with the number of pages.
 *
 * What a page marks data-pagefind-ignore is not indexed: besides header, footer and navigation, what it repeats or
 * what is not its content (a program's table of all figures, which repeats its sheet; an empty cell's "none";
 * footnote numbers; the scroll hint; print-only lines), so that results' fragments hold each thing once.
 *
 * Only the part of each page that Pagefind reads is folded and sent (indexedPart), and several pages
 * are in flight to Pagefind's service at once, so the service indexes while the next pages are folded.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  globSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { LANGS, type Lang } from '../lib/i18n.ts';
import { foldHtmlText, yearToken } from '../lib/search.ts';
import { paths } from '../lib/urls.ts';
import { recompressIndex } from './search-compress.ts';
import { compactIndexNames } from './search-names.ts';
import { capIndexPositions } from './search-positions.ts';

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

/** Pages per value of each filter, as Pagefind's filters() counts them: name → value → pages. */
export type FilterCounts = Record<string, Record<string, number>>;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x27': "'" };

/** Adds one page's filter values (its <data data-pagefind-filter="name[value]"> elements) to `counts`. */
export function countFilters(html: string, counts: FilterCounts): void {
  const seen = new Set<string>();
  for (const m of html.matchAll(/<data\b[^>]*\bdata-pagefind-filter="([^"[]+)\[value\]"[^>]*>/g)) {
    const raw = /\bvalue="([^"]*)"/.exec(m[0])?.[1];
    const value = raw?.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);
    const key = `${m[1]}\u0000${value}`;
    if (value === undefined || seen.has(key)) continue;
    seen.add(key);
    const byValue = (counts[m[1]!] ??= {});
    byValue[value] = (byValue[value] ?? 0) + 1;
  }
}

/** `counts` with names and values in a fixed order, so the written file is the same on every build. */
function sortedCounts(counts: FilterCounts): FilterCounts {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return Object.fromEntries(
    Object.keys(counts)
      .sort(order)
      .map((name) => [name, Object.fromEntries(Object.entries(counts[name]!).sort(([a], [b]) => order(a, b)))]),
  );
}

/**
 * The copy of a page that is indexed: folded text with year tokens after the fiscal years it writes out
 * (foldHtmlText), plus at the end of <main> the tokens of the fiscal years the page covers (its `fy` filter), a
 * space after each table cell (withCellBreaks) and no `id` attributes (withoutIds).
 */
export function indexCopy(html: string): string {
  const covered = [...new Set(dataValues(html, 'fy').map(Number).filter(Number.isInteger))].sort((a, b) => a - b);
  let copy = withCellBreaks(withoutIds(foldHtmlText(html)));
  if (covered.length) {
    const end = copy.lastIndexOf('</main>');
    if (end < 0) throw new Error('indexed page without </main>');
    const tokens = `<p data-pagefind-weight="${COVERED_YEAR_WEIGHT}">${covered.map(yearToken).join(' ')}</p>`;
    copy = `${copy.slice(0, end)}${tokens}${copy.slice(end)}`;
  }
  return copy;
}

/**
 * `html` without the `id` attributes of its elements. Pagefind stores each element id in the indexed part as an
 * anchor in the page's fragment, for sub-results the search page does not show; every result fetches its
 * fragment, and at 10,000 programs the anchors were ~10 % of the bytes of a page of results. Ids do not change
 * what is found or how it ranks. Only tags are touched: text never holds a raw "<" followed by a letter.
 */
export function withoutIds(html: string): string {
  return html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\s+id="[^"]*"/g, ''));
}

/**
 * `html` with a space after each table cell. Pagefind separates the text of block elements but not of cells, and
 * Astro writes cells without space between them: a header row "Item" "FY2018" was indexed as the word "itemfy2018".
 */
export function withCellBreaks(html: string): string {
  return html.replace(/<\/t[dh]>/g, '$& ');
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
 * Writes suggest-<lang>.json: the titles of programs, committees, plans, 取組, indicators and meetings
 * (`titles`, collected from Pagefind's answers while indexing) and the glossary terms, for the search page's
 * "did you mean" when nothing is found.
 */
export function writeSuggestions(
  root: string,
  dirOf: (lang: string) => string,
  titles: ReadonlyMap<string, readonly Suggestion[]>,
): Map<string, number> {
  const byLang = new Map([...titles].map(([lang, list]) => [lang, [...list]]));
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
    writeFileSync(join(dirOf(lang), `suggest-${lang}.json`), json);
    sizes.set(lang, Buffer.byteLength(json));
  }
  return sizes;
}

/**
 * The part of a built page that Pagefind reads: its <html> tag (the language) and the
 * <main data-pagefind-body> element, which holds the h1, the filters and the meta. Header, footer and
 * <head> are left out, so they are neither folded nor sent to Pagefind. Undefined for a page without it.
 */
export function indexedPart(html: string): string | undefined {
  const start = /<main\b[^>]*\bdata-pagefind-body[^>]*>/.exec(html);
  const end = html.lastIndexOf('</main>');
  if (!start || end < start.index) return undefined;
  const htmlTag = /<html\b[^>]*>/.exec(html)?.[0] ?? '<html>';
  return `<!DOCTYPE html>${htmlTag}<body>${html.slice(start.index, end + '</main>'.length)}</body></html>`;
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
  /** Milliseconds spent reading, folding and indexing the pages, and writing the index (slowest language). */
  ms: { pages: number; write: number };
}

/** What indexing the pages of one language gives back (from a worker thread: structured-clone data only). */
export interface LanguageIndex {
  lang: string;
  pages: number;
  skipped: number;
  suggestions: Suggestion[];
  /** Pages per filter value, for the search page's filter lists (filters-<lang>.json). */
  filters: FilterCounts;
  ms: { pages: number; write: number };
}

/**
 * Above this many pages in one language, the languages are indexed one after the other. A Pagefind service holds
 * its whole index until it is written: measured on a 2-core machine, 0.6 GB for ~1,500 pages of a language (1,000
 * programs); for ~11,700 (10,000 programs) 4.2 GB in English and 7.5 GB in Japanese, beside the indexing process's
 * own heap — two at once would need ~12 GB. Below it both languages are indexed at once, one per core.
 * That memory is live data, not allocator slack: Pagefind's Linux binary is static (musl) with jemalloc, so glibc's
 * MALLOC_* variables do nothing, and its own settings (_RJEM_MALLOC_CONF) were measured and left at their defaults —
 * one arena or early purging saved ≤ 11 % of the peak for up to 2.5× the CPU; never purging saved half the CPU of
 * writing the index for 20 % more peak (3,000 Japanese pages).
 */
export const PARALLEL_MAX_PAGES = 6_000;

/**
 * Whether the languages (`pages`: HTML files of each) are indexed at once: more than one language and one core, none
 * above PARALLEL_MAX_PAGES, and not turned off with ATLAS_INDEX_THREADS=0.
 */
export function indexInParallel(
  pages: readonly number[],
  cores: number,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return pages.length > 1 && cores > 1 && env.ATLAS_INDEX_THREADS !== '0' && Math.max(...pages) <= PARALLEL_MAX_PAGES;
}

/** How many pages are in flight to Pagefind's service at once (it indexes them while the next are folded). */
const IN_FLIGHT = 16;

/**
 * Indexes `files` (pages of one language, paths relative to `root`) into a Pagefind index written to
 * `outputPath`, with its own Pagefind service, then caps the word positions it stores per page
 * (capIndexPositions), gives its pages and chunks short names (compactIndexNames) and gzips its metadata and
 * WebAssembly again, smaller (recompressIndex). Returns the titles to suggest, from Pagefind's answers.
 */
export async function indexLanguage(
  root: string,
  lang: string,
  files: readonly string[],
  outputPath: string,
): Promise<LanguageIndex> {
  const services: ChildProcess[] = [];
  try {
    const { index, errors } = await startPagefind(services);
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const started = performance.now();
    let pages = 0;
    let skipped = 0;
    const inFlight = new Set<Promise<void>>();
    const failures: string[] = [];
    const suggestions: Suggestion[] = [];
    const filters: FilterCounts = {};
    for (const file of files) {
      const part = indexedPart(readFileSync(join(root, file), 'utf8'));
      if (!part) {
        skipped++;
        continue;
      }
      const kind = dataValues(part, 'kind')[0] ?? '';
      const added = index.addHTMLFile({ url: urlOf(file), content: indexCopy(part) }).then((res) => {
        if (res.errors.length) return void failures.push(`${urlOf(file)}: ${res.errors.join('; ')}`);
        pages++;
        countFilters(part, filters);
        if (SUGGESTED_KINDS.has(kind))
          suggestions.push({ t: res.file.meta.label ?? res.file.meta.title ?? '', u: res.file.url, k: kind });
      });
      const tracked = added.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failures.length) throw new Error(`pagefind: ${failures.join('; ')}`);
    const pagesDone = performance.now();
    if (pages) {
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
      capIndexPositions(outputPath);
      compactIndexNames(outputPath);
      await recompressIndex(outputPath);
    }
    return {
      lang,
      pages,
      skipped,
      suggestions,
      filters: sortedCounts(filters),
      ms: { pages: pagesDone - started, write: performance.now() - pagesDone },
    };
  } finally {
    await closePagefind(services);
  }
}

/** Node's diagnostics channel on which every child process this thread starts is published. */
const CHILD_PROCESS_CHANNEL = 'child_process';

/** pagefind.createIndex(), collecting into `services` the process of the Pagefind service it starts (if it does). */
async function startPagefind(services: ChildProcess[]): ReturnType<typeof pagefind.createIndex> {
  const collect = (message: unknown) => services.push((message as { process: ChildProcess }).process);
  subscribe(CHILD_PROCESS_CHANNEL, collect);
  try {
    return await pagefind.createIndex({});
  } finally {
    unsubscribe(CHILD_PROCESS_CHANNEL, collect);
  }
}

/**
 * Stops this thread's Pagefind service and waits until its process (from startPagefind) has ended. pagefind.close()
 * only signals it: a service of a worker thread, or one closed just before the process exits, is then never waited
 * for by the process that started it, so its CPU time is missing from the build's (the kernel counts a child's time
 * to its parent only when the parent waits for it: GNU time and the bench missed ~24 s of the index step's ~40 s at
 * 1,000 programs) and it lingers as a zombie until the process ends.
 */
async function closePagefind(services: readonly ChildProcess[]): Promise<void> {
  await pagefind.close();
  const running = services.filter((s) => s.pid !== undefined && s.exitCode === null && s.signalCode === null);
  await Promise.all(
    running.map((service) => {
      const exited = once(service, 'exit');
      service.ref(); // Pagefind unrefs it: keep this thread alive until the exit is seen.
      return exited;
    }),
  );
}

/** The language of a built page, from the <html lang> near its start. */
function languageOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(1024);
    const read = readSync(fd, head, 0, head.length, 0);
    return /<html\b[^>]*\blang="([^"]+)"/.exec(head.subarray(0, read).toString('utf8'))?.[1] ?? '?';
  } finally {
    closeSync(fd);
  }
}

/** Indexes one language in a worker thread (src/integrations/search-index-worker.ts). */
function indexInWorker(root: string, lang: string, files: readonly string[], outputPath: string) {
  return new Promise<LanguageIndex>((resolve, reject) => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), {
      workerData: { root, lang, files, outputPath },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`search index worker (${lang}) exited with code ${code}`)));
  });
}

/**
 * Indexes every page of `root` (the built site) into `root`/pagefind/. Each language is its own Pagefind
 * index, so the languages are indexed in parallel, each in a worker thread with its own Pagefind service
 * (folding and Pagefind's work use the machine's cores) — or one after the other above PARALLEL_MAX_PAGES
 * pages in a language, for memory — into a directory of its own, which becomes pagefind/<lang>_<content hash>/
 * (placeIndex), its search page pointed at it (pointSearchPage).
 */
export async function buildSearchIndex(root: string): Promise<IndexSummary> {
  const outputPath = join(root, 'pagefind');
  rmSync(outputPath, { recursive: true, force: true });
  const byLang = new Map<string, string[]>();
  for (const file of globSync('**/*.html', { cwd: root })
    .map((f) => f.split('\\').join('/'))
    .sort()) {
    const lang = languageOf(join(root, file));
    byLang.set(lang, [...(byLang.get(lang) ?? []), file]);
  }
  const langs = [...byLang.keys()].sort();
  const parallel = indexInParallel(
    langs.map((l) => byLang.get(l)!.length),
    availableParallelism(),
  );
  const staging = (lang: string) => join(root, `pagefind.${lang}.tmp`);
  const results: LanguageIndex[] = [];
  try {
    if (parallel)
      results.push(...(await Promise.all(langs.map((l) => indexInWorker(root, l, byLang.get(l)!, staging(l))))));
    else for (const l of langs) results.push(await indexLanguage(root, l, byLang.get(l)!, staging(l)));
    const indexed = results.filter((r) => r.pages);
    if (!indexed.length) throw new Error(`no page in ${root} has data-pagefind-body: nothing to index`);
    writeSuggestions(root, staging, new Map(indexed.map((r) => [r.lang, r.suggestions])));
    // The filter lists without Pagefind's filter files, whose size grows with the pages (loaded only to filter).
    for (const r of indexed) writeFileSync(join(staging(r.lang), `filters-${r.lang}.json`), JSON.stringify(r.filters));
    for (const r of indexed)
      pointSearchPage(root, r.lang, `/pagefind/${placeIndex(staging(r.lang), outputPath, r.lang)}/`);
  } finally {
    for (const l of langs) rmSync(staging(l), { recursive: true, force: true });
  }
  return {
    pages: new Map(results.filter((r) => r.pages).map((r) => [r.lang, r.pages])),
    skipped: results.reduce((n, r) => n + r.skipped, 0),
    ms: {
      pages: Math.max(...results.map((r) => r.ms.pages)),
      write: Math.max(...results.map((r) => r.ms.write)),
    },
  };
}

/** Hex digits of an index folder's name (a content hash; 40 bits keep two builds' folders apart). */
const FOLDER_HEX = 10;

/**
 * A hash of every file under `dir` (its path and bytes, in path order): the name of the folder an index is served
 * from, so that a later build never serves other content under the same names (browsers and CDNs cache by name).
 */
export function contentHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of globSync('**/*', { cwd: dir, withFileTypes: false }).sort()) {
    const path = join(dir, file);
    if (statSync(path).isDirectory()) continue;
    const bytes = readFileSync(path);
    hash.update(`${file.split('\\').join('/')}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, FOLDER_HEX);
}

/** The index folders in `pagefindDir` (a built site's pagefind/), by language: what placeIndex wrote. */
export function indexFolders(pagefindDir: string): { lang: string; dir: string }[] {
  if (!existsSync(pagefindDir)) return [];
  return readdirSync(pagefindDir)
    .map((name) => ({ name, lang: new RegExp(`^([a-z-]+)_[0-9a-f]{${FOLDER_HEX}}$`).exec(name)?.[1] }))
    .filter(
      (f): f is { name: string; lang: string } =>
        !!f.lang && existsSync(join(pagefindDir, f.name, 'pagefind-entry.json')),
    )
    .map(({ name, lang }) => ({ lang, dir: join(pagefindDir, name) }))
    .sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
}

/** Pagefind's scripts and styles, the same for every index of one Pagefind version: kept once, in pagefind/. */
const isPagefindScript = (file: string) => /^pagefind[\w-]*\.(?:js|css)$/.test(file);

/**
 * Moves Pagefind's scripts from the one-language index written to `dir` into `outputPath` (the same for every
 * language: kept once), and the index itself to `outputPath`/<lang>_<contentHash>/. Returns that folder's name.
 */
export function placeIndex(dir: string, outputPath: string, lang: string): string {
  mkdirSync(outputPath, { recursive: true });
  for (const file of readdirSync(dir).filter(isPagefindScript)) {
    const to = join(outputPath, file);
    if (existsSync(to)) rmSync(join(dir, file));
    else renameSync(join(dir, file), to);
  }
  const folder = `${lang}_${contentHash(dir)}`;
  const target = join(outputPath, folder);
  if (existsSync(target)) throw new Error(`${target} exists: not overwritten`);
  renameSync(dir, target);
  return folder;
}

/**
 * The attribute by which the search page names the folder of its language's index: the page is written with
 * "/pagefind/" (no index yet), and the index step sets the folder once it is known.
 */
export const INDEX_ATTRIBUTE = 'data-index';

/** Points the built search page of `lang` at `base`, the folder of its index; false if there is no such page. */
export function pointSearchPage(root: string, lang: string, base: string): boolean {
  if (!LANGS.includes(lang as Lang)) return false;
  const file = join(root, paths.search(lang as Lang).slice(1), 'index.html');
  if (!existsSync(file)) return false;
  const html = readFileSync(file, 'utf8');
  const placeholder = `${INDEX_ATTRIBUTE}="/pagefind/"`;
  if (!html.includes(placeholder)) throw new Error(`${file}: no ${placeholder} to point at the index`);
  writeFileSync(file, html.replace(placeholder, `${INDEX_ATTRIBUTE}="${base}"`));
  return true;
}
