/**
 * What `npm run check` does, in the cheapest way that gives the same lines as a full check:
 * 1. nothing changed since the last check (check-result.ts): its stored result, with node's modules only;
 * 2. a few files edited, each still clean with the same integrity summaries and no line of the last result
 *    about it (a text edit, usually): the stored result, after parsing only those files;
 * 3. files edited, added or removed, each a clean entry file, in a tree whose last check had no problem of a file:
 *    the rules again on the entries those changes can affect only (check-incremental.ts);
 * 4. else the full check on the summaries' cache (index.ts), whose result and index are stored for the next run.
 * The loader, the schemas and the rules are imported only when step 2, 3 or 4 needs them.
 */
import { join, relative } from 'node:path';
import { dataCacheFor, type DataCache } from './cache.ts';
import { editModules, makeEditBundle } from './check-bundle.ts';
import { CheckResultStore, type CheckOutcome } from './check-result.ts';
import type { CleanFile, LoadedEntry, Problem } from './load.ts';

/** More edited files than this are checked in full (comparing each one's summaries costs a parse). */
const MAX_EDITS = 20;

export type CheckPath = 'stored' | 'edits' | 'incremental' | 'full';

/**
 * `cache`: the summaries' cache (tests give one in a temporary folder); by default the one of this data tree,
 * none when ATLAS_DATA_CACHE=0 (then always a full check, nothing stored).
 */
export async function runCheck(
  projectRoot: string,
  dataRoot: string,
  env: Record<string, string | undefined> = process.env,
  cache: DataCache | undefined = env.ATLAS_DATA_CACHE === '0'
    ? undefined
    : dataCacheFor(projectRoot, dataRoot, 'summary'),
): Promise<{ outcome: CheckOutcome; path: CheckPath }> {
  const store = cache ? new CheckResultStore(projectRoot, dataRoot, cache.dir, env) : undefined;
  const stored = store?.lookup();
  if (stored) return { outcome: stored, path: 'stored' };
  // The edited files step 2 read, given to step 3 so that it need not read them again.
  const read = new Map<string, CleanFile>();
  const edited = cache && store ? await editsWithoutEffect(projectRoot, dataRoot, cache, store, read, env) : undefined;
  if (edited) return { outcome: edited, path: 'edits' };
  if (cache && store && (store.edits.length > 0 || store.added.length > 0 || store.removed.length > 0)) {
    const { incrementalCheck } = await editModules(projectRoot, store.codeHash, env);
    const outcome = incrementalCheck(projectRoot, dataRoot, cache, store, env, read);
    if (outcome) return { outcome, path: 'incremental' };
  }
  return { outcome: await fullCheck(projectRoot, dataRoot, cache, store, env), path: 'full' };
}

async function editsWithoutEffect(
  projectRoot: string,
  dataRoot: string,
  cache: DataCache,
  store: CheckResultStore,
  read: Map<string, CleanFile>,
  env: Record<string, string | undefined>,
): Promise<CheckOutcome | undefined> {
  const before = store.storedOutcome;
  if (!before || store.edits.length === 0 || store.edits.length > MAX_EDITS) return undefined;
  if (store.added.length > 0 || store.removed.length > 0) return undefined;
  const { readCleanFile, summarize } = await editModules(projectRoot, store.codeHash, env);
  const now = new Map<string, { hash: string; stamp: { size: number; mtimeMs: number } }>();
  for (const { file, checkedHash } of store.edits) {
    // The name the loader gives the file, the one problems are printed with.
    const shown = relative(projectRoot, join(dataRoot, file));
    if (before.problems.some((line) => line.startsWith(`${shown}:`) || line.startsWith(`${shown}  `))) return undefined;
    const was = cache.storedBefore(shown);
    if (!was || was.hash !== checkedHash) return undefined;
    const clean = readCleanFile(dataRoot, file, summarize);
    if (clean) read.set(file, clean);
    if (!clean || JSON.stringify(clean.entries) !== JSON.stringify(was.entries)) return undefined;
    now.set(file, clean);
  }
  return store.acceptEdits(now);
}

async function fullCheck(
  projectRoot: string,
  dataRoot: string,
  cache: DataCache | undefined,
  store: CheckResultStore | undefined,
  env: Record<string, string | undefined>,
): Promise<CheckOutcome> {
  const { checkData } = await import('./index.ts');
  const { formatProblem } = await import('./load.ts');
  const { prereadInParallel } = await import('./load-parallel.ts');
  // The files to read, read ahead in worker threads when there are many (a cold check).
  const prereads = (await prereadInParallel(dataRoot, projectRoot, cache, true, env))?.reads;
  const owners = new Map<Problem, LoadedEntry>();
  const result = checkData(projectRoot, dataRoot, {
    cache: cache ?? false,
    summariesOnly: true,
    owner: (problem, entry) => owners.set(problem, entry),
    prereads,
  });
  const counts = new Map<string, number>();
  for (const e of result.entries) counts.set(e.collection, (counts.get(e.collection) ?? 0) + 1);
  const outcome = {
    problems: result.problems.map(formatProblem),
    counts: [...counts].map(([c, n]) => `${n} ${c}`).join(', '),
  };
  // The source documents the rules read (sources.yaml's files): a change to one means a full check.
  const sources = result.entries
    .filter((e) => e.collection === 'sources')
    .map((e) => (e.data as { file?: unknown }).file)
    .filter((file): file is string => typeof file === 'string');
  if (cache && store) {
    // The incremental check's index, when every file was clean (see check-incremental.ts).
    const { makeIndex, writeIndex } = await import('./check-incremental.ts');
    const index = makeIndex(projectRoot, dataRoot, result.entries, result.problems, owners);
    if (index) writeIndex(cache.dir, index);
    store.save(outcome, cache, sources, index?.header.token);
    // The next check after an edit loads the modules it needs as one file.
    await makeEditBundle(projectRoot, store.codeHash, env);
  }
  return outcome;
}
