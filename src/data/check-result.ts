/**
 * The last result of `npm run check`, kept with what it was computed from, so that a check of a tree in
 * which nothing changed prints it again without loading the check's code or its summaries (at 10,000
 * programs that is most of the time of a check).
 *
 * The result holds for the same code (every file under src/data, src/schemas and src/lib, the check
 * script and the parsers' versions), the same day (change notes may not be dated after it), and the same
 * data tree: every path under it with the size and modification time it had, plus the source documents the
 * integrity rules read. A file whose stamp changed but whose bytes hash as when it was checked (touched,
 * or restored) still counts as unchanged. Files whose bytes changed, and files added or removed, are listed
 * (`edits`, `added`, `removed`) for check-run.ts; anything else (a folder added or gone, a file that had a problem,
 * a new day, other code, a source document) means a full check.
 *
 * Only node's own modules are imported here: this is the whole of the check when nothing changed.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { checkDay } from './check-day.ts';
import { contentHash, hashFiles, writeFileAtomically, type DataCache } from './cache.ts';

const FORMAT = 3;

/** What the check prints: each problem's line, or (none) the counts of the valid entries. */
export interface CheckOutcome {
  problems: string[];
  counts: string;
}

/** [size, mtimeMs, hash of the bytes checked] of a file; [-1, 0] for a folder; hash absent when not known. */
type Stamp = [size: number, mtimeMs: number, hash?: string];

/**
 * Every path under the data tree (relative to it) with its stamp, as parallel arrays in the walk's order: at 10,000
 * programs JSON.parse reads these several times faster than an object with 11,000 keys, and a tree whose paths are
 * those it had is compared position by position. A folder has size -1; hash is null when not known.
 */
interface Stamps {
  names: string[];
  sizes: number[];
  mtimes: number[];
  hashes: (string | null)[];
}

interface Stored {
  format: number;
  key: string;
  files: Stamps;
  /** The source documents read by the rules, by absolute path ([-2, 0] when it did not exist). */
  sources: Record<string, Stamp>;
  outcome: CheckOutcome;
  /** The token of the incremental check's index made with this outcome (check-incremental.ts), if any. */
  index?: string;
}

/**
 * check-result.bin: a header (4 bytes: its length; then this as JSON, padded to 8 bytes), then the files' sizes and
 * modification times as two Float64Arrays. At 10,000 programs, JSON.parse of the same as arrays (11,000 names, hashes,
 * sizes and times) took ~45 ms in a fresh process; as two strings and the times as they are in memory, a few ms.
 */
interface Header extends Omit<Stored, 'files'> {
  /** The files' names joined by NUL (which no file name holds). */
  names: string;
  /** Their hashes joined by NUL ('' when not known). */
  hashes: string;
}

function encode(stored: Stored): Buffer {
  const { files, ...rest } = stored;
  const header: Header = {
    ...rest,
    names: files.names.join('\0'),
    hashes: files.hashes.map((h) => h ?? '').join('\0'),
  };
  const json = Buffer.from(JSON.stringify(header));
  const start = 4 + json.length + ((8 - ((4 + json.length) % 8)) % 8);
  const bytes = Buffer.allocUnsafe(start + 16 * files.names.length);
  bytes.writeUInt32LE(json.length, 0);
  json.copy(bytes, 4);
  bytes.fill(0x20, 4 + json.length, start);
  const numbers = new Float64Array(2 * files.names.length);
  numbers.set(files.sizes);
  numbers.set(files.mtimes, files.names.length);
  bytes.set(new Uint8Array(numbers.buffer), start);
  return bytes;
}

