/**
 * Validated data of each file, kept between runs (`npm run check`, builds) so that an edit re-reads
 * only the files that changed. A record is keyed by the file's path and the hash of its bytes, and the
 * whole cache by a hash of the code that decides what a file means (schemas, loader, parsers and their
 * versions): change a schema and every file is read again. Only files without any problem are kept,
 * so every problem is always found by reading its file, with its file:line:column.
 *
 * A file whose size and modification time are those recorded is not even read again (as git does);
 * any other file is read and looked up by its hash, so touching a file costs one read, not a parse.
 *
 * The cache is a folder of JSON shards per data folder (JSON.parse was twice as fast as v8's deserialize on
 * the 10,000-program tree; validated data holds only JSON values): the build's whole entries and the check's
 * integrity summaries in shards of their own, each kept up to date by whichever runs. A missing, unreadable
 * or corrupt cache is ignored and rewritten.
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FORMAT = 2;

/** What one clean file yields: its entries' validated data and their place in the file. */
export interface CachedEntry {
  id: string;
  data: unknown;
  pathInFile: (string | number)[];
}

interface CacheFile {
  format: number;
  codeHash: string;
  files: Record<string, FileRecord>;
}

export interface FileRecord {
  hash: string;
  size: number;
  mtimeMs: number;
  entries: CachedEntry[];
}

/** What the loader knows of a file before reading it (from lstat). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Writes `bytes` to `path` through a temporary file, so a reader never sees half a file. */
export function writeFileAtomically(path: string, bytes: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/** Writes `value` as JSON to `path` through a temporary file, so a reader never sees half a file. */
export function writeJsonAtomically(path: string, value: unknown): void {
  writeFileAtomically(path, JSON.stringify(value));
}

export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/** The code whose change must invalidate every record: schemas, loader, this cache, parser versions. */
export function loaderCodeHash(projectRoot: string, moreFiles: readonly string[] = []): string {
  const hash = createHash('sha1');
  const files = [
    ...readdirSync(join(projectRoot, 'src/schemas'))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => join('src/schemas', f)),
    'src/data/load.ts',
    'src/data/fast-yaml.ts',
    'src/data/cache.ts',
    'node_modules/yaml/package.json',
    'node_modules/js-yaml/package.json',
    'node_modules/zod/package.json',
    ...moreFiles,
  ];
  return hashFiles(hash, projectRoot, files);
}

/** Adds each file's name and bytes (or 'missing') to `hash`; its digest keys the code a cache trusts. */
export function hashFiles(hash: Hash, projectRoot: string, files: readonly string[]): string {
  for (const file of files) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(join(projectRoot, file)));
    } catch {
      hash.update('missing');
    }
    hash.update('\0');
  }
  return hash.digest('base64url');
}

/**
 * What the records hold: `shard`, each entry's validated data (the build needs it whole); `summary`, each
 * entry's integrity summary (npm run check needs only that: a tenth of the size to read).
 */
export type CacheKind = 'shard' | 'summary';

/**
 * Files are spread over shards, so that an edit rewrites one shard, not the whole cache. The summaries are
 * spread thinner: the incremental check (check-incremental.ts) reads the shards of a few files only.
 */
const SHARDS: Record<CacheKind, number> = { shard: 32, summary: 1024 };

function hashName(file: string): number {
  let h = 0;
  for (let i = 0; i < file.length; i++) h = (h * 31 + file.charCodeAt(i)) >>> 0;
  return h;
}

export class DataCache {
  private previousRecords: Map<string, FileRecord> | undefined;
  private readonly next: CacheFile['files'][];
  private dirty = new Set<number>();
  /** Files read again (not found in the cache) in this run, for tests and the check's summary. */
  readonly misses: string[] = [];

  /** A folder of shards, <kind>-NN.json. */
  readonly dir: string;
  /** Hash of the code the records depend on (loaderCodeHash): records of other code are not used. */
  readonly codeHash: string;
  private readonly kind: CacheKind;

