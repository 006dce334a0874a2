/**
 * A worker thread of src/integrations/search-index.ts: indexes the pages of one language with a Pagefind
 * service of its own and posts back what indexLanguage returns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexLanguage } from './search-index.ts';

const { root, lang, files, outputPath } = workerData as {
  root: string;
  lang: string;
  files: string[];
  outputPath: string;
};
parentPort!.postMessage(await indexLanguage(root, lang, files, outputPath));
