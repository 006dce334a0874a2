/** Load + validate + integrity in one call: what `npm run check`, the build and the tests use. */
import { resolve } from 'node:path';
import { loadData, type LoadResult, type Problem } from './load.ts';
import { checkIntegrity } from './integrity.ts';

export interface CheckedData extends LoadResult {
  problems: Problem[];
}

/** `dataRoot` defaults to <projectRoot>/data; fixtures pass their own tree. */
export function checkData(projectRoot: string, dataRoot = resolve(projectRoot, 'data')): CheckedData {
  const loaded = loadData(dataRoot, projectRoot);
  // Integrity only makes sense on entries that passed their schema; schema problems are reported first.
  const integrity = checkIntegrity(loaded, projectRoot);
  const problems = [...loaded.problems, ...integrity].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return { entries: loaded.entries, problems, invalid: loaded.invalid };
}
