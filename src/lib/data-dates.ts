/**
 * When the data behind each page last changed: the newest commit date (Asia/Tokyo calendar day) of
 * the data files the page is built from, read from the repository history once per build.
 *
 * - readDataDates() runs one `git log` over the data folder (impure); everything else here is pure
 *   and tested in tests/unit/data-dates.test.ts.
 * - A file with no history (git missing, data outside the repository such as generated benchmark
 *   trees, an untracked file) gets the fallback date, chosen so that two builds of the same commit
 *   always print the same dates: $SOURCE_DATE_EPOCH when set, else the date of the last commit of
 *   the project, else the newest date the data itself states (a document or meeting date). In a
 *   shallow clone every file's history ends at the clone's one commit, so its date is that commit's.
 * - Which files a page is built from: pageDataFiles(). Pages that summarise a whole collection depend
 *   on every file of it; shared lists that only lend a name (bureaus.yaml, sources.yaml on a program
 *   page) are left out, so that adding a source does not move the date of every program.
 */
import { spawnSync } from 'node:child_process';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName, type Collections } from '../schemas/index.ts';
import type { Relations } from './relations.ts';
import { DEFAULT_LANG, LANGS } from './i18n.ts';
import { memoByKey } from './memo.ts';

/** An entry by collection and id (what a data file holds). */
export interface EntryRef {
  collection: CollectionName;
  id: string;
}

export interface DataDates {
  /** Data file (relative to the data folder, '/'-separated) → 'YYYY-MM-DD' of its last commit. */
  byFile: ReadonlyMap<string, string>;
  /** Date of files without history (see the module comment). */
  fallback: string;
}