  constructor(dir: string, codeHash: string, kind: CacheKind = 'shard') {
    this.dir = dir;
    this.codeHash = codeHash;
    this.kind = kind;
    this.next = Array.from({ length: SHARDS[kind] }, () => ({}));
  }

  private shardOf(file: string): number {
    return hashName(file) % SHARDS[this.kind];
  }

  /**
   * Reads the shards on first use, not on construction: npm run check makes its cache before it knows whether
   * it needs it (not when nothing changed, check-result.ts), and reading the shards is most of a warm check.
   */
  private get previous(): Map<string, FileRecord> {
    if (this.previousRecords) return this.previousRecords;
    this.previousRecords = new Map();
    for (let shard = 0; shard < SHARDS[this.kind]; shard++) {
      try {
        const stored = JSON.parse(readFileSync(this.shardPath(shard), 'utf8')) as CacheFile;
        if (stored?.format !== FORMAT || stored.codeHash !== this.codeHash || typeof stored.files !== 'object')
          throw new Error('stale');
        for (const [file, record] of Object.entries(stored.files)) this.previousRecords.set(file, record);
      } catch {
        // No cache yet, or an unreadable, stale or corrupt shard: its files are read and it is written anew.
        this.dirty.add(shard);
      }
    }
    return this.previousRecords;
  }

  private shardPath(shard: number): string {
    const digits = String(SHARDS[this.kind] - 1).length;
    return join(this.dir, `${this.kind}-${String(shard).padStart(digits, '0')}.json`);
  }

  /** The stored record's stamp and hash of a file, without taking it for this run (load-parallel.ts). */
  peek(file: string): { hash: string; size: number; mtimeMs: number } | undefined {
    const record = this.previous.get(file);
    return record && Array.isArray(record.entries)
      ? { hash: record.hash, size: record.size, mtimeMs: record.mtimeMs }
      : undefined;
  }

  /** The clean file's entries if its size and modification time are unchanged since they were stored. */
  byStamp(file: string, stamp: FileStamp): CachedEntry[] | undefined {
    const record = this.previous.get(file);
    if (!record || record.size !== stamp.size || record.mtimeMs !== stamp.mtimeMs) return undefined;
    return this.keep(file, record);
  }

  /** The clean file's entries if its content is unchanged since they were stored. */
  byHash(file: string, hash: string, stamp: FileStamp): CachedEntry[] | undefined {
    const record = this.previous.get(file);
    if (!record || record.hash !== hash) {
      this.misses.push(file);
      return undefined;
    }
    // Touched but unchanged: remember the new time, so the next run need not read it.
    return this.keep(file, { ...record, ...stamp });
  }

  private keep(file: string, record: FileRecord): CachedEntry[] | undefined {
    if (!Array.isArray(record.entries)) return undefined;
    const shard = this.shardOf(file);
    if (record !== this.previous.get(file)) this.dirty.add(shard);
    this.next[shard]![file] = record;
    return record.entries;
  }

  set(file: string, hash: string, stamp: FileStamp, entries: CachedEntry[]): void {
    const shard = this.shardOf(file);
    this.next[shard]![file] = { hash, size: stamp.size, mtimeMs: stamp.mtimeMs, entries };
    this.dirty.add(shard);
  }

  /** What this run knows of a clean file: its stamp and the hash of the content it was checked with. */
  stored(file: string): { hash: string; size: number; mtimeMs: number } | undefined {
    const record = this.next[this.shardOf(file)]![file];
    return record && { hash: record.hash, size: record.size, mtimeMs: record.mtimeMs };
  }

  /**
   * What the stored cache holds of a file, reading only its shard (npm run check compares an edited file's
   * summaries with these without reading the others).
   */
  storedBefore(file: string): { hash: string; entries: CachedEntry[] } | undefined {
    let record = this.previousRecords?.get(file);
    if (!this.previousRecords) {
      try {
        const stored = JSON.parse(readFileSync(this.shardPath(this.shardOf(file)), 'utf8')) as CacheFile;
        if (stored?.format === FORMAT && stored.codeHash === this.codeHash) record = stored.files?.[file];
      } catch {
        return undefined;
      }
    }
    return record && Array.isArray(record.entries) ? { hash: record.hash, entries: record.entries } : undefined;
  }

