/**
 * Atomic publishing of the built site: the build writes into a staging directory beside the output
 * directory (dist.staging-<pid>), and only when every step has succeeded does publish() swap it in by
 * renames on one filesystem: dist → dist.old-<pid>, dist.staging-<pid> → dist, then dist.old-<pid> is
 * removed. A failed build discards its staging directory and leaves dist/ as it was, byte for byte.
 *
 * A build killed between the two renames leaves no dist/ but dist.old-<pid>: recover(), run at the start
 * of the next build, renames it back (the previous site returns; the staging copy of unknown completeness
 * is dropped) and removes leftovers of builds that are no longer running. A lock file (dist.lock, holding
 * the builder's pid) keeps two builds from publishing into one directory at once; a lock whose process
 * is gone is taken over.
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const stagingDirOf = (outDir: string, pid = process.pid) => `${outDir}.staging-${pid}`;
export const asideDirOf = (outDir: string, pid = process.pid) => `${outDir}.old-${pid}`;
export const lockFileOf = (outDir: string) => `${outDir}.lock`;

/** Whether a process with this id is running (EPERM: it runs, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Leftovers beside outDir: staging and set-aside directories, with the pid of the build that made them. */
export function leftoversOf(outDir: string): { path: string; kind: 'staging' | 'old'; pid: number }[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const pattern = new RegExp(`^${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|old)-(\\d+)$`);
  return readdirSync(parent)
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter((x) => x.m)
    .map(({ name, m }) => ({ path: join(parent, name), kind: m![1] as 'staging' | 'old', pid: Number(m![2]) }));
}

/**
 * Repairs what an interrupted build left: when outDir is missing and a set-aside copy exists, the newest
 * copy becomes outDir again; every other leftover of a build that is no longer running is removed.
 * Returns what was done, one line per action, for the build log.
 */
export function recover(outDir: string, isAlive: (pid: number) => boolean = processAlive): string[] {
  const actions: string[] = [];
  const stale = leftoversOf(outDir).filter((l) => l.pid !== process.pid && !isAlive(l.pid));
  if (!existsSync(outDir)) {
    const newest = stale
      .filter((l) => l.kind === 'old')
      .sort((a, b) => lstatSync(b.path).mtimeMs - lstatSync(a.path).mtimeMs)[0];
    if (newest) {
      renameSync(newest.path, outDir);
      actions.push(`restored ${outDir} from ${newest.path} (a build stopped while publishing)`);
    }
  }
  for (const l of stale) {
    if (!existsSync(l.path)) continue;
    rmSync(l.path, { recursive: true, force: true });
    actions.push(`removed ${l.path} (left by build ${l.pid}, which is not running)`);
  }
  return actions;
}

/**
 * Takes the lock on outDir for this process, or throws when a running build holds it. Returns the
 * function that releases it (only if this process still holds it).
 */
export function acquireLock(outDir: string, isAlive: (pid: number) => boolean = processAlive): () => void {
  const lock = lockFileOf(outDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder))
        throw new Error(`another build (pid ${holder}) is publishing to ${outDir}; remove ${lock} if it is not`);
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not take the lock ${lock}`);
}

/** An empty staging directory for this build. */
export function prepareStaging(outDir: string): string {
  const staging = stagingDirOf(outDir);
  rmSync(staging, { recursive: true, force: true });
  return staging;
}

/** Swaps the finished staging directory in as outDir; the previous outDir is removed once replaced. */
export function publish(staging: string, outDir: string): void {
  if (!existsSync(staging)) throw new Error(`nothing to publish: ${staging} does not exist`);
  const aside = asideDirOf(outDir);
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) renameSync(outDir, aside);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadPrevious) renameSync(aside, outDir);
    throw error;
  }
  if (hadPrevious) rmSync(aside, { recursive: true, force: true });
}

/** Drops a staging directory that will not be published. */
export function discard(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
