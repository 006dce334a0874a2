/**
 * The loader's per-file work in parallel: before loadData runs, the files it will have to read (those the cache
 * does not know by their stamp) are read, hashed, parsed by the fast path, validated and summarised in worker
 * threads, one per idle core (the main thread being one of them; see threadsFor). loadData then takes each file's
 * result in its own order (readEntries' `ahead`), so what it returns, and so every line of the check, is the same as
 * when it reads every file itself: files that are not clean are still read and reported by the main thread alone.
 *
 * Used by npm run check's full check (check-run.ts). Worker threads cost a start-up each (loading the schemas and
 * parsers): with fewer files to read than MIN_FILES, or one core, nothing is read ahead.
 * ATLAS_CHECK_THREADS=N sets the number of threads (1: none), whatever the number of files (tests use it).
 */
import { availableParallelism, loadavg } from 'node:os';
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { COLLECTIONS, type CollectionName, type CollectionSpec } from '../schemas/index.ts';
import { summarize } from './integrity.ts';
import { prereadFile, type Preread } from './load.ts';
import type { DataCache } from './cache.ts';

/** Fewer files to read than this: worker threads would cost more to start than they save. */
const MIN_FILES = 1000;

/** Files per message to a thread: small enough to share the work evenly, large enough to keep messages few. */
const BATCH = 64;

/** [abs, file (the loader's name), collection, stem (entry-per-file) or null, size, mtimeMs, known hash or null] */
export type Job = [string, string, CollectionName, string | null, number, number, string | null];

/** What a thread answers for a job: the loader's name for the file and what reading it found. */
export type JobResult = [file: string, read: Preread | undefined];

/** Reads one file as loadData would (in a worker, or in the main thread). */
export function runJob(job: Job, summaries: boolean): JobResult {
  const [abs, file, collection, stem, size, mtimeMs, knownHash] = job;
  const spec = COLLECTIONS[collection];
  const summarizeOne = summaries ? (data: unknown) => summarize(collection, data) : undefined;
  const read = prereadFile(abs, file, spec, stem ?? undefined, { size, mtimeMs }, knownHash ?? undefined, summarizeOne);
  return [file, read];
}

/**
 * How many threads read files: ATLAS_CHECK_THREADS, else the main thread and a worker per further core that other
 * processes leave at least partly idle (cores minus the 1-minute load average, rounded up). On a machine whose
 * cores are busy already, worker threads only add their start-up and the copying of their results (measured at a
 * load of 15–20 on 2 cores: a quarter more CPU for a tenth less wall time). Rounded up because the load average
 * lags: on an idle 2-core machine a check run a minute earlier still shows as ~1.9, and one thread then took
 * 9.1–14.3 s against 8.2–8.4 s with a worker (10,000 programs).
 */
export function threadsFor(
  env: Record<string, string | undefined>,
  cores = availableParallelism(),
  load = loadavg()[0]!,
): { threads: number; minFiles: number } {
  const set = Number.parseInt(env.ATLAS_CHECK_THREADS ?? '', 10);
  if (Number.isInteger(set) && set >= 1) return { threads: set, minFiles: 0 };
  const workers = Math.min(cores - 1, Math.max(0, Math.ceil(cores - load)));
  return { threads: 1 + workers, minFiles: MIN_FILES };
}

function lstatOrUndefined(abs: string): Stats | undefined {
  try {
    return lstatSync(abs);
  } catch {
    return undefined;
  }
}

