/**
 * The step of a build after the pages are written and checked: the Pagefind index of the site and its check.
 * `npm run build` (scripts/build.ts) runs it in its own small process once the Astro process has ended; a bare
 * `astro build` runs it from its `astro:build:done` hook (src/integrations/atlas.ts), in a child process. Either
 * way it prints the same phase markers and log lines, and its failure leaves nothing published.
 */
import type { IndexSummary } from './search-index.ts';
import { checkIndex } from './output-checks.ts';

/** Set by scripts/build.ts for `astro build`: the staging directory it chose; indexing and publishing are its own. */
export const STAGING_ENV = 'ATLAS_BUILD_STAGING';

type Fault = 'page' | 'search-index' | 'output-check';
const FAULTS: readonly Fault[] = ['page', 'search-index', 'output-check'];

/**
 * ATLAS_TEST_FAULT (tests only: tests/data/publish.test.ts) makes one step fail on purpose: `page` adds a page that
 * throws, `search-index` fails the index step, `output-check` empties one page before the checks.
 */
export function faultOf(env: Record<string, string | undefined> = process.env): Fault | undefined {
  const value = env.ATLAS_TEST_FAULT;
  if (!value) return undefined;
  if (!FAULTS.includes(value as Fault)) throw new Error(`ATLAS_TEST_FAULT must be one of ${FAULTS.join(', ')}`);
  return value as Fault;
}

/** A failed check over the built output: its problems are printed, and nothing is published. */
export class OutputProblems extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[], outDir: string) {
    const n = problems.length;
    super(`${n} problem${n === 1 ? '' : 's'} in the built output. Nothing was published; ${outDir} is unchanged.`);
    this.problems = problems;
  }
}

/** Throws OutputProblems when there are problems, after printing each on stderr. */
export function failOnProblems(problems: readonly string[], outDir: string): void {
  if (!problems.length) return;
  for (const p of problems) console.error(`output check: ${p}`);
  throw new OutputProblems(problems, outDir);
}

/**
 * Indexes the built site at `root` with `index` (buildSearchIndex, in this process or a child) and checks the
 * result (checkIndex). `outDir` is where the site would be published, for the failure's message.
 */
export async function indexSite(
  root: string,
  outDir: string,
  index: (root: string) => Promise<IndexSummary>,
  log: (message: string) => void,
): Promise<IndexSummary> {
  log('[atlas:phase] search-index start');
  const started = Date.now();
  if (faultOf() === 'search-index') throw new Error('ATLAS_TEST_FAULT=search-index: the index step fails on purpose');
  const summary = await index(root);
  log('[atlas:phase] search-index done');
  const counts = [...summary.pages].map(([lang, n]) => `${n} ${lang}`).join(', ');
  log(`search index: ${counts} pages (${summary.skipped} not indexed) in ${Date.now() - started} ms`);
  failOnProblems(checkIndex(root, summary.pages), outDir);
  return summary;
}
