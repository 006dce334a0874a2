/**
 * The search page's script — the only client-side JavaScript on the site. Loads Pagefind
 * (/pagefind/pagefind.js, built by src/integrations/search-index.ts) when the search page opens, reads ?q= and
 * the filters from the URL, searches as the user types, and renders results with their kind, fiscal
 * years and a highlighted excerpt. The query is folded like the index (src/lib/search.ts).
 * No inline script or handler (CSP): Astro bundles this module.
 */
import {
  cleanExcerpt,
  closestSuggestions,
  kanaVariants,
  normalizeQuery,
  orderByTitle,
  YEAR_TOKEN_PATTERN,
} from '../lib/search.ts';
import { formatFiscalYearName, formatFiscalYearRuns, punctuation } from '../lib/format.ts';
import type { Lang } from '../lib/i18n.ts';

interface Labels {
  loading: string;
  loadError: string;
  empty: string;
  count: string;
  countOne: string;
  none: string;
  all: string;
  years: string;
  latest: string;
  suggest: string;
  browse: string;
  browseLinks: [string, string][];
  kinds: Record<string, string>;
  filters: Record<string, string>;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    q: string | null,
    o?: { filters?: Record<string, string[]> },
  ) => Promise<{ results: PagefindResult[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/**
 * Pagefind options. pageLength 0.5 (default 0.75): long source texts neither dominate nor vanish;
 * Pagefind's own title ranking (metaWeights, default) and the title boost on each page of results
 * (orderByTitle) do the rest. noWorker: the index is small, and the main thread saves
 * the worker's 42 KB and its start-up (time to first result measured by scripts/search-bench.ts).
 */
export const PAGEFIND_OPTIONS = { ranking: { pageLength: 0.5 }, excerptLength: 36, noWorker: true };
const PAGE_SIZE = 10;
/**
 * Pause after a keystroke before searching (Pagefind's own input waits 300 ms; GOV.UK's finders search a text
 * field only on change or Enter). 120 ms lets a typist's next key cancel the search and still shows results
 * while the hands are on the keys.
 */
const DEBOUNCE_MS = 120;
const FILTERS = ['kind', 'fy', 'initiative', 'bureau', 'fund'];

const root = document.getElementById('search') as HTMLElement;
const lang = (root.dataset.lang ?? 'ja') as Lang;
const labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
/**
 * The folder of this language's index (/pagefind/<lang>_<content hash>/), set on the built page by the index step
 * (pointSearchPage in src/integrations/search-index.ts); Pagefind's script is in /pagefind/.
 */
const indexBase = new URL(root.dataset.index ?? '/pagefind/', location.href);
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const filterBox = document.getElementById('search-filters') as HTMLFieldSetElement;
const selects = new Map(FILTERS.map((f) => [f, document.getElementById(`search-filter-${f}`) as HTMLSelectElement]));

let pagefind: Pagefind | undefined;
let sequence = 0;
let current: PagefindResult[] = [];
/** The query the current results are for, as typed (the title boost compares titles with it). */
let currentQuery = '';
let shown = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
/**
 * The text the latest search was run for: some browsers send an input event after the IME's compositionend
 * (which has already searched), and it should not search again.
 */
let lastRunValue: string | undefined;
let firstResult = true;
let suggestions: Promise<{ t: string; u: string; k: string }[]> | undefined;
const suggestBox = document.getElementById('search-suggest') as HTMLElement;

function setState(state: string, query?: string) {
  root.dataset.state = state;
  if (query !== undefined) root.dataset.query = query;
}

/**
 * Pagefind's excerpt is HTML with <mark>: keep only its text and the marks, drop the tokens the indexer
 * added (nendo2024, day20250205) and the spaces and punctuation they leave (cleanExcerpt). Returns the
 * nodes and how many marks are left.
 */
function excerptNodes(html: string): { nodes: Node[]; marks: number } {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  // Marks travel through the cleaning as \u0001…\u0002, so spaces are judged across their edges.
  const joined = Array.from(doc.body.childNodes)
    .map((n) => (n.nodeName === 'MARK' ? `\u0001${n.textContent ?? ''}\u0002` : (n.textContent ?? '')))
    .join('');
  const nodes: Node[] = [];
  let marks = 0;
  // A mark around a token alone (nendo2024) is left empty by the cleaning: drop it first.
  const untokened = joined.replace(YEAR_TOKEN_PATTERN, '').replace(/\u0001\s*\u0002/g, ' ');
  for (const [i, part] of cleanExcerpt(untokened)
    .split(/\u0001([^\u0002]*)\u0002/)
    .entries()) {
    if (i % 2 === 0) {
      if (part) nodes.push(document.createTextNode(part));
    } else if (part.trim()) {
      const mark = document.createElement('mark');
      mark.textContent = part;
      nodes.push(mark);
      marks++;
    } else if (part) nodes.push(document.createTextNode(part));
  }
  return { nodes, marks };
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = data.url;
  a.textContent = data.meta.label || data.meta.title || data.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const kind = data.filters.kind?.[0];
  if (kind) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = labels.kinds[kind] ?? kind;
    meta.append(badge);
  }
  const years = (data.filters.fy ?? []).map(Number).filter(Number.isInteger);
  if (years.length) meta.append(`${labels.years}${punctuation(lang).colon}${formatFiscalYearRuns(years, lang)}`);
  if (data.meta.amount) {
    const amount = document.createElement('span');
    amount.className = 'search-amount';
    amount.textContent = `${labels.latest}${punctuation(lang).colon}${data.meta.amount}`;
    meta.append(amount);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  const { nodes, marks } = excerptNodes(data.excerpt);
  // A match on fiscal-year tokens alone highlights nothing: show the page description instead.
  if (marks === 0 && data.meta.description) excerpt.textContent = data.meta.description;
  else excerpt.append(...nodes);
  li.append(h, meta, excerpt);
  return li;
}

/**
 * Appends a page of results, in title-boost order within the page (orderByTitle: a title that contains the query
 * before Pagefind's other results).
 */
function appendPage(next: PagefindResultData[]) {
  const ordered = currentQuery ? orderByTitle(currentQuery, next, (d) => d.meta.label || d.meta.title || '') : next;
  list.append(...ordered.map(renderResult));
  shown += ordered.length;
  list.hidden = shown === 0;
  if (firstResult && ordered.length) {
    firstResult = false;
    performance.mark('search:first-result');
  }
  more.hidden = shown >= current.length;
}

/** Appends the next page of results once their fragments are loaded (fetched in parallel). */
async function showMore(seq: number) {
  const next = await Promise.all(current.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
  if (seq !== sequence) return;
  appendPage(next);
}

/** Filters from the address apply from the first search, before the selects are filled. */
const initialParams = new URLSearchParams(location.search);
let filtersBuilt = false;

function selectedFilters(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, select] of selects) {
    const value = filtersBuilt ? select.value : initialParams.get(name);
    if (value) out[name] = [value];
  }
  return out;
}

function countText(n: number): string {
  return n === 0 ? labels.none : n === 1 ? labels.countOne : labels.count.replace('{count}', String(n));
}

/** Keeps ?q= and the filters in the address, so a search can be bookmarked and shared. */
function syncUrl(raw: string) {
  const params = new URLSearchParams();
  if (raw) params.set('q', raw);
  for (const [name, values] of Object.entries(selectedFilters())) params.set(name, values[0]!);
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}

/** A search and the fragments of its first page of results, kept for the text and filters it was run for. */
interface Found {
  results: PagefindResult[];
  first: PagefindResultData[];
}
let prepared: { raw: string; filters: string; found: Promise<Found | null> } | undefined;

/**
 * Searches for `raw` (folded: `query`) and loads the fragments of the first page of results, or returns the search
 * already started for the same text and filters: while an IME shows a converted candidate, the search runs for it,
 * and its commit (most often the same text) then only renders. The query and its other kana spellings
 * (かすはら → カスハラ) are merged: a page found by several keeps its best score.
 */
function prepare(raw: string, query: string, filters: Record<string, string[]>): Promise<Found | null> {
  const key = JSON.stringify(filters);
  if (prepared?.raw === raw && prepared.filters === key) return prepared.found;
  const found = (async () => {
    const variants = query ? [query, ...kanaVariants(query)] : [query];
    const searches = await Promise.all(variants.map((v) => pagefind!.search(v || null, { filters })));
    if (searches.some((r) => !r)) return null;
    const best = new Map<string, PagefindResult>();
    for (const r of searches.flatMap((s) => s!.results)) if ((best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, r);
    const results = variants.length > 1 ? [...best.values()].sort((a, b) => b.score - a.score) : searches[0]!.results;
    return { results, first: await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data())) };
  })();
  // A failed search is not kept: the next attempt for the same text runs it again.
  found.catch(() => {
    if (prepared?.found === found) prepared = undefined;
  });
  prepared = { raw, filters: key, found };
  return found;
}

