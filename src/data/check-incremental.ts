/**
 * The incremental check: after files were edited, added or removed, the integrity rules run again only on the
 * entries whose problems can have changed, and every other entry keeps the problems the last check found.
 *
 * The last full (or incremental) check leaves an index beside its stored result: every entry in the loader's order
 * with its file, its keys (integrity.ts, integrityKeys: what it claims, what it depends on, the next link of its
 * chain) and its problems. After a change:
 * - the changed entries are those of the changed files, as they were (index) and as they are (read again);
 * - an entry must be checked again when one of its keys (with its chain's, before or after) is claimed by a changed
 *   entry, or it is one itself;
 * - those entries are checked with every entry that claims one of their keys and the sources (the context), read
 *   from the summaries' cache, and the whole tree's ids: integrityKeys says why that gives the problems a full
 *   check gives them;
 * - the problems of all entries are sorted as checkData sorts them (no two entries share a file, line and column,
 *   and each entry's own problems keep their order), so the lines printed are those of a full check.
 *
 * It applies only when the tree had no problem of its own files (every file clean, so cached) and each changed file
 * is a clean entry-per-file file; anything else is left to the full check. tests/unit/check-incremental.test.ts
 * compares it with the full check over many random edits.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeJsonAtomically, type CachedEntry, type DataCache, type FileRecord } from './cache.ts';
import type { CheckOutcome, CheckResultStore } from './check-result.ts';
import { checkDay } from './check-day.ts';
import { cleanEntries, formatProblem, readCleanFile, type CleanFile, type LoadedEntry, type Problem } from './load.ts';
import { checkIntegrity, integrityKeys, summarize, type IntegrityKeys } from './integrity.ts';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../schemas/index.ts';

const FORMAT = 2;

/** More entries than this to check again (with their context): the full check does it as fast. */
const MAX_CHECKED = 2000;

/** One entry of the index, as makeIndex builds it. */
interface IndexEntry extends IntegrityKeys {
  collection: CollectionName;
  id: string;
  /** The file relative to the data tree. */
  file: string;
  /** The entry's place in a list file (-1 for entry-per-file). */
  index: number;
  problems?: Problem[];
}

/**
 * The index as stored and used: every string once (ids recur in thousands of entries' deps), each entry a tuple of
 * numbers into it, in the loader's order. Reading, updating and writing it costs a tenth of a check.
 */
interface StoredIndex {
  format: number;
  token: string;
  strings: string[];
  entries: Tuple[];
}

/** [collection (its place in COLLECTIONS), id, file, index, claims, deps, link or -1, problems?] */
type Tuple = [number, number, number, number, number[], number[], number, Problem[]?];
const [COLLECTION, ID, FILE, INDEX, CLAIMS, DEPS, LINK, PROBLEMS] = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/** Lookups by scan in a string table before it maps all its strings (see stringTable). */
const MAX_SCANS = 200;

/**
 * The strings of an index, and the number of each (new ones are added). `few`: only a few strings will be looked up
 * (the incremental check: the keys of the changed entries), so each is found by a scan instead of a map of all
 * 25,000 strings made first (a tenth of the check after an edit at 10,000 programs); after MAX_SCANS lookups, the map.
 */
function stringTable(strings: string[], few = false) {
  const refs = new Map<string, number>();
  let scans = few ? 0 : Infinity;
  const mapAll = () => strings.forEach((s, i) => refs.set(s, i));
  if (!few) mapAll();
  const ref = (s: string) => {
    let n = refs.get(s);
    if (n !== undefined) return n;
    // Many lookups after all (many files changed): the map is cheaper.
    if (scans === MAX_SCANS) {
      mapAll();
      n = refs.get(s);
      if (n !== undefined) return n;
    }
    n = scans++ < MAX_SCANS ? strings.indexOf(s) : -1;
    if (n < 0) n = strings.push(s) - 1;
    refs.set(s, n);
    return n;
  };
  return { ref };
}

function tupleOf(e: IndexEntry, ref: (s: string) => number): Tuple {
  const tuple: Tuple = [
    collectionOrder.get(e.collection)!,
    ref(e.id),
    ref(e.file),
    e.index,
    e.claims.map(ref),
    e.deps.map(ref),
    e.link === undefined ? -1 : ref(e.link),
  ];
  if (e.problems) tuple.push(e.problems);
  return tuple;
}

