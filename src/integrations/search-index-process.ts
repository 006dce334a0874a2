/**
 * The search index step in a process of its own: `node src/integrations/search-index-process.ts <site root>` runs
 * buildSearchIndex (src/integrations/search-index.ts) and sends its summary to the parent over IPC.
 *
 * Why a process: when the pages are written, the Astro build process holds everything it rendered with (about
 * 1.2 GB at 1,000 programs); the index's worker threads and the pages in flight to Pagefind then grew that same
 * process by another ~0.4 GB, making it the build's largest. A child starts from a small heap, and its memory is
 * returned when it exits.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, type IndexSummary } from './search-index.ts';

const SELF = fileURLToPath(import.meta.url);

/** buildSearchIndex(root) in a child process; rejects with the child's error (printed on stderr) when it fails. */
export function buildSearchIndexInChild(root: string): Promise<IndexSummary> {
  return new Promise((resolve, reject) => {
    // 'advanced' serialisation: the summary's Maps cross as they are (structured clone).
    const child = fork(SELF, [root], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let summary: IndexSummary | undefined;
    child.once('message', (message) => (summary = message as IndexSummary));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0 && summary) resolve(summary);
      else reject(new Error(`search index process for ${root} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

if (process.argv[1] === SELF && process.send) {
  const summary = await buildSearchIndex(process.argv[2]!);
  process.send(summary, () => process.exit(0));
}
