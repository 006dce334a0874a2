/**
 * npm run build [-- astro build options]: the whole build, in two processes one after the other.
 * 1. `astro build` (src/integrations/atlas.ts): the data check, the pages, sitemap.xml, _redirects, _headers and
 *    the checks over the pages, written into a staging directory beside the output directory (dist/, or
 *    $ATLAS_OUT_DIR) that this script chose and passes as ATLAS_BUILD_STAGING;
 * 2. once that process has ended: the Pagefind index of the staging directory and its check
 *    (src/integrations/finish-build.ts), then publishing (src/integrations/publish.ts: staging replaces the
 *    output directory by renames).
 * Why two: the Astro process keeps everything it rendered with until it exits (2.4 GB at 5,000 programs), and the
 * index's Pagefind services take as much again; one after the other, the build's peak memory is the larger of the
 * two instead of their sum. This script itself stays small: it holds the lock on the output directory throughout,
 * and whatever ends it (a failed step, a signal) removes the unpublished staging directory, as a bare
 * `astro build` does (which still runs every step itself).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { indexSite, STAGING_ENV } from '../src/integrations/finish-build.ts';
import { acquireLock, discard, prepareStaging, publish, recover } from '../src/integrations/publish.ts';
import { buildSearchIndex } from '../src/integrations/search-index.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** As astro.config.mjs sets it, resolved from the project root as Astro does. */
const outDir = resolve(ROOT, process.env.ATLAS_OUT_DIR || './dist').replace(/\/+$/, '');

/** A log line in the form of the integration's (Astro's logger: time, then [zaitaku-atlas]). */
function log(message: string): void {
  console.log(`${new Date().toTimeString().slice(0, 8)} [zaitaku-atlas] ${message}`);
}

let release: () => void;
try {
  release = acquireLock(outDir);
} catch (error) {
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
for (const action of recover(outDir)) log(action);
const staging = prepareStaging(outDir);
let published = false;
process.on('exit', () => {
  if (!published) discard(staging);
  release();
});

const astro = spawn(
  process.execPath,
  [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, [STAGING_ENV]: staging } },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => {
    astro.kill(signal);
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
  });
const astroExit = await new Promise<number>((done) =>
  astro.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0))),
);
if (astroExit !== 0) process.exit(astroExit);

try {
  await indexSite(staging, outDir, buildSearchIndex, log);
  log('[atlas:phase] publish start');
  publish(staging, outDir);
  published = true;
  log('[atlas:phase] publish done');
  log(`published ${outDir}`);
} catch (error) {
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