/** The files loadData will read (regular .yaml files of the collections) that the cache does not know by stamp. */
function jobsOf(dataRoot: string, displayRoot: string, cache: DataCache | undefined): Job[] {
  const jobs: Job[] = [];
  const show = (abs: string) => relative(displayRoot, abs) || abs;
  const add = (abs: string, file: string, name: CollectionName, stem: string | null, stats: Stats) => {
    const known = cache?.peek(file);
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return;
    jobs.push([abs, file, name, stem, stats.size, stats.mtimeMs, known?.hash ?? null]);
  };
  for (const [name, spec] of Object.entries(COLLECTIONS) as [CollectionName, CollectionSpec][]) {
    const target = join(dataRoot, spec.path);
    const stats = lstatOrUndefined(target);
    if (spec.layout === 'list') {
      if (stats?.isFile()) add(target, show(target), name, null, stats);
      continue;
    }
    if (!stats?.isDirectory()) continue;
    const shownFolder = show(target);
    for (const fileName of readdirSync(target)) {
      if (!fileName.endsWith('.yaml') || fileName === '.yaml') continue;
      const abs = join(target, fileName);
      const entryStats = lstatOrUndefined(abs);
      if (entryStats?.isFile())
        add(abs, `${shownFolder}/${fileName}`, name, fileName.slice(0, -'.yaml'.length), entryStats);
    }
  }
  return jobs;
}

/**
 * Reads ahead, in parallel, the files loadData(dataRoot, displayRoot, cache, summaries ? summarize : undefined)
 * will read, with the number of files the worker threads read (the rest were read by the main thread); undefined
 * when it is not worth it (see MIN_FILES) or there is one thread. `mainThread: false` leaves every file to the workers
 * (tests, to compare what comes through a worker with what the loader reads itself).
 */
export async function prereadInParallel(
  dataRoot: string,
  displayRoot: string,
  cache: DataCache | undefined,
  summaries: boolean,
  env: Record<string, string | undefined> = process.env,
  { mainThread = true }: { mainThread?: boolean } = {},
): Promise<{ reads: Map<string, Preread>; byWorkers: number } | undefined> {
  const { threads, minFiles } = threadsFor(env);
  if (threads < 2 || !lstatOrUndefined(dataRoot)?.isDirectory()) return undefined;
  const jobs = jobsOf(dataRoot, displayRoot, cache);
  if (jobs.length === 0 || jobs.length < minFiles) return undefined;
  const queue: Job[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH) queue.push(jobs.slice(i, i + BATCH));
  const results = new Map<string, Preread>();
  let byWorkers = 0;
  const keep = (answers: JobResult[]) => {
    for (const [file, read] of answers) if (read) results.set(file, read);
  };

  // The workers take batches as they finish them; the main thread takes one between looking at their answers.
  const compileCache = resolve(import.meta.dirname, '../../node_modules/.cache/node-compile-cache');
  let busy = 0;
  let settle: () => void = () => {};
  const done = new Promise<void>((resolveDone) => (settle = resolveDone));
  const workers: Worker[] = [];
  const finished = () => {
    if (busy === 0 && queue.length === 0) settle();
  };
  const workerCount = mainThread ? Math.min(threads - 1, queue.length - 1) : threads - 1;
  for (let i = 0; i < workerCount; i++) {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { summaries, compileCache },
    });
    workers.push(worker);
    // Two batches in flight: the next one waits in the worker while the main thread, busy with a batch of its own,
    // cannot answer (with one, the worker sat idle a third of the time).
    const inFlight: Job[][] = [];
    const give = () => {
      const batch = queue.shift();
      if (!batch) return;
      inFlight.push(batch);
      busy++;
      worker.postMessage(batch);
    };
    worker.on('message', (answers: JobResult[]) => {
      inFlight.shift();
      busy--;
      byWorkers += answers.length;
      keep(answers);
      give();
      finished();
    });
    // A worker that fails leaves its batches to the main thread.
    worker.on('error', () => {
      busy -= inFlight.length;
      queue.push(...inFlight.splice(0));
      // The main thread takes what is left (after its loop, if it is waiting already).
      if (busy === 0) settle();
    });
    give();
    give();
  }
  try {
    while (mainThread && queue.length > 0) {
      keep(queue.shift()!.map((job) => runJob(job, summaries)));
      // Let the workers' answers in (and give them their next batch).
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
    }
    if (busy > 0) await done;
    // A batch given back by a failed worker after the main thread stopped taking them.
    while (queue.length > 0) keep(queue.shift()!.map((job) => runJob(job, summaries)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { reads: results, byWorkers };
}