const indexPath = (dir: string) => join(dir, 'check-index.json');

/** The loader's name for a file of the data tree (relative to the project), as problems show it. */
function shownName(projectRoot: string, dataRoot: string, file: string): string {
  return `${relative(projectRoot, dataRoot) || dataRoot}/${file}`;
}

const collectionOrder = new Map(COLLECTION_NAMES.map((name, i) => [name, i]));

/** checkData's order of problems (index.ts). */
function problemOrder(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

const entryKey = (file: string, index: number) => `${file}\u0000${index}`;
const indexInFile = (entry: LoadedEntry) => (entry.pathInFile[0] as number | undefined) ?? -1;

/**
 * The index of a full check's entries, or undefined when it cannot serve (a problem that is not an entry's, such as
 * a schema error, means a file that is not cached). `owners` maps each problem to its entry (checkData's owner).
 */
export function makeIndex(
  projectRoot: string,
  dataRoot: string,
  entries: readonly LoadedEntry[],
  problems: readonly Problem[],
  owners: ReadonlyMap<Problem, LoadedEntry>,
): StoredIndex | undefined {
  const prefix = `${relative(projectRoot, dataRoot) || dataRoot}/`;
  const byEntry = new Map<string, Problem[]>();
  for (const problem of problems) {
    const owner = owners.get(problem);
    if (!owner) return undefined;
    const key = entryKey(owner.file, indexInFile(owner));
    byEntry.set(key, [...(byEntry.get(key) ?? []), problem]);
  }
  if (entries.some((e) => !e.file.startsWith(prefix))) return undefined;
  const strings: string[] = [];
  const { ref } = stringTable(strings);
  const tuples = entries.map((e) => {
    // An entry read by the full path (a clean file with aliases) has no summary here, but the cache keeps one.
    const view = e.summary ? e.summary.view : summarize(e.collection, e.data).view;
    const index = indexInFile(e);
    const found = byEntry.get(entryKey(e.file, index));
    const file = e.file.slice(prefix.length);
    const keys = integrityKeys(e.collection, view);
    return tupleOf({ collection: e.collection, id: e.id, file, index, ...keys, problems: found }, ref);
  });
  return { format: FORMAT, token: randomUUID(), strings, entries: tuples };
}

export function writeIndex(dir: string, index: StoredIndex): void {
  try {
    writeJsonAtomically(indexPath(dir), index);
  } catch {
    // A read-only checkout: the next check is a full one.
  }
}

function readIndex(dir: string, token: string): StoredIndex | undefined {
  try {
    const stored = JSON.parse(readFileSync(indexPath(dir), 'utf8')) as StoredIndex;
    if (stored?.format !== FORMAT || stored.token !== token) return undefined;
    return Array.isArray(stored.entries) && Array.isArray(stored.strings) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The next link of every entry that has one, by collection and id (several when an id is not unique). An entry without
 * a link adds nothing to a chain, so it is left out.
 */
function linksOf(entries: readonly Tuple[]): Map<number, number[]>[] {
  return linkMaps(entries, ID, LINK);
}

/** Per collection, for each entry with a link: its field `from` → every such entry's field `to`. */
function linkMaps(entries: readonly Tuple[], from: typeof ID | typeof LINK, to: typeof ID | typeof LINK) {
  const maps = COLLECTION_NAMES.map(() => new Map<number, number[]>());
  for (const e of entries) {
    if (e[LINK] < 0) continue;
    const byKey = maps[e[COLLECTION]]!;
    const known = byKey.get(e[from]);
    if (known) known.push(e[to]);
    else byKey.set(e[from], [e[to]]);
  }
  return maps;
}

/** Calls `visit` with each id of the entry's chain after itself (its link, the link's link, …). */
function eachChainKey(entry: Tuple, links: Map<number, number[]>[], visit: (key: number) => void): void {
  if (entry[LINK] < 0) return;
  const byId = links[entry[COLLECTION]]!;
  const seen = new Set<number>();
  const next = [entry[LINK]];
  while (next.length) {
    const id = next.pop()!;
    if (id < 0 || seen.has(id)) continue;
    seen.add(id);
    visit(id);
    next.push(...(byId.get(id) ?? []));
  }
}

/**
 * Per collection, the ids from which a chain reaches one of `keys`: the keys themselves, and the id of every entry
 * whose link is such an id. An entry's chain (eachChainKey) meets a key exactly when its link is one of these; found
 * by following the links backwards from the keys once, instead of walking every entry's chain.
 */
function idsReaching(entries: readonly Tuple[], keys: ReadonlySet<number>): Set<number>[] {
  return linkMaps(entries, LINK, ID).map((from) => {
    const reaching = new Set(keys);
    if (from.size === 0) return reaching;
    const next = [...keys];
    while (next.length) {
      for (const id of from.get(next.pop()!) ?? []) {
        if (reaching.has(id)) continue;
        reaching.add(id);
        next.push(id);
      }
    }
    return reaching;
  });
}

/**
 * The outcome after the changes `store` found (edited, added, removed files), checking again only what they can
 * affect; undefined when this cannot be done (then the full check runs). `alreadyRead`: changed files read (clean)
 * by check-run.ts's step 2 since the walk.
 */
export function incrementalCheck(
  projectRoot: string,
  dataRoot: string,
  cache: DataCache,
  store: CheckResultStore,
  env: Record<string, string | undefined>,
  alreadyRead: ReadonlyMap<string, CleanFile> = new Map(),
): CheckOutcome | undefined {
  const token = store.storedIndex;
  if (!token) return undefined;
  const index = readIndex(cache.dir, token);
  if (!index) return undefined;
  const { strings } = index;
  const table = stringTable(strings, true);
  const text = (n: number) => strings[n]!;

  // The changed files as they are now: each a clean entry-per-file file.
  const now = new Map<string, CleanFile>();
  for (const file of [...store.edits.map((e) => e.file), ...store.added]) {
    const read = alreadyRead.get(file) ?? readCleanFile(dataRoot, file, summarize);
    if (!read) return undefined;
    now.set(file, read);
  }
  for (const file of store.removed) {
    const [folder, name, ...deeper] = file.split('/');
    const spec = Object.values(COLLECTIONS).find((s) => s.layout === 'entry-per-file' && s.path === folder);
    if (!spec || !name?.endsWith('.yaml') || deeper.length > 0) return undefined;
  }
  const changedFiles = new Set<number>();
  for (const file of [...now.keys(), ...store.removed]) changedFiles.add(table.ref(file));

  const before = index.entries.filter((e) => changedFiles.has(e[FILE]));
  const added: Tuple[] = [];
  const fresh = new Map<string, CachedEntry>();
  for (const [file, read] of now) {
    const collection = COLLECTION_NAMES.find((c) => COLLECTIONS[c].path === file.split('/')[0])!;
    for (const e of read.entries) {
      const at = (e.pathInFile[0] as number | undefined) ?? -1;
      fresh.set(entryKey(file, at), e);
      const keys = integrityKeys(collection, (e.data as { view: unknown }).view);
      added.push(tupleOf({ collection, id: e.id, file, index: at, ...keys }, table.ref));
    }
  }
  const entries = [...index.entries.filter((e) => !changedFiles.has(e[FILE])), ...added].sort(
    (a, b) =>
      a[COLLECTION] - b[COLLECTION] ||
      (a[FILE] === b[FILE] ? 0 : text(a[FILE]) < text(b[FILE]) ? -1 : 1) ||
      a[INDEX] - b[INDEX],
  );
  // A collection left without entries is a problem of the loader's ("holds no …"): the full check reports it.
  const present = new Set(entries.map((e) => e[COLLECTION]));
  if (present.size !== COLLECTION_NAMES.length) return undefined;

  // Which entries to check again: the changed ones, and those that depend on a key a changed entry claims (with
  // their chains as they were and as they are).
  const changedKeys = new Set([...before, ...added].flatMap((e) => e[CLAIMS]));
  const reachingBefore = idsReaching(index.entries, changedKeys);
  const reachingNow = idsReaching(entries, changedKeys);
  const throughChain = (e: Tuple) =>
    e[LINK] >= 0 && (reachingBefore[e[COLLECTION]]!.has(e[LINK]) || reachingNow[e[COLLECTION]]!.has(e[LINK]));
  const isAdded = new Set(added);
  const recheck = new Set(
    entries.filter((e) => isAdded.has(e) || e[DEPS].some((k) => changedKeys.has(k)) || throughChain(e)),
  );
  const linksNow = linksOf(entries);
  // Their context: every entry that claims a key they depend on, and the sources.
  const needed = new Set<number>();
  for (const e of recheck) {
    for (const k of e[DEPS]) needed.add(k);
    eachChainKey(e, linksNow, (k) => needed.add(k));
  }
  const sources = collectionOrder.get('sources')!;
  const context = entries.filter(
    (e) => e[COLLECTION] === sources || recheck.has(e) || e[CLAIMS].some((k) => needed.has(k)),
  );
  if (context.length > MAX_CHECKED) return undefined;

  // The context's summaries: fresh for the changed files, else from the summaries' cache.
  const shown = (file: number) => shownName(projectRoot, dataRoot, text(file));
  const records = cache.recordsOf(
    new Set(context.filter((e) => !changedFiles.has(e[FILE])).map((e) => shown(e[FILE]))),
  );
  const loaded: LoadedEntry[] = [];
  const toRecheck = new Set<string>();
  for (const e of recheck) toRecheck.add(entryKey(shown(e[FILE]), e[INDEX]));
  for (const e of context) {
    const cached = changedFiles.has(e[FILE])
      ? fresh.get(entryKey(text(e[FILE]), e[INDEX]))
      : records.get(shown(e[FILE]))?.entries.find((c) => ((c.pathInFile[0] as number | undefined) ?? -1) === e[INDEX]);
    if (!cached || cached.id !== text(e[ID])) return undefined;
    const collection = COLLECTION_NAMES[e[COLLECTION]]!;
    loaded.push(...cleanEntries(collection, join(dataRoot, text(e[FILE])), shown(e[FILE]), [cached], true));
  }

  const knownIds = new Map<string, Set<string>>(COLLECTION_NAMES.map((name) => [name, new Set()]));
  for (const e of entries) knownIds.get(COLLECTION_NAMES[e[COLLECTION]]!)!.add(text(e[ID]));
  const found = new Map<string, Problem[]>();
  checkIntegrity({ entries: loaded, problems: [], invalid: new Map() }, projectRoot, checkDay(env), {
    knownIds,
    reportsFor: (entry) => toRecheck.has(entryKey(entry.file, indexInFile(entry))),
    owner: (problem, entry) => {
      const key = entryKey(entry.file, indexInFile(entry));
      found.set(key, [...(found.get(key) ?? []), problem]);
    },
  });
  // The index stays as it is when nothing in it changed (a figure edited without a new problem): not rewritten.
  const stringsBefore = index.strings.length;
  let indexChanged = before.length !== added.length;
  const wasBefore = new Map(before.map((e) => [entryKey(text(e[FILE]), e[INDEX]), JSON.stringify(e)]));
  const problemsBefore = new Map([...recheck].map((e) => [e, JSON.stringify(e[PROBLEMS] ?? [])]));
  for (const e of recheck) {
    const problems = found.get(entryKey(shown(e[FILE]), e[INDEX]));
    if (problems) e[PROBLEMS] = problems;
    else e.length = PROBLEMS;
    if (isAdded.has(e)) indexChanged ||= wasBefore.get(entryKey(text(e[FILE]), e[INDEX])) !== JSON.stringify(e);
    else indexChanged ||= problemsBefore.get(e) !== JSON.stringify(e[PROBLEMS] ?? []);
  }

  const problems = entries.flatMap((e) => e[PROBLEMS] ?? []).sort(problemOrder);
  const counts = new Map<string, number>();
  for (const e of entries) {
    const name = COLLECTION_NAMES[e[COLLECTION]]!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const outcome = {
    problems: problems.map(formatProblem),
    counts: [...counts].map(([c, n]) => `${n} ${c}`).join(', '),
  };

  // Keep the summaries, the index and the result for the next check.
  const updates = new Map<string, FileRecord | undefined>();
  for (const file of store.removed) updates.set(shownName(projectRoot, dataRoot, file), undefined);
  for (const [file, read] of now) {
    const { hash, stamp, entries: cleanEntriesOfFile } = read;
    const record = { hash, size: stamp.size, mtimeMs: stamp.mtimeMs, entries: cleanEntriesOfFile };
    updates.set(shownName(projectRoot, dataRoot, file), record);
  }
  cache.update(updates);
  if (!indexChanged && strings.length === stringsBefore) return store.acceptChanges(outcome, now, token);
  const next: StoredIndex = { format: FORMAT, token: randomUUID(), strings, entries };
  writeIndex(cache.dir, next);
  return store.acceptChanges(outcome, now, next.token);
}
