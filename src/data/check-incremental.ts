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
import { writeFileAtomically, type CachedEntry, type DataCache, type FileRecord } from './cache.ts';
import type { CheckOutcome, CheckResultStore } from './check-result.ts';
import { checkDay } from './check-day.ts';
import { cleanEntries, formatProblem, readCleanFile, type CleanFile, type LoadedEntry, type Problem } from './load.ts';
import { checkIntegrity, integrityKeys, summarize, type IntegrityKeys } from './integrity.ts';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../schemas/index.ts';

const FORMAT = 3;

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
 * The index as stored (check-index.bin): every string once (ids recur in thousands of entries' deps), and every entry
 * as numbers into them (Rows), in the loader's order. The file: the lengths of the header and of the strings (4 bytes
 * each), the header as JSON, the strings as UTF-8 joined by NUL (no file name or id holds one), padding to 4 bytes,
 * and Rows.table as it is in memory. At 10,000 programs JSON.parse of the same index as an array per entry (11,000
 * entries, 34,000 arrays) took 110 ms in a fresh process, most of it in the garbage collector; the table is read as
 * it is, and the strings' bytes (1.2 MB) are written again as they were read, with any new strings after them.
 */
interface IndexHeader {
  format: number;
  token: string;
  /** How many strings there are. */
  strings: number;
  /** The problems of the entries that have any, by the entry's place. */
  problems: Record<number, Problem[]>;
}

interface StoredIndex {
  header: IndexHeader;
  strings: Buffer;
  table: Int32Array;
}

/** The strings of an index as read, and their bytes (to be written again as they are). */
interface KnownStrings {
  bytes: Buffer;
  count: number;
}

/** An entry as numbers: [collection (its place in COLLECTIONS), id, file, index, claims, deps, link or -1]. */
type Tuple = [number, number, number, number, number[], number[], number];

/** Where each field of an entry is in Rows.table, after the entry's start. */
const [COLLECTION, ID, FILE, INDEX, LINK, CLAIMS] = [0, 1, 2, 3, 4, 5] as const;

/**
 * Entries as rows of one Int32Array: [collection, id, file, index, link, claims count, claims…, deps count, deps…]
 * from `at[i]`; problems by row. No array per entry, so reading 11,000 of them allocates next to nothing.
 */
class Rows {
  readonly table: Int32Array;
  readonly at: Int32Array;
  readonly problems: (Problem[] | undefined)[];

  constructor(table: Int32Array, at: Int32Array, problems: (Problem[] | undefined)[]) {
    this.table = table;
    this.at = at;
    this.problems = problems;
  }

  /** The rows of `table`, found by walking it. */
  static of(table: Int32Array, problems: (Problem[] | undefined)[] = []): Rows {
    const next = (p: number) => {
      p += CLAIMS + 1 + table[p + CLAIMS]!;
      return p + 1 + table[p]!;
    };
    let count = 0;
    for (let p = 0; p < table.length; p = next(p)) count++;
    const at = new Int32Array(count);
    for (let p = 0, row = 0; p < table.length; p = next(p)) at[row++] = p;
    return new Rows(table, at, problems);
  }

  get length(): number {
    return this.at.length;
  }

  field(row: number, field: typeof COLLECTION | typeof ID | typeof FILE | typeof INDEX | typeof LINK): number {
    return this.table[this.at[row]! + field]!;
  }

  /** The row's claims: [start, end) in table. */
  claims(row: number): [number, number] {
    const start = this.at[row]! + CLAIMS + 1;
    return [start, start + this.table[start - 1]!];
  }

  /** The row's deps: [start, end) in table. */
  deps(row: number): [number, number] {
    const [, claimsEnd] = this.claims(row);
    return [claimsEnd + 1, claimsEnd + 1 + this.table[claimsEnd]!];
  }

  /** Whether one of the keys in table[start, end) is in `keys`. */
  anyIn([start, end]: [number, number], keys: ReadonlySet<number>): boolean {
    for (let p = start; p < end; p++) if (keys.has(this.table[p]!)) return true;
    return false;
  }

  eachIn([start, end]: [number, number], visit: (key: number) => void): void {
    for (let p = start; p < end; p++) visit(this.table[p]!);
  }

