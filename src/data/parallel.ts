/**
 * Reads the files a run must read (those the cache does not know at their size and time) in worker
 * threads, one per core, and puts each clean file's entries in the cache before loadData runs: loadData
 * then finds them there, and reads, parses and reports every other file itself, one after the other,
 * exactly as without workers. So workers only ever save time: a file they cannot read cleanly, a worker
 * that fails or a machine with one core leaves the work to loadData.
 *
 * loadData and the check are synchronous (the build's content loader calls them too): the results are
 * taken from the workers' ports with receiveMessageOnPort while waiting on a shared counter.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DataCache } from './cache.ts';
import type { StaleFile } from './load.ts';
import type { ReadResult, WorkerInput } from './read-worker.ts';

/** Below this many files to read, starting workers (each loads the schemas and parsers) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
/** A worker that sends nothing for this long is given up; loadData reads what it has not. */
const STALL_MS = 120_000;

/** `threads` defaults to the cores (at most 4); ATLAS_CHECK_THREADS=1 reads without workers (to compare). */
export function readInWorkers(
  cache: DataCache,
  stale: StaleFile[],
  summaries: boolean,
  cores = Number(process.env.ATLAS_CHECK_THREADS) || availableParallelism(),
): void {
  const threads = Math.min(cores, 4, Math.floor(stale.length / (MIN_FILES_FOR_WORKERS / 2)));
  if (threads < 2) return;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const running: { worker: Worker; port: MessagePort; done: boolean }[] = [];
  for (let t = 0; t < threads; t++) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { files: stale.filter((_, i) => i % threads === t), summaries, signal, port: port2 };
    const worker = new Worker(new URL('./read-worker.ts', import.meta.url), {
      workerData: input,
      transferList: [port2],
    });
    worker.unref();
    running.push({ worker, port: port1, done: false });
  }
  let lastNews = Date.now();
  while (running.some((r) => !r.done) && Date.now() - lastNews < STALL_MS) {
    const seen = Atomics.load(signal, 0);
    for (const r of running) {
      for (let m = receiveMessageOnPort(r.port); m; m = receiveMessageOnPort(r.port)) {
        lastNews = Date.now();
        const batch = m.message as ReadResult[] | 'done';
        if (batch === 'done') r.done = true;
        else for (const read of batch) cache.add(read.file, read.hash, read.stamp, read.entries);
      }
    }
    if (running.some((r) => !r.done)) Atomics.wait(signal, 0, seen, 1000);
  }
  for (const r of running) {
    r.port.close();
    void r.worker.terminate();
  }
}
