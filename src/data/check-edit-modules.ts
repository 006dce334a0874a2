/**
 * What `npm run check` needs after an edit (check-run.ts, steps 2 and 3): the loader's reading of one clean file,
 * the integrity summaries and the incremental check, with the schemas, zod and js-yaml they import. The entry of the
 * bundle check-bundle.ts makes of them; imported as it is when there is no bundle.
 */
export { readCleanFile } from './load.ts';
export { summarize } from './integrity.ts';
export { incrementalCheck } from './check-incremental.ts';