/** The stored result, or undefined when the file is missing or not one this code wrote. */
function decode(bytes: Buffer): Stored | undefined {
  const length = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Header;
  if (header?.format !== FORMAT || typeof header.names !== 'string' || typeof header.hashes !== 'string') {
    return undefined;
  }
  const { names: joinedNames, hashes: joinedHashes, ...rest } = header;
  const names = joinedNames === '' ? [] : joinedNames.split('\0');
  const hashes = joinedHashes === '' && names.length === 0 ? [] : joinedHashes.split('\0');
  const start = 4 + length + ((8 - ((4 + length) % 8)) % 8);
  if (hashes.length !== names.length || bytes.length - start !== 16 * names.length) return undefined;
  // A copy: Float64Array needs 8-byte alignment in memory, which a Buffer need not have.
  const numbers = new Float64Array(2 * names.length);
  new Uint8Array(numbers.buffer).set(bytes.subarray(start));
  const sizes = Array.from(numbers.subarray(0, names.length));
  const mtimes = Array.from(numbers.subarray(names.length));
  return { ...rest, files: { names, sizes, mtimes, hashes: hashes.map((h) => (h === '' ? null : h)) } };
}

const MISSING: Stamp = [-2, 0];

function stampOf(abs: string): Stamp {
  try {
    const stats = lstatSync(abs);
    return stats.isDirectory() ? [-1, 0] : [stats.size, stats.mtimeMs];
  } catch {
    return MISSING;
  }
}

/**
 * Every path under `root` (folders too, so that an empty folder added counts), with its stamp (hashes unknown), in
 * a fixed order: each folder's names sorted, depth first. Every file is lstat'ed: an edit in place changes no
 * folder's modification time, so folders' times cannot stand for their files'.
 */
function walkTree(root: string): Stamps {
  const stamps: Stamps = { names: [], sizes: [], mtimes: [], hashes: [] };
  const add = (name: string, size: number, mtime: number) => {
    stamps.names.push(name);
    stamps.sizes.push(size);
    stamps.mtimes.push(mtime);
    stamps.hashes.push(null);
  };
  const visit = (dir: string, prefix: string) => {
    // Names only, each lstat'ed once (a Dirent per path cost as much again as the lstat).
    for (const name of readdirSync(dir).sort()) {
      const rel = prefix + name;
      // Joined by hand: path.join's normalisation per file was a tenth of this walk.
      const abs = `${dir}/${name}`;
      let stats: Stats | undefined;
      try {
        stats = lstatSync(abs);
      } catch {
        // Gone since the folder was read, or unreadable.
      }
      if (!stats) add(rel, MISSING[0], MISSING[1]);
      else if (stats.isDirectory()) {
        add(rel, -1, 0);
        visit(abs, `${rel}/`);
      } else add(rel, stats.size, stats.mtimeMs);
    }
  };
  try {
    visit(root, '');
  } catch {
    // No data tree (or an unreadable one): the full check reports it.
  }
  return stamps;
}

/**
 * The hash of the code a check's result depends on (src/data, src/schemas, src/lib, the check script, the parsers'
 * versions); also the name of the bundle of the check's modules made from that code (check-bundle.ts).
 */
export function checkCodeHash(projectRoot: string): string {
  const files: string[] = [];
  const collect = (dir: string) => {
    for (const entry of readdirSync(join(projectRoot, dir), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) collect(rel);
      else files.push(rel);
    }
  };
  for (const dir of ['src/data', 'src/schemas', 'src/lib']) collect(dir);
  files.push('scripts/check.ts', 'package-lock.json');
  for (const pkg of ['yaml', 'js-yaml', 'zod', 'astro']) files.push(`node_modules/${pkg}/package.json`);
  return hashFiles(createHash('sha1'), projectRoot, files);
}

/** The code a check's result depends on, and the day: any change to either means a full check. */
function keyOf(codeHash: string, dataRoot: string, today: string): string {
  return createHash('sha1').update(`${FORMAT}\0${dataRoot}\0${today}\0${codeHash}`).digest('base64url');
}

/** The hash of a file's bytes, undefined when it cannot be read. */
function hashOf(abs: string): string | undefined {
  try {
    return contentHash(readFileSync(abs));
  } catch {
    return undefined;
  }
}

/** Whether the file now is what was checked: same stamp, or different stamp but the same bytes. */
function unchanged(abs: string, before: Stamp, now: Stamp): boolean {
  if (before[0] === now[0] && before[1] === now[1]) return true;
  return before[2] !== undefined && now[0] >= 0 && hashOf(abs) === before[2];
}

/** A data file whose bytes differ from those the stored result was checked with. */
export interface Edit {
  /** Relative to the data tree. */
  file: string;
  /** The hash of the bytes that were checked. */
  checkedHash: string;
}