  /** The row as a Tuple (for the few rows of changed files). */
  tuple(row: number): Tuple {
    const [cs, ce] = this.claims(row);
    const [ds, de] = this.deps(row);
    return [
      this.field(row, COLLECTION),
      this.field(row, ID),
      this.field(row, FILE),
      this.field(row, INDEX),
      Array.from(this.table.subarray(cs, ce)),
      Array.from(this.table.subarray(ds, de)),
      this.field(row, LINK),
    ];
  }
}

/** Rows made of rows of other Rows and of tuples, in the order given. */
class RowsBuilder {
  private numbers = new Int32Array(1024);
  private size = 0;
  private readonly problems: (Problem[] | undefined)[] = [];

  private append(values: ArrayLike<number>): void {
    if (this.size + values.length > this.numbers.length) {
      const grown = new Int32Array(Math.max(this.numbers.length * 2, this.size + values.length));
      grown.set(this.numbers.subarray(0, this.size));
      this.numbers = grown;
    }
    this.numbers.set(values, this.size);
    this.size += values.length;
  }

  copy(from: Rows, row: number): void {
    const [, depsEnd] = from.deps(row);
    this.append(from.table.subarray(from.at[row]!, depsEnd));
    this.problems.push(from.problems[row]);
  }

  add(tuple: Tuple, problems?: Problem[]): void {
    const [collection, id, file, index, claims, deps, link] = tuple;
    this.append([collection, id, file, index, link, claims.length, ...claims, deps.length, ...deps]);
    this.problems.push(problems);
  }

  rows(): Rows {
    return Rows.of(this.numbers.slice(0, this.size), this.problems);
  }
}

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
  return [
    collectionOrder.get(e.collection)!,
    ref(e.id),
    ref(e.file),
    e.index,
    e.claims.map(ref),
    e.deps.map(ref),
    e.link === undefined ? -1 : ref(e.link),
  ];
}

const indexPath = (dir: string) => join(dir, 'check-index.bin');

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

/** The index as written: a new token, the strings joined, the rows. */
function storedIndex(strings: readonly string[], rows: Rows, known?: KnownStrings): StoredIndex {
  const problems: Record<number, Problem[]> = {};
  rows.problems.forEach((found, row) => {
    if (found) problems[row] = found;
  });
  let bytes: Buffer;
  if (!known || known.count === 0) bytes = Buffer.from(strings.join('\0'));
  else if (known.count === strings.length) bytes = known.bytes;
  else bytes = Buffer.concat([known.bytes, Buffer.from(`\0${strings.slice(known.count).join('\0')}`)]);
  const header = { format: FORMAT, token: randomUUID(), strings: strings.length, problems };
  return { header, strings: bytes, table: rows.table };
}

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
  const builder = new RowsBuilder();
  for (const e of entries) {
    // An entry read by the full path (a clean file with aliases) has no summary here, but the cache keeps one.
    const view = e.summary ? e.summary.view : summarize(e.collection, e.data).view;
    const index = indexInFile(e);
    const file = e.file.slice(prefix.length);
    const keys = integrityKeys(e.collection, view);
    builder.add(
      tupleOf({ collection: e.collection, id: e.id, file, index, ...keys }, ref),
      byEntry.get(entryKey(e.file, index)),
    );
  }
  return storedIndex(strings, builder.rows());
}

export function writeIndex(dir: string, index: StoredIndex): void {
  const header = Buffer.from(JSON.stringify(index.header));
  const stringsAt = 8 + header.length;
  const end = stringsAt + index.strings.length;
  const start = end + ((4 - (end % 4)) % 4);
  const bytes = Buffer.allocUnsafe(start + index.table.byteLength);
  bytes.writeUInt32LE(header.length, 0);
  bytes.writeUInt32LE(index.strings.length, 4);
  header.copy(bytes, 8);
  index.strings.copy(bytes, stringsAt);
  bytes.fill(0, end, start);
  bytes.set(new Uint8Array(index.table.buffer, index.table.byteOffset, index.table.byteLength), start);
  try {
    writeFileAtomically(indexPath(dir), bytes);
  } catch {
    // A read-only checkout: the next check is a full one.
  }
}

