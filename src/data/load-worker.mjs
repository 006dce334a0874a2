/**
 * A worker thread of load-parallel.ts: reads the batches of files it is given, answers what it found. Plain .mjs
 * so that it can turn on the compile cache (which keeps Node's type-stripped TypeScript) before any TypeScript loads.
 */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

enableCompileCache(workerData.compileCache);
const { runJob } = await import('./load-parallel.ts');
parentPort.on('message', (batch) => parentPort.postMessage(batch.map((job) => runJob(job, workerData.summaries))));
