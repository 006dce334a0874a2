/**
 * Pagefind's files that every search loads before its first result — the metadata (page and chunk lists) and
 * the WebAssembly — gzipped again with Zopfli: the same gzip format and the same content, 5 % (WebAssembly)
 * to 20 % (metadata with numbered names, search-names.ts) fewer bytes, measured at 10,000 programs in the
 * report of issue 14. Pagefind's JavaScript unzips them itself, so a host that compresses nothing still sends
 * the smaller file. Zopfli takes seconds a file, so the many small index chunks and fragments keep Pagefind's
 * own compression (about 7 % bigger).
 */
import { globSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * @gfx/zopfli, loaded on first use. Its Emscripten start-up adds process-wide `uncaughtException` and
 * `unhandledRejection` handlers (the first rethrows any error with the module's one 30 KB line as its source
 * context; the second aborts), which would garble every later error of the build: they are taken off again.
 */
let zopfli: Promise<typeof import('@gfx/zopfli')> | undefined;
function loadZopfli() {
  zopfli ??= (async () => {
    const events = ['uncaughtException', 'unhandledRejection'] as const;
    const before = events.map((e) => new Set(process.listeners(e)));
    const module = await import('@gfx/zopfli');
    events.forEach((e, i) => {
      for (const listener of process.listeners(e)) if (!before[i]!.has(listener)) process.off(e, listener);
    });
    return module;
  })();
  return zopfli;
}

/** Zopfli's passes: 5 gave all but 0.1 % of 15 on the 10,000-program metadata, in three quarters of the time. */
const ITERATIONS = 5;

export interface RecompressSummary {
  files: number;
  before: number;
  after: number;
}

/** Regzips the metadata and WebAssembly files of the Pagefind index in `dir` where Zopfli makes them smaller. */
export async function recompressIndex(dir: string): Promise<RecompressSummary> {
  const summary: RecompressSummary = { files: 0, before: 0, after: 0 };
  const { gzipAsync } = await loadZopfli();
  for (const file of globSync(['pagefind.*.pf_meta', 'wasm.*.pagefind'], { cwd: dir }).sort()) {
    const path = join(dir, file);
    const gzipped = readFileSync(path);
    const content = gunzipSync(gzipped);
    const smaller = Buffer.from(await gzipAsync(content, { numiterations: ITERATIONS }));
    if (!gunzipSync(smaller).equals(content)) throw new Error(`${path}: Zopfli did not give back the content`);
    summary.files++;
    summary.before += gzipped.length;
    if (smaller.length < gzipped.length) writeFileSync(path, smaller);
    summary.after += Math.min(smaller.length, gzipped.length);
  }
  return summary;
}
