/** A worker thread of parallel.ts: reads its share of the files and sends each clean file's entries back. */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { CachedEntry, FileStamp } from './cache.ts';
import { readCleanFile, type StaleFile } from './load.ts';
import { summarize } from './integrity.ts';

export interface WorkerInput {
  files: StaleFile[];
  summaries: boolean;
  /** Counter the main thread waits on: raised after each message. */
  signal: Int32Array;
  port: MessagePort;
}

export interface ReadResult {
  file: string;
  hash: string;
  stamp: FileStamp;
  /** Absent when the content is the one the cache holds (the file was only touched). */
  entries?: CachedEntry[];
}

const { files, summaries, signal, port } = workerData as WorkerInput;
const send = (message: ReadResult[] | 'done') => {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};
try {
  let batch: ReadResult[] = [];
  for (const stale of files) {
    try {
      const read = readCleanFile(stale, summaries ? summarize : undefined);
      if (read) batch.push({ file: stale.file, ...read });
    } catch {
      // Left to loadData, which reports whatever is wrong with the file.
    }
    if (batch.length >= 100) {
      send(batch);
      batch = [];
    }
  }
  if (batch.length) send(batch);
} finally {
  send('done');
}