async function run() {
  if (!pagefind) return;
  const seq = ++sequence;
  const raw = input.value;
  lastRunValue = raw;
  const query = normalizeQuery(raw);
  const filters = selectedFilters();
  syncUrl(raw.trim());
  if (!query && !Object.keys(filters).length) {
    current = [];
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    status.textContent = labels.empty;
    setState('done', raw);
    return;
  }
  setState('searching', raw);
  const found = await prepare(raw, query, filters);
  if (seq !== sequence || !found) return;
  current = found.results;
  currentQuery = query ? raw : '';
  shown = 0;
  list.replaceChildren();
  list.hidden = true;
  appendPage(found.first);
  status.textContent = countText(current.length);
  if (!current.length && query) await showSuggestions(raw, seq);
  else suggestBox.hidden = true;
  setState('done', raw);
}

/** Nothing found: the closest titles and terms (suggest-<lang>.json, built with the index) and ways to browse. */
async function showSuggestions(raw: string, seq: number) {
  suggestions ??= fetch(new URL(`suggest-${lang}.json`, indexBase))
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []) as Promise<{ t: string; u: string; k: string }[]>;
  const closest = closestSuggestions(raw, await suggestions);
  if (seq !== sequence) return;
  const heading = document.createElement('h2');
  heading.textContent = labels.suggest;
  const items = document.createElement('ul');
  for (const s of closest) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = s.u;
    a.textContent = s.t;
    li.append(a, ` (${labels.kinds[s.k] ?? s.k})`);
    items.append(li);
  }
  const browse = document.createElement('p');
  browse.append(`${labels.browse} `);
  labels.browseLinks.forEach(([text, href], i) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    browse.append(...(i ? [punctuation(lang).series, a] : [a]));
  });
  suggestBox.replaceChildren(...(closest.length ? [heading, items] : []), browse);
  suggestBox.hidden = false;
}