export class CheckResultStore {
  private readonly projectRoot: string;
  private readonly dataRoot: string;
  private readonly path: string;
  private readonly key: string;
  /** The tree as walked now; lookup fills in the hashes it knows (unchanged, touched files). */
  private readonly stamps: Stamps;
  /** checkCodeHash of the code as it was when this store was made. */
  readonly codeHash: string;
  private pending:
    { stored: Stored; edits: Edit[]; added: string[]; removed: string[]; at: Map<string, number> } | undefined;

  /** `dir`: the check's cache folder of this data tree (DataCache.dir). */
  constructor(
    projectRoot: string,
    dataRoot: string,
    dir: string,
    env: Record<string, string | undefined> = process.env,
  ) {
    this.projectRoot = projectRoot;
    this.dataRoot = dataRoot;
    this.path = join(dir, 'check-result.bin');
    this.codeHash = checkCodeHash(projectRoot);
    this.key = keyOf(this.codeHash, dataRoot, checkDay(env));
    this.stamps = walkTree(dataRoot);
  }

  /**
   * The previous outcome if nothing it depends on changed since, else undefined. When the only change is to the
   * bytes of data files (no path added or gone), `edits` then lists them: the caller may show that they do not
   * change the outcome (acceptEdits) instead of a full check.
   */
  lookup(): CheckOutcome | undefined {
    let stored: Stored | undefined;
    try {
      stored = decode(readFileSync(this.path));
    } catch {
      return undefined;
    }
    if (stored?.key !== this.key) return undefined;
    const was = stored.files;
    const now = this.stamps;
    let restamped = false;
    const edits: Edit[] = [];
    const removed: string[] = [];
    const added: string[] = [];
    /** Where each edited or added file is in `now`. */
    const at = new Map<string, number>();
    // Compares the stamp of was's path i with now's path j; false when only a full check will do.
    const compare = (i: number, j: number): boolean => {
      const name = now.names[j]!;
      if (was.sizes[i] === now.sizes[j] && was.mtimes[i] === now.mtimes[j]) {
        now.hashes[j] = was.hashes[i]!;
        return true;
      }
      // A file changed: touched (same bytes), or edited. A folder became a file, or the other way: a full check.
      const before = was.hashes[i];
      if (typeof before !== 'string' || was.sizes[i]! < 0 || now.sizes[j]! < 0) return false;
      const hash = hashOf(join(this.dataRoot, name));
      if (hash === undefined) return false;
      if (hash === before) {
        now.hashes[j] = before;
        restamped = true;
      } else {
        edits.push({ file: name, checkedHash: before });
        at.set(name, j);
      }
      return true;
    };
    const sameNames = was.names.length === now.names.length && was.names.every((name, i) => name === now.names[i]);
    if (sameNames) {
      for (let i = 0; i < was.names.length; i++) if (!compare(i, i)) return undefined;
    } else {
      const inNow = new Map(now.names.map((name, j) => [name, j]));
      const inWas = new Set(was.names);
      for (let i = 0; i < was.names.length; i++) {
        const j = inNow.get(was.names[i]!);
        if (j !== undefined) {
          if (!compare(i, j)) return undefined;
          continue;
        }
        // A folder gone, or a file with no known hash: a full check.
        if (was.sizes[i]! < 0 || was.hashes[i] === null) return undefined;
        removed.push(was.names[i]!);
      }
      for (let j = 0; j < now.names.length; j++) {
        const name = now.names[j]!;
        if (inWas.has(name)) continue;
        // A folder added: a full check.
        if (now.sizes[j]! < 0) return undefined;
        added.push(name);
        at.set(name, j);
      }
    }
    for (const [abs, before] of Object.entries(stored.sources ?? {})) {
      const stamp = stampOf(abs);
      if (!unchanged(abs, before, stamp)) return undefined;
      if (before[0] !== stamp[0] || before[1] !== stamp[1]) {
        stored.sources[abs] = [stamp[0], stamp[1], before[2]];
        restamped = true;
      }
    }
    if (edits.length > 0 || added.length > 0 || removed.length > 0) {
      this.pending = { stored, edits, added, removed, at };
      return undefined;
    }
    // Touched files: remember their new stamps, so that the next check need not hash them again.
    if (restamped) this.write({ ...stored, files: now });
    return stored.outcome;
  }