/** The calendar day in Japan of an ISO timestamp with offset: 2026-11-24T20:00:00Z → 2026-11-25. */
export function tokyoDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${iso}`);
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Parses `git log --format=%x00%cI --name-only` (newest commit first) into file → day of the newest
 * commit that touched it.
 */
export function parseGitLog(output: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of output.split('\u0000').slice(1)) {
    const [stamp, ...names] = block.split('\n');
    const day = tokyoDay(stamp!.trim());
    for (const name of names.map((n) => n.trim()).filter(Boolean)) if (!out.has(name)) out.set(name, day);
  }
  return out;
}

type Run = (args: string[], cwd: string) => string | undefined;

const runGit: Run = (args, cwd) => {
  const r = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 ? r.stdout : undefined;
};

/** Newest of ISO dates ('' for none). */
export function newestDate(dates: Iterable<string | undefined>): string {
  let best = '';
  for (const d of dates) if (d && d > best) best = d;
  return best;
}

/**
 * Dates of every data file from the repository history, with the fallback for files without one.
 * `statedDates` are the dates the data states (documents, meetings): the last fallback.
 */
export function readDataDates(
  dataRoot: string,
  projectRoot: string,
  statedDates: Iterable<string | undefined>,
  env: Record<string, string | undefined> = process.env,
  run: Run = runGit,
): DataDates {
  const log = run(['log', '--format=%x00%cI', '--name-only', '--relative', '--', '.'], dataRoot);
  const byFile = log === undefined ? new Map<string, string>() : parseGitLog(log);
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const head = run(['log', '-1', '--format=%cI'], projectRoot)?.trim();
  const fallback =
    env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)
      ? tokyoDay(new Date(epoch * 1000).toISOString())
      : head
        ? tokyoDay(head)
        : newestDate(statedDates);
  return { byFile, fallback };
}

/** The data file holding an entry: 'programs/<id>.yaml', or the list file ('sources.yaml'). */
export function dataFileOf(ref: EntryRef): string {
  const spec = COLLECTIONS[ref.collection];
  return spec.layout === 'entry-per-file' ? `${spec.path}/${ref.id}.yaml` : spec.path;
}

type Data = Collections & Relations;

const refs = (collection: CollectionName, entries: readonly ({ id: string } | undefined)[]): EntryRef[] =>
  entries.flatMap((e) => (e ? [{ collection, id: e.id }] : []));
const all = (data: Data, ...names: CollectionName[]): EntryRef[] => names.flatMap((name) => refs(name, data[name]));

/** Programs below a program, at any depth (the components sheet shows them). */
function descendants(data: Data, program: Data['programs'][number]): Data['programs'] {
  const out: Data['programs'] = [];
  const walk = (p: Data['programs'][number]) => {
    for (const c of data.program(p).children) {
      if (out.includes(c)) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(program);
  return out;
}

/** The entries a page with an id shows, by the first segment of its path; undefined for unknown pages. */
function entryPageRefs(data: Data, kind: string, id: string, initiativeId?: string): EntryRef[] | undefined {
  const { byId } = data;
  if (kind === 'programs') {
    const p = byId.programs.get(id);
    if (!p) return undefined;
    const r = data.program(p);
    return [
      ...refs('programs', [p, r.parent, ...descendants(data, p)]),
      ...refs(
        'meetings',
        r.mentions.map((m) => m.meeting),
      ),
      ...refs(
        'plans',
        r.planLinks.map((l) => l.plan),
      ),
      ...refs(
        'indicators',
        r.indicators.map((i) => i.indicator),
      ),
    ];
  }
  if (kind === 'indicators') {
    const indicator = byId.indicators.get(id);
    if (!indicator) return undefined;
    const r = data.indicator(indicator);
    return [
      ...refs('indicators', [indicator]),
      ...refs(
        'plans',
        r.listings.map((l) => l.plan),
      ),
      ...refs(
        'programs',
        r.programs.map((p) => p.program),
      ),
    ];
  }
  if (kind === 'meetings') {
    const m = byId.meetings.get(id);
    if (!m) return undefined;
    const r = data.meeting(m);
    return [
      ...refs('meetings', [m, ...r.handouts.map((h) => h.meeting)]),
      ...refs('committees', [r.committee]),
      ...refs('programs', [...r.agenda.flatMap((a) => a.programs), ...r.handouts.flatMap((h) => h.programs)]),
      ...refs(
        'regulations',
        r.handouts.map((h) => h.regulation),
      ),
      ...refs(
        'surveys',
        r.handouts.map((h) => h.survey),
      ),
    ];
  }
  if (kind === 'committees') {
    const c = byId.committees.get(id);
    if (!c) return undefined;
    const r = data.committee(c);
    return [
      ...refs('committees', [c, r.parent, ...r.children]),
      ...refs('regulations', r.regulations),
      ...refs('meetings', r.meetings),
    ];
  }
  if (kind === 'plan') {
    const plan = byId.plans.get(id);
    if (!plan) return undefined;
    const r = data.plan(plan);
    // /plan/<plan>/<initiative>/: one 取組 with its programs and indicators; /plan/<plan>/: the overview.
    const initiative = initiativeId === undefined ? undefined : plan.initiatives.find((i) => i.id === initiativeId);
    if (initiativeId !== undefined && !initiative) return undefined;
    const groups = initiative ? [data.initiative(plan, initiative)] : r.sections.flatMap((s) => s.initiatives);
    return [
      ...refs('plans', [plan]),
      ...refs(
        'programs',
        groups.flatMap((g) => g.programs.map((p) => p.program)),
      ),
      ...refs(
        'indicators',
        initiative ? groups.flatMap((g) => g.indicators.map((i) => i.indicator)) : r.indicators.map((i) => i.indicator),
      ),
    ];
  }
  if (kind === 'regulations') {
    const reg = byId.regulations.get(id);
    if (!reg) return undefined;
    const r = data.regulation(reg);
    return [
      ...refs('regulations', [reg, r.basedOn, ...r.derived]),
      ...refs('committees', r.governs),
      ...refs(
        'meetings',
        r.handedOut.map((h) => h.meeting),
      ),
    ];
  }
  if (kind === 'surveys') {
    const s = byId.surveys.get(id);
    if (!s) return undefined;
    const r = data.survey(s);
    return [
      ...refs('surveys', [s]),
      ...refs('programs', r.programs),
      ...refs(
        'meetings',
        r.presentedAt.map((h) => h.meeting),
      ),
    ];
  }
  if (kind === 'sources') {
    if (!byId.sources.has(id)) return undefined;
    const citing = data.citationsOf(id).flatMap((g) =>
      g.entries.map((e) => ({
        collection: COLLECTION_NAMES.find((n) => (COLLECTIONS[n] as { citing?: string }).citing === g.kind)!,
        id: e.entry.id,
      })),
    );
    return [{ collection: 'sources', id }, ...citing];
  }
  // A glossary section page (/glossary/ka-gyo/, /en/glossary/h/) shows glossary entries only.
  if (kind === 'glossary') return all(data, 'glossary');
  if (kind === 'fy') {
    const year = Number(id);
    const programs = data.programs.filter((p) => p.figures.some((f) => f.fiscal_year === year));
    return [...refs('programs', programs), ...refs('meetings', data.meetingsInYear(year)), ...all(data, 'plans')];
  }
  return undefined;
}

/** Index pages: the collections they summarise. */
const INDEX_PAGES: Record<string, CollectionName[]> = {
  programs: ['programs', 'plans', 'bureaus'],
  meetings: ['meetings', 'committees'],
  committees: ['committees', 'meetings'],
  plan: ['plans', 'programs', 'indicators'],
  indicators: ['indicators', 'plans', 'programs'],
  regulations: ['regulations'],
  surveys: ['surveys'],
  sources: ['sources'],
  fy: ['programs', 'meetings'],
  glossary: ['glossary', 'funds'],
};

/**
 * What the data files of a page depend on in its path: '<kind>/<id>/<sub>' without the language prefix or any further
 * segment (/fy/2019/page/3/ → 'fy/2019/page'); a list page and programs' groupings (/programs/by-budget/2025/ …, index
 * pages of programs) by their kind alone; '' for the home page. Pages with the same key have the same data files.
 */
export function pageDataKey(path: string, data: Data): string {
  const lang = LANGS.find((l) => l !== DEFAULT_LANG && path.startsWith(`/${l}/`));
  // A list's further pages (<list>/page/N/) show the list's data: /meetings/page/2/ is not a meeting "page".
  const firstPage = (lang ? path.slice(lang.length + 1) : path).replace(/\/page\/\d+\/?$/, '/');
  const [kind, id, sub] = firstPage.split('/').filter(Boolean);
  const grouping = kind === 'programs' && id !== undefined && !data.byId.programs.has(id);
  return [kind, grouping ? undefined : id, grouping ? undefined : sub].filter((s) => s !== undefined).join('/');
}

/**
 * The data files a page is built from, by its path ('/programs/x/' or '/en/programs/x/'); every data
 * file for pages built from all of the data (home, about, search, and kinds this module does not know).
 * Once per data object and pageDataKey: both languages and every page of a list share the answer.
 */
export function pageDataFiles(path: string, data: Data): readonly string[] {
  return filesOfKey(data, pageDataKey(path, data));
}

const filesOfKey = memoByKey((data: Data, key: string): readonly string[] => {
  const [kind, id, sub] = key.split('/').filter(Boolean);
  const list = !kind
    ? undefined
    : id === undefined
      ? INDEX_PAGES[kind] && all(data, ...INDEX_PAGES[kind]!)
      : entryPageRefs(data, kind, decodeURIComponent(id), sub === undefined ? undefined : decodeURIComponent(sub));
  return [...new Set((list ?? all(data, ...COLLECTION_NAMES)).map(dataFileOf))];
});

/** The date a page's data last changed: the newest of its files' dates (files without history: the fallback). */
export function lastChanged(files: readonly string[], dates: DataDates): string {
  return newestDate(files.map((f) => dates.byFile.get(f) ?? dates.fallback)) || dates.fallback;
}

/** Entries with pages of their own, most recently changed first (ties: collection order, then id). */
export function recentChanges(data: Data, dates: DataDates, limit = Infinity): (EntryRef & { date: string })[] {
  const pageCollections = COLLECTION_NAMES.filter((n) => 'citing' in COLLECTIONS[n]);
  return pageCollections
    .flatMap((collection) =>
      data[collection].map((e) => ({
        collection,
        id: e.id,
        date: dates.byFile.get(dataFileOf({ collection, id: e.id })) ?? dates.fallback,
      })),
    )
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        pageCollections.indexOf(a.collection) - pageCollections.indexOf(b.collection) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit);
}

/**
 * The last `days` days on which data changed, newest first, each with up to `perDay` of the entries
 * changed that day (collection order, then id) and how many more changed that day.
 */
export function recentChangesByDay(
  data: Data,
  dates: DataDates,
  days: number,
  perDay: number,
): { date: string; entries: EntryRef[]; more: number }[] {
  const out: { date: string; entries: EntryRef[]; more: number }[] = [];
  for (const { date, ...ref } of recentChanges(data, dates)) {
    let day = out.at(-1);
    if (day?.date !== date) {
      if (out.length === days) break;
      out.push((day = { date, entries: [], more: 0 }));
    }
    if (day.entries.length < perDay) day.entries.push(ref);
    else day.more++;
  }
  return out;
}