function readIndex(dir: string, token: string): { strings: string[]; known: KnownStrings; rows: Rows } | undefined {
  try {
    const bytes = readFileSync(indexPath(dir));
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + length)) as IndexHeader;
    if (header?.format !== FORMAT || header.token !== token || typeof header.strings !== 'number') return undefined;
    const stringBytes = bytes.subarray(8 + length, 8 + length + bytes.readUInt32LE(4));
    const strings = header.strings === 0 ? [] : stringBytes.toString('utf8').split('\0');
    const end = 8 + length + stringBytes.length;
    const start = end + ((4 - (end % 4)) % 4);
    if (strings.length !== header.strings || start > bytes.length || (bytes.length - start) % 4 !== 0) return undefined;
    // A copy: Int32Array needs the table 4-byte aligned in memory, which a Buffer need not be.
    const table = new Int32Array((bytes.length - start) / 4);
    new Uint8Array(table.buffer).set(bytes.subarray(start));
    const problems: (Problem[] | undefined)[] = [];
    for (const [row, found] of Object.entries(header.problems ?? {})) problems[Number(row)] = found;
    return { strings, known: { bytes: stringBytes, count: strings.length }, rows: Rows.of(table, problems) };
  } catch {
    return undefined;
  }
}

/** Per collection, for each entry with a link: its field `from` → every such entry's field `to`. */
function linkMaps(rows: Rows, from: typeof ID | typeof LINK, to: typeof ID | typeof LINK) {
  const maps = COLLECTION_NAMES.map(() => new Map<number, number[]>());
  for (let row = 0; row < rows.length; row++) {
    if (rows.field(row, LINK) < 0) continue;
    const byKey = maps[rows.field(row, COLLECTION)]!;
    const key = rows.field(row, from);
    const known = byKey.get(key);
    if (known) known.push(rows.field(row, to));
    else byKey.set(key, [rows.field(row, to)]);
  }
  return maps;
}

/**
 * The next link of every entry that has one, by collection and id (several when an id is not unique). An entry without
 * a link adds nothing to a chain, so it is left out.
 */
function linksOf(rows: Rows): Map<number, number[]>[] {
  return linkMaps(rows, ID, LINK);
}