  /** The data files edited since the stored result (when only files changed, see lookup). */
  get edits(): readonly Edit[] {
    return this.pending?.edits ?? [];
  }

  /** The data files added since the stored result, relative to the data tree. */
  get added(): readonly string[] {
    return this.pending?.added ?? [];
  }

  /** The data files removed since the stored result, relative to the data tree. */
  get removed(): readonly string[] {
    return this.pending?.removed ?? [];
  }

  /** The token of the incremental check's index kept with the stored outcome. */
  get storedIndex(): string | undefined {
    return this.pending?.stored.index;
  }

  /** The stored outcome's lines (to see whether an edited file had a problem). */
  get storedOutcome(): CheckOutcome | undefined {
    return this.pending?.stored.outcome;
  }

  /**
   * The stored outcome, kept for the edited files' new bytes: the caller has shown that the edits do not change
   * what the check finds (each file's summaries are those it had, and none of its lines had a problem).
   */
  acceptEdits(now: ReadonlyMap<string, { hash: string; stamp: { size: number; mtimeMs: number } }>): CheckOutcome {
    const { stored } = this.pending!;
    return this.acceptChanges(stored.outcome, now, stored.index);
  }

  /**
   * Keeps `outcome` for the tree as it is now: the caller has checked every edited and added file (`now`, their
   * stamps and hashes), and the removed ones are dropped.
   */
  acceptChanges(
    outcome: CheckOutcome,
    now: ReadonlyMap<string, { hash: string; stamp: { size: number; mtimeMs: number } }>,
    index: string | undefined,
  ): CheckOutcome {
    const { stored, at } = this.pending!;
    const files = this.stamps;
    // Every other path has its hash from lookup; the edited and added files take the stamp of the bytes checked.
    for (const [file, j] of at) {
      const { hash, stamp } = now.get(file)!;
      files.sizes[j] = stamp.size;
      files.mtimes[j] = stamp.mtimeMs;
      files.hashes[j] = hash;
    }
    this.write({ ...stored, files, outcome, index });
    return outcome;
  }

  /**
   * Keeps the outcome of a full check. `cache` (the summaries' cache of that check) knows the hash each clean
   * file was checked with; `sources` are the files the rules read, relative to the project (sources.yaml).
   */
  save(outcome: CheckOutcome, cache: DataCache, sources: readonly string[], index?: string): void {
    const files: Stamps = { names: [], sizes: [], mtimes: [], hashes: [] };
    // The loader's names for the files (relative() per file was a tenth of a second at 10,000 files).
    const shownRoot = relative(this.projectRoot, this.dataRoot) || this.dataRoot;
    this.stamps.names.forEach((name, j) => {
      // The cache's stamp goes with the bytes that were checked (the file may have changed since the walk).
      const record = this.stamps.sizes[j]! >= 0 ? cache.stored(`${shownRoot}/${name}`) : undefined;
      files.names.push(name);
      files.sizes.push(record ? record.size : this.stamps.sizes[j]!);
      files.mtimes.push(record ? record.mtimeMs : this.stamps.mtimes[j]!);
      files.hashes.push(record ? record.hash : null);
    });
    const sourceStamps: Record<string, Stamp> = {};
    for (const file of sources) {
      const abs = join(this.projectRoot, file);
      const stamp = stampOf(abs);
      // Hashed after the check read it: a document edited during the check itself goes unnoticed until it changes
      // again (data files have no such gap: their hash is the one the loader checked).
      if (stamp[0] >= 0) {
        try {
          stamp[2] = contentHash(readFileSync(abs));
        } catch {
          // Gone since: the next check sees it missing.
        }
      }
      sourceStamps[abs] = stamp;
    }
    this.write({ format: FORMAT, key: this.key, files, sources: sourceStamps, outcome, index });
  }

  private write(stored: Stored): void {
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      writeFileAtomically(this.path, encode(stored));
    } catch {
      // A read-only checkout still checks; only the next check is slower.
    }
  }
}
