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
import { lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkDay } from './check-day.ts';
import { contentHash, hashFiles, writeJsonAtomically, type DataCache } from './cache.ts';

const FORMAT = 1;

/** What the check prints: each problem's line, or (none) the counts of the valid entries. */
export interface CheckOutcome {
  problems: string[];
  counts: string;
}

/** [size, mtimeMs, hash of the bytes checked] of a file; [-1, 0] for a folder; hash absent when not known. */
type Stamp = [size: number, mtimeMs: number, hash?: string];

interface Stored {
  format: number;
  key: string;
  /** Every path under the data tree, relative to it. */
  files: Record<string, Stamp>;
  /** The source documents read by the rules, by absolute path ([-2, 0] when it did not exist). */
  sources: Record<string, Stamp>;
  outcome: CheckOutcome;
  /** The token of the incremental check's index made with this outcome (check-incremental.ts), if any. */
  index?: string;
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

/** Every path under `root` (folders too, so that an empty folder added counts), with its stamp. */
function walkTree(root: string): Map<string, Stamp> {
  const stamps = new Map<string, Stamp>();
  const visit = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        stamps.set(rel, [-1, 0]);
        visit(abs, `${rel}/`);
      } else stamps.set(rel, stampOf(abs));
    }
  };
  try {
    visit(root, '');
  } catch {
    // No data tree (or an unreadable one): the full check reports it.
  }
  return stamps;
}

/** The code a check's result depends on, and the day: any change to either means a full check. */
function keyOf(projectRoot: string, dataRoot: string, today: string): string {
  const hash = createHash('sha1').update(`${FORMAT}\0${dataRoot}\0${today}\0`);
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
  return hashFiles(hash, projectRoot, files);
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
  private readonly stamps: Map<string, Stamp>;
  /** Whether lookup found the result still valid but some stamps moved (touched files): saved anew. */
  private restamped = false;
  private pending: { stored: Stored; edits: Edit[]; added: string[]; removed: string[] } | undefined;

  /** `dir`: the check's cache folder of this data tree (DataCache.dir). */
  constructor(
    projectRoot: string,
    dataRoot: string,
    dir: string,
    env: Record<string, string | undefined> = process.env,
  ) {
    this.projectRoot = projectRoot;
    this.dataRoot = dataRoot;
    this.path = join(dir, 'check-result.json');
    this.key = keyOf(projectRoot, dataRoot, checkDay(env));
    this.stamps = walkTree(dataRoot);
  }

  /**
   * The previous outcome if nothing it depends on changed since, else undefined. When the only change is to the
   * bytes of data files (no path added or gone), `edits` then lists them: the caller may show that they do not
   * change the outcome (acceptEdits) instead of a full check.
   */
  lookup(): CheckOutcome | undefined {
    let stored: Stored;
    try {
      stored = JSON.parse(readFileSync(this.path, 'utf8')) as Stored;
    } catch {
      return undefined;
    }
    if (stored?.format !== FORMAT || stored.key !== this.key || typeof stored.files !== 'object') return undefined;
    const edits: Edit[] = [];
    const removed: string[] = [];
    for (const name in stored.files) {
      const now = this.stamps.get(name);
      const before = stored.files[name]!;
      if (!now) {
        // A folder gone, or a file with no known hash: a full check.
        if (before[0] < 0 || before[2] === undefined) return undefined;
        removed.push(name);
        continue;
      }
      if (before[0] === now[0] && before[1] === now[1]) continue;
      // A file changed: touched (same bytes), or edited.
      const hash = before[2] !== undefined && now[0] >= 0 ? hashOf(join(this.dataRoot, name)) : undefined;
      if (hash === undefined) return undefined;
      if (hash === before[2]) {
        stored.files[name] = [now[0], now[1], before[2]];
        this.restamped = true;
      } else edits.push({ file: name, checkedHash: before[2]! });
    }
    const added: string[] = [];
    if (this.stamps.size !== Object.keys(stored.files).length - removed.length)
      for (const [name, stamp] of this.stamps) {
        if (name in stored.files) continue;
        // A folder added: a full check.
        if (stamp[0] < 0) return undefined;
        added.push(name);
      }
    for (const [abs, before] of Object.entries(stored.sources ?? {})) {
      const now = stampOf(abs);
      if (!unchanged(abs, before, now)) return undefined;
      if (before[0] !== now[0] || before[1] !== now[1]) {
        stored.sources[abs] = [now[0], now[1], before[2]];
        this.restamped = true;
      }
    }
    if (edits.length > 0 || added.length > 0 || removed.length > 0) {
      this.pending = { stored, edits, added, removed };
      return undefined;
    }
    // Touched files: remember their new stamps, so that the next check need not hash them again.
    if (this.restamped) this.write(stored);
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
    const { stored, edits, added, removed } = this.pending!;
    for (const file of [...edits.map((e) => e.file), ...added]) {
      const { hash, stamp } = now.get(file)!;
      stored.files[file] = [stamp.size, stamp.mtimeMs, hash];
    }
    for (const file of removed) delete stored.files[file];
    this.write({ ...stored, outcome, index });
    return outcome;
  }

  /**
   * Keeps the outcome of a full check. `cache` (the summaries' cache of that check) knows the hash each clean
   * file was checked with; `sources` are the files the rules read, relative to the project (sources.yaml).
   */
  save(outcome: CheckOutcome, cache: DataCache, sources: readonly string[], index?: string): void {
    const files: Record<string, Stamp> = {};
    // The loader's names for the files (relative() per file was a tenth of a second at 10,000 files).
    const shownRoot = relative(this.projectRoot, this.dataRoot) || this.dataRoot;
    for (const [name, stamp] of this.stamps) {
      // The cache's stamp goes with the bytes that were checked (the file may have changed since the walk).
      const record = stamp[0] >= 0 ? cache.stored(`${shownRoot}/${name}`) : undefined;
      files[name] = record ? [record.size, record.mtimeMs, record.hash] : stamp;
    }
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
      writeJsonAtomically(this.path, stored);
    } catch {
      // A read-only checkout still checks; only the next check is slower.
    }
  }
}
