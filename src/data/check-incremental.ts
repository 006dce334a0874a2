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
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CachedEntry, DataCache, FileRecord } from './cache.ts';
import type { CheckOutcome, CheckResultStore } from './check-result.ts';
import { checkDay } from './check-day.ts';
import { cleanEntries, formatProblem, readCleanFile, type LoadedEntry, type Problem } from './load.ts';
import { checkIntegrity, integrityKeys, summarize, type IntegrityKeys } from './integrity.ts';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../schemas/index.ts';

const FORMAT = 1;

/** More entries than this to check again (with their context): the full check does it as fast. */
const MAX_CHECKED = 2000;

/** One entry of the index. */
interface IndexEntry extends IntegrityKeys {
  collection: CollectionName;
  id: string;
  /** The file relative to the data tree. */
  file: string;
  /** The entry's place in a list file (-1 for entry-per-file). */
  index: number;
  problems?: Problem[];
}

interface CheckIndex {
  format: number;
  token: string;
  entries: IndexEntry[];
}

const indexPath = (dir: string) => join(dir, 'check-index.json');

/** The loader's name for a file of the data tree (relative to the project), as problems show it. */
function shownName(projectRoot: string, dataRoot: string, file: string): string {
  return `${relative(projectRoot, dataRoot) || dataRoot}/${file}`;
}

const collectionOrder = new Map(COLLECTION_NAMES.map((name, i) => [name, i]));

/** The loader's order: collections in COLLECTIONS order, files by name, a list's entries in their order. */
function loaderOrder(a: IndexEntry, b: IndexEntry): number {
  return (
    collectionOrder.get(a.collection)! - collectionOrder.get(b.collection)! ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.index - b.index
  );
}

/** checkData's order of problems (index.ts). */
function problemOrder(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

const entryKey = (file: string, index: number) => `${file}\u0000${index}`;

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
): CheckIndex | undefined {
  const prefix = `${relative(projectRoot, dataRoot) || dataRoot}/`;
  const byEntry = new Map<string, Problem[]>();
  for (const problem of problems) {
    const owner = owners.get(problem);
    if (!owner) return undefined;
    const key = entryKey(owner.file, (owner.pathInFile[0] as number | undefined) ?? -1);
    byEntry.set(key, [...(byEntry.get(key) ?? []), problem]);
  }
  if (entries.some((e) => !e.file.startsWith(prefix))) return undefined;
  const indexed = entries.map((e): IndexEntry => {
    // An entry read by the full path (a clean file with aliases) has no summary here, but the cache keeps one.
    const view = e.summary ? e.summary.view : summarize(e.collection, e.data).view;
    const index = (e.pathInFile[0] as number | undefined) ?? -1;
    const found = byEntry.get(entryKey(e.file, index));
    return {
      collection: e.collection,
      id: e.id,
      file: e.file.slice(prefix.length),
      index,
      ...integrityKeys(e.collection, view),
      ...(found ? { problems: found } : {}),
    };
  });
  return { format: FORMAT, token: randomUUID(), entries: indexed };
}