/** Calls `visit` with each id of the entry's chain after itself (its link, the link's link, …). */
function eachChainKey(rows: Rows, row: number, links: Map<number, number[]>[], visit: (key: number) => void): void {
  if (rows.field(row, LINK) < 0) return;
  const byId = links[rows.field(row, COLLECTION)]!;
  const seen = new Set<number>();
  const next = [rows.field(row, LINK)];
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
function idsReaching(rows: Rows, keys: ReadonlySet<number>): Set<number>[] {
  return linkMaps(rows, LINK, ID).map((from) => {
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
  const { strings, known, rows: was } = index;
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

  /** The rows of the changed files as they were, and the entries of those files as they are. */
  const before: number[] = [];
  for (let row = 0; row < was.length; row++) if (changedFiles.has(was.field(row, FILE))) before.push(row);
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
  // The entries now, in the loader's order: the unchanged rows (-1 - row) and the added tuples (their place).
  const order: number[] = [];
  for (let row = 0; row < was.length; row++) if (!changedFiles.has(was.field(row, FILE))) order.push(-1 - row);
  added.forEach((_, k) => order.push(k));
  const sortKey = (item: number, field: typeof COLLECTION | typeof FILE | typeof INDEX) =>
    item < 0 ? was.field(-1 - item, field) : added[item]![field];
  order.sort(
    (a, b) =>
      sortKey(a, COLLECTION) - sortKey(b, COLLECTION) ||
      (sortKey(a, FILE) === sortKey(b, FILE) ? 0 : text(sortKey(a, FILE)) < text(sortKey(b, FILE)) ? -1 : 1) ||
      sortKey(a, INDEX) - sortKey(b, INDEX),
  );
  const builder = new RowsBuilder();
  const isAdded = new Set<number>();
  order.forEach((item, row) => {
    if (item < 0) builder.copy(was, -1 - item);
    else {
      builder.add(added[item]!);
      isAdded.add(row);
    }
  });
  const rows = builder.rows();
  // A collection left without entries is a problem of the loader's ("holds no …"): the full check reports it.
  const present = new Set<number>();
  for (let row = 0; row < rows.length; row++) present.add(rows.field(row, COLLECTION));
  if (present.size !== COLLECTION_NAMES.length) return undefined;

  // Which entries to check again: the changed ones, and those that depend on a key a changed entry claims (with
  // their chains as they were and as they are).
  const changedKeys = new Set<number>();
  for (const row of before) was.eachIn(was.claims(row), (k) => changedKeys.add(k));
  for (const row of isAdded) rows.eachIn(rows.claims(row), (k) => changedKeys.add(k));
  const reachingBefore = idsReaching(was, changedKeys);
  const reachingNow = idsReaching(rows, changedKeys);
  const throughChain = (row: number) => {
    const link = rows.field(row, LINK);
    const collection = rows.field(row, COLLECTION);
    return link >= 0 && (reachingBefore[collection]!.has(link) || reachingNow[collection]!.has(link));
  };
  const recheck = new Set<number>();
  for (let row = 0; row < rows.length; row++) {
    if (isAdded.has(row) || rows.anyIn(rows.deps(row), changedKeys) || throughChain(row)) recheck.add(row);
  }
  const linksNow = linksOf(rows);
  // Their context: every entry that claims a key they depend on, and the sources.
  const needed = new Set<number>();
  for (const row of recheck) {
    rows.eachIn(rows.deps(row), (k) => needed.add(k));
    eachChainKey(rows, row, linksNow, (k) => needed.add(k));
  }
  const sources = collectionOrder.get('sources')!;
  const context: number[] = [];
  for (let row = 0; row < rows.length; row++) {
    if (rows.field(row, COLLECTION) === sources || recheck.has(row) || rows.anyIn(rows.claims(row), needed)) {
      context.push(row);
    }
  }
  if (context.length > MAX_CHECKED) return undefined;

  // The context's summaries: fresh for the changed files, else from the summaries' cache.
  const shown = (file: number) => shownName(projectRoot, dataRoot, text(file));
  const records = cache.recordsOf(
    new Set(
      context.filter((row) => !changedFiles.has(rows.field(row, FILE))).map((row) => shown(rows.field(row, FILE))),
    ),
  );
  const loaded: LoadedEntry[] = [];
  const toRecheck = new Set<string>();
  for (const row of recheck) toRecheck.add(entryKey(shown(rows.field(row, FILE)), rows.field(row, INDEX)));
  for (const row of context) {
    const file = rows.field(row, FILE);
    const at = rows.field(row, INDEX);
    const cached = changedFiles.has(file)
      ? fresh.get(entryKey(text(file), at))
      : records.get(shown(file))?.entries.find((c) => ((c.pathInFile[0] as number | undefined) ?? -1) === at);
    if (!cached || cached.id !== text(rows.field(row, ID))) return undefined;
    const collection = COLLECTION_NAMES[rows.field(row, COLLECTION)]!;
    loaded.push(...cleanEntries(collection, join(dataRoot, text(file)), shown(file), [cached], true));
  }

  const knownIds = new Map<string, Set<string>>(COLLECTION_NAMES.map((name) => [name, new Set()]));
  for (let row = 0; row < rows.length; row++) {
    knownIds.get(COLLECTION_NAMES[rows.field(row, COLLECTION)]!)!.add(text(rows.field(row, ID)));
  }
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
  const stringsBefore = strings.length;
  let indexChanged = before.length !== added.length;
  const asText = (tuple: Tuple, problems: Problem[] | undefined) => JSON.stringify([tuple, problems ?? []]);
  const wasBefore = new Map(
    before.map((row) => [
      entryKey(text(was.field(row, FILE)), was.field(row, INDEX)),
      asText(was.tuple(row), was.problems[row]),
    ]),
  );
  for (const row of recheck) {
    const problemsBefore = JSON.stringify(rows.problems[row] ?? []);
    rows.problems[row] = found.get(entryKey(shown(rows.field(row, FILE)), rows.field(row, INDEX)));
    if (isAdded.has(row)) {
      const key = entryKey(text(rows.field(row, FILE)), rows.field(row, INDEX));
      indexChanged ||= wasBefore.get(key) !== asText(rows.tuple(row), rows.problems[row]);
    } else indexChanged ||= problemsBefore !== JSON.stringify(rows.problems[row] ?? []);
  }

  const problems = rows.problems.flatMap((found) => found ?? []).sort(problemOrder);
  const counts = new Map<string, number>();
  for (let row = 0; row < rows.length; row++) {
    const name = COLLECTION_NAMES[rows.field(row, COLLECTION)]!;
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
  const next = storedIndex(strings, rows, known);
  writeIndex(cache.dir, next);
  return store.acceptChanges(outcome, now, next.header.token);
}
