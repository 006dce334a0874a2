/** Load + validate + integrity in one call: what `npm run check`, the build and the tests use. */
import { resolve } from 'node:path';
import { loadData, type LoadResult, type Prereads, type Problem } from './load.ts';
import { checkIntegrity, summarize, type IntegrityScope } from './integrity.ts';
import { DataCache, dataCacheFor } from './cache.ts';

export interface CheckedData extends LoadResult {
  problems: Problem[];
}

export interface CheckOptions {
  /**
   * Keep each clean file's validated data in node_modules/.cache between runs (`npm run check` and the
   * build do), so an edit re-reads one file. Off for fixture trees; ATLAS_DATA_CACHE=0 turns it off.
   * Tests give a cache of their own (a DataCache in a temporary folder).
   */
  cache?: boolean | DataCache;
  /**
   * The caller needs the problems only (npm run check): entries then hold what the integrity rules read
   * of them (integrity.ts, summarize), and the cache keeps those summaries instead of the whole data.
   */
  summariesOnly?: boolean;
  /** Told each integrity problem with the entry it is about (the incremental check keeps them by entry). */
  owner?: IntegrityScope['owner'];
  /** Files read ahead in worker threads (load-parallel.ts, with the same cache and summariesOnly). */
  prereads?: Prereads;
}

/** `dataRoot` defaults to <projectRoot>/data; fixtures pass their own tree. */
export function checkData(
  projectRoot: string,
  dataRoot = resolve(projectRoot, 'data'),
  options: CheckOptions = {},
): CheckedData {
  const kind = options.summariesOnly ? 'summary' : 'shard';
  const cache =
    options.cache instanceof DataCache
      ? options.cache
      : options.cache && process.env.ATLAS_DATA_CACHE !== '0'
        ? dataCacheFor(projectRoot, dataRoot, kind)
        : undefined;
  const summarizer = options.summariesOnly ? summarize : undefined;
  const loaded = loadData(dataRoot, projectRoot, cache, summarizer, options.prereads);
  // Integrity only makes sense on entries that passed their schema; schema problems are reported first.
  const integrity = checkIntegrity(loaded, projectRoot, undefined, { owner: options.owner });
  const problems = [...loaded.problems, ...integrity].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return { entries: loaded.entries, problems, invalid: loaded.invalid };
}

/** The data tree a build or check reads: $ATLAS_DATA_DIR (tests build fixture trees), else <projectRoot>/data. */
export function dataRootOf(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
  return env.ATLAS_DATA_DIR ? resolve(env.ATLAS_DATA_DIR) : resolve(projectRoot, 'data');
}

// One slot per process, on globalThis: Vite loads src/content.config.ts as a module instance of its
// own, so a module-level cache would not be shared with the integration that imported this file.
const SHARED = Symbol.for('zaitaku-atlas.checked-data');
type Shared = { [SHARED]?: { dataRoot: string; result: CheckedData } };

/**
 * The checked data of this process: parsed and validated once per data tree. The build integration
 * (src/integrations/atlas.ts) checks before Astro builds anything; the content loader then reuses
 * the same result instead of reading the YAML again.
 */
export function checkedData(projectRoot: string, dataRoot = dataRootOf(projectRoot)): CheckedData {
  const shared = globalThis as Shared;
  if (shared[SHARED]?.dataRoot !== dataRoot)
    shared[SHARED] = { dataRoot, result: checkData(projectRoot, dataRoot, { cache: true }) };
  return shared[SHARED].result;
}