export function writeIndex(dir: string, index: CheckIndex): void {
  try {
    const temporary = `${indexPath(dir)}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(index));
    renameSync(temporary, indexPath(dir));
  } catch {
    // A read-only checkout: the next check is a full one.
  }
}

function readIndex(dir: string, token: string): CheckIndex | undefined {
  try {
    const index = JSON.parse(readFileSync(indexPath(dir), 'utf8')) as CheckIndex;
    return index?.format === FORMAT && index.token === token && Array.isArray(index.entries) ? index : undefined;
  } catch {
    return undefined;
  }
}

/** Every key an entry's problems depend on: its deps and the ids of its chain as `links` has them. */
function chainDeps(entry: IndexEntry, links: ReadonlyMap<string, (string | undefined)[]>): string[] {
  const keys = [...entry.deps];
  const seen = new Set<string>();
  const next = [entry.link];
  while (next.length) {
    const id = next.pop();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    keys.push(id);
    next.push(...(links.get(`${entry.collection}\u0000${id}`) ?? []));
  }
  return keys;
}

/** The next link of every entry with a given collection and id (several when the id is not unique). */
function linksOf(entries: readonly IndexEntry[]): Map<string, (string | undefined)[]> {
  const links = new Map<string, (string | undefined)[]>();
  for (const e of entries) {
    const key = `${e.collection}\u0000${e.id}`;
    links.set(key, [...(links.get(key) ?? []), e.link]);
  }
  return links;
}

/**
 * The outcome after the changes `store` found (edited, added, removed files), checking again only what they can
 * affect; undefined when this cannot be done (then the full check runs).
 */
export function incrementalCheck(
  projectRoot: string,
  dataRoot: string,
  cache: DataCache,
  store: CheckResultStore,
  env: Record<string, string | undefined>,
): CheckOutcome | undefined {
  const token = store.storedIndex;
  if (!token) return undefined;
  const index = readIndex(cache.dir, token);
  if (!index) return undefined;
  const changedFiles = new Set([...store.edits.map((e) => e.file), ...store.added, ...store.removed]);

  // The changed files as they are now: each a clean entry-per-file file.
  const now = new Map<string, { hash: string; stamp: { size: number; mtimeMs: number }; entries: CachedEntry[] }>();
  for (const file of [...store.edits.map((e) => e.file), ...store.added]) {
    const read = readCleanFile(dataRoot, file, summarize);
    if (!read) return undefined;
    now.set(file, read);
  }
  for (const file of store.removed) {
    const [folder, name, ...deeper] = file.split('/');
    const spec = Object.values(COLLECTIONS).find((s) => s.layout === 'entry-per-file' && s.path === folder);
    if (!spec || !name?.endsWith('.yaml') || deeper.length > 0) return undefined;
  }

  const before = index.entries.filter((e) => changedFiles.has(e.file));
  const added: IndexEntry[] = [];
  const fresh = new Map<string, CachedEntry>();
  for (const [file, read] of now) {
    const collection = COLLECTION_NAMES.find((c) => COLLECTIONS[c].path === file.split('/')[0])!;
    for (const e of read.entries) {
      const at = (e.pathInFile[0] as number | undefined) ?? -1;
      fresh.set(entryKey(file, at), e);
      const summary = e.data as { view: unknown };
      added.push({ collection, id: e.id, file, index: at, ...integrityKeys(collection, summary.view) });
    }
  }
  const entries = [...index.entries.filter((e) => !changedFiles.has(e.file)), ...added].sort(loaderOrder);
  // A collection left without entries is a problem of the loader's ("holds no …"): the full check reports it.
  for (const name of COLLECTION_NAMES) if (!entries.some((e) => e.collection === name)) return undefined;

  // Which entries to check again: the changed ones, and those that depend on a key a changed entry claims.
  const changedKeys = new Set([...before, ...added].flatMap((e) => e.claims));
  const linksBefore = linksOf(index.entries);
  const linksNow = linksOf(entries);
  const isAdded = new Set(added);
  const recheck = entries.filter(
    (e) =>
      isAdded.has(e) ||
      chainDeps(e, linksBefore).some((k) => changedKeys.has(k)) ||
      chainDeps(e, linksNow).some((k) => changedKeys.has(k)),
  );
  // Their context: every entry that claims a key they depend on, and the sources.
  const needed = new Set(recheck.flatMap((e) => chainDeps(e, linksNow)));
  const rechecked = new Set(recheck);
  const context = entries.filter(
    (e) => e.collection === 'sources' || rechecked.has(e) || e.claims.some((k) => needed.has(k)),
  );
  if (context.length > MAX_CHECKED) return undefined;

  // The context's summaries: fresh for the changed files, else from the summaries' cache.
  const shown = (file: string) => shownName(projectRoot, dataRoot, file);
  const records = cache.recordsOf(new Set(context.filter((e) => !changedFiles.has(e.file)).map((e) => shown(e.file))));
  const loaded: LoadedEntry[] = [];
  const toRecheck = new Set<string>();
  for (const e of recheck) toRecheck.add(entryKey(shown(e.file), e.index));
  for (const e of context) {
    const key = entryKey(e.file, e.index);
    const cached = changedFiles.has(e.file)
      ? fresh.get(key)
      : records.get(shown(e.file))?.entries.find((c) => ((c.pathInFile[0] as number | undefined) ?? -1) === e.index);
    if (!cached || cached.id !== e.id) return undefined;
    loaded.push(...cleanEntries(e.collection, join(dataRoot, e.file), shown(e.file), [cached], true));
  }

  const knownIds = new Map<string, Set<string>>();
  for (const e of entries) knownIds.set(e.collection, (knownIds.get(e.collection) ?? new Set()).add(e.id));
  const found = new Map<string, Problem[]>();
  checkIntegrity({ entries: loaded, problems: [], invalid: new Map() }, projectRoot, checkDay(env), {
    knownIds,
    reportsFor: (entry) => toRecheck.has(entryKey(entry.file, (entry.pathInFile[0] as number | undefined) ?? -1)),
    owner: (problem, entry) => {
      const key = entryKey(entry.file, (entry.pathInFile[0] as number | undefined) ?? -1);
      found.set(key, [...(found.get(key) ?? []), problem]);
    },
  });
  for (const e of entries) {
    if (!rechecked.has(e)) continue;
    const problems = found.get(entryKey(shown(e.file), e.index));
    if (problems) e.problems = problems;
    else delete e.problems;
  }

  const problems = entries.flatMap((e) => e.problems ?? []).sort(problemOrder);
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.collection, (counts.get(e.collection) ?? 0) + 1);
  const outcome = {
    problems: problems.map(formatProblem),
    counts: [...counts].map(([c, n]) => `${n} ${c}`).join(', '),
  };

  // Keep the summaries, the index and the result for the next check.
  const updates = new Map<string, FileRecord | undefined>();
  for (const file of store.removed) updates.set(shown(file), undefined);
  for (const [file, read] of now)
    updates.set(shown(file), {
      hash: read.hash,
      size: read.stamp.size,
      mtimeMs: read.stamp.mtimeMs,
      entries: read.entries,
    });
  cache.update(updates);
  const next = { format: FORMAT, token: randomUUID(), entries };
  writeIndex(cache.dir, next);
  return store.acceptChanges(outcome, now, next.token);
}