/** Kanji or katakana in an IME's composition: a converted candidate, which the user usually commits as it is. */
const CONVERTED = /[\p{Script=Han}\p{Script=Katakana}]/u;

/**
 * While an IME shows a converted candidate, searches for it (prepare): the commit, a deliberate act a moment later,
 * then has its results. Kana still being typed is not searched (it changes with every key, and each prefix would
 * fetch index chunks of its own).
 */
function searchCandidate(raw: string) {
  const query = normalizeQuery(raw);
  if (!query || !pagefind) return;
  void prepare(raw, query, selectedFilters()).catch(() => undefined);
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), DEBOUNCE_MS);
}

/**
 * The filter lists: values and page counts from filters-<lang>.json (written with the index, a few KB
 * whatever the number of pages); Pagefind's own filter files are loaded only when a filter is used.
 */
async function buildFilters() {
  const available = (await fetch(new URL(`filters-${lang}.json`, indexBase))
    .then((r) => (r.ok ? r.json() : pagefind!.filters()))
    .catch(() => pagefind!.filters())) as Record<string, Record<string, number>>;
  const params = initialParams;
  const collator = new Intl.Collator(lang);
  const kindOrder = Object.keys(labels.kinds);
  for (const [name, select] of selects) {
    const counts = available[name] ?? {};
    const values = Object.keys(counts);
    if (!values.length) continue;
    if (name === 'fy') values.sort((a, b) => Number(b) - Number(a));
    else if (name === 'kind') values.sort((a, b) => (kindOrder.indexOf(a) >>> 0) - (kindOrder.indexOf(b) >>> 0));
    else values.sort(collator.compare);
    for (const value of values) {
      const text =
        name === 'kind'
          ? (labels.kinds[value] ?? value)
          : name === 'fy'
            ? formatFiscalYearName(Number(value), lang)
            : value;
      select.append(new Option(`${text} (${counts[value]})`, value));
    }
    const wanted = params.get(name);
    if (wanted && values.includes(wanted)) select.value = wanted;
    select.closest<HTMLElement>('.search-filter')!.hidden = false;
    filterBox.hidden = false;
    filterBox.closest<HTMLElement>('details')!.hidden = false;
  }
  filtersBuilt = true;
}

async function start() {
  input.value = initialParams.get('q') ?? '';
  setState('loading');
  status.textContent = labels.loading;
  try {
    pagefind = (await import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', location.href).href)) as Pagefind;
    await pagefind.options({ ...PAGEFIND_OPTIONS, basePath: indexBase.pathname });
    await pagefind.init();
  } catch (err) {
    console.error(err);
    status.textContent = labels.loadError;
    setState('error');
    return;
  }
  // Search as the user types, after a pause (DEBOUNCE_MS). While an IME composes Japanese, wait for the converted
  // text; its commit (compositionend) is a deliberate act, like Enter, so it searches at once.
  input.addEventListener('input', (e) => {
    const { isComposing, data } = e as InputEvent;
    if (!isComposing) {
      if (input.value !== lastRunValue) schedule();
    } else if (data && CONVERTED.test(data)) searchCandidate(input.value);
  });
  input.addEventListener('compositionend', () => {
    clearTimeout(timer);
    if (input.value !== lastRunValue) void run();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run();
  });
  for (const select of selects.values()) select.addEventListener('change', () => void run());
  more.addEventListener('click', () => {
    const first = shown;
    void showMore(sequence).then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
  });
  // The first results first; then the filter lists (their files would compete with the results').
  await run();
  await buildFilters().catch((err) => console.error(err));
  // V8 runs Pagefind's WebAssembly in baseline code until it is hot, so the first search was several times
  // slower than the next. Opened without a query, the page searches for every page once it is idle (no term:
  // no index file is fetched), so the first keystroke runs optimised code (measured at 10,000 programs, on an
  // index in 8 parts: the first part's search took 230–280 ms cold, 70 ms after this, at load 15–20).
  if (!initialParams.get('q')) whenIdle(() => void pagefind?.search(null).catch(() => undefined));
}

function whenIdle(task: () => void) {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 500);
}

void start();