  /** The stored records of some files, reading only their shards; a file without a record is left out. */
  recordsOf(files: Iterable<string>): Map<string, FileRecord> {
    const byShard = new Map<number, string[]>();
    for (const file of files) {
      const shard = this.shardOf(file);
      byShard.set(shard, [...(byShard.get(shard) ?? []), file]);
    }
    const records = new Map<string, FileRecord>();
    for (const [shard, wanted] of byShard) {
      const stored = this.readShard(shard);
      for (const file of wanted) {
        const record = stored?.[file];
        if (record && Array.isArray(record.entries)) records.set(file, record);
      }
    }
    return records;
  }

  /**
   * Sets (or, undefined, drops) the records of some files and writes their shards, reading only those: what the
   * incremental check does instead of load + save. A shard that cannot be read is left as it is (its records stay
   * stale, and its files are read again by the next full load).
   */
  update(records: ReadonlyMap<string, FileRecord | undefined>): void {
    const byShard = new Map<number, [string, FileRecord | undefined][]>();
    for (const [file, record] of records) {
      const shard = this.shardOf(file);
      byShard.set(shard, [...(byShard.get(shard) ?? []), [file, record]]);
    }
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const [shard, changes] of byShard) {
        const files = this.readShard(shard) ?? {};
        for (const [file, record] of changes) {
          if (record) files[file] = record;
          else delete files[file];
        }
        this.writeShard(shard, files);
      }
    } catch {
      // A read-only checkout: the next run reads those files again.
    }
  }

  private readShard(shard: number): CacheFile['files'] | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.shardPath(shard), 'utf8')) as CacheFile;
      if (stored?.format === FORMAT && stored.codeHash === this.codeHash && typeof stored.files === 'object')
        return stored.files;
    } catch {
      // Missing or corrupt.
    }
    return undefined;
  }

  private writeShard(shard: number, files: CacheFile['files']): void {
    const stored: CacheFile = { format: FORMAT, codeHash: this.codeHash, files };
    writeJsonAtomically(this.shardPath(shard), stored);
  }

  /** Writes the shards that changed in this run (files gone or now with problems drop out). */
  save(): void {
    for (const file of this.previous.keys())
      if (!(file in this.next[this.shardOf(file)]!)) this.dirty.add(this.shardOf(file));
    if (this.dirty.size === 0) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const shard of this.dirty) this.writeShard(shard, this.next[shard]!);
      pruneOthers(this.dir);
    } catch {
      // A read-only checkout still checks and builds; only the next run is slower.
    }
  }
}

/** Caches kept besides the one just written: one per data folder, and tests check many temporary folders. */
const KEEP_OTHER_CACHES = 3;

/** Removes all but the most recently written caches of other data folders. */
function pruneOthers(current: string): void {
  const parent = join(current, '..');
  const others = readdirSync(parent)
    .filter((name) => name.startsWith('data-') && join(parent, name) !== current)
    .map((name) => ({ path: join(parent, name), written: statSync(join(parent, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const old of others.slice(KEEP_OTHER_CACHES)) rmSync(old.path, { force: true, recursive: true });
}

/** The cache of one data folder, under node_modules/.cache (ignored by git, removed by a clean install). */
export function dataCacheFor(projectRoot: string, dataRoot: string, kind: CacheKind = 'shard'): DataCache {
  const name = `data-${contentHash(dataRoot).slice(0, 16)}`;
  // Summaries are made by integrity.ts: a change there makes them again.
  const codeHash = loaderCodeHash(projectRoot, kind === 'summary' ? ['src/data/integrity.ts'] : []);
  return new DataCache(join(projectRoot, 'node_modules/.cache/zaitaku-atlas', name), codeHash, kind);
}
