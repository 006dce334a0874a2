/**
 * Times each page helper alone (the relations and the per-page computations that pages call), to find
 * helpers that grow faster than the data: run it on two generated trees and compare.
 *
 *   npm run -s bench:helpers -- --data /tmp/atlas-1k
 *   npm run -s generate-data -- --programs 1000 --out /tmp/atlas-1k   (to make such a tree)
 *
 * Prints, per helper: calls (one per page that uses it), total CPU ms, and the slowest single call — the
 * figure that shows a helper that is quadratic within one page. Figures, not a test: no pass/fail.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkData } from '../src/data/index.ts';
import { COLLECTION_NAMES, type Collections } from '../src/schemas/index.ts';
import { relationsOf } from '../src/lib/relations.ts';
import { readSourceText, segmentSourceText } from '../src/lib/source-text.ts';
import { pageDataFiles } from '../src/lib/data-dates.ts';
import {
  figuresOfYear,
  programAmounts,
  programYears,
  statedTotals,
  totalsByFund,
  totalsByInitiative,
  yearSummaries,
  budgetRanking,
} from '../src/lib/fiscal-totals.ts';
import { yearSheet } from '../src/lib/year-sheet.ts';
import { figureRows } from '../src/lib/open-data.ts';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const projectRoot = resolve(import.meta.dirname, '..');
const dataRoot = resolve(values.data ?? process.env.ATLAS_DATA_DIR ?? 'data');

const checked = checkData(projectRoot, dataRoot, { cache: true });
if (checked.problems.length) throw new Error(`${checked.problems.length} problems in ${dataRoot}: run npm run check`);
const collections = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [
    name,
    checked.entries
      .filter((e) => e.collection === name)
      .map((e) => e.data)
      .sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1)),
  ]),
) as Collections;

const rows: { helper: string; calls: number; total: number; max: number }[] = [];
function time<T>(helper: string, inputs: readonly T[], run: (input: T) => unknown) {
  let total = 0;
  let max = 0;
  for (const input of inputs) {
    // CPU time of this process, not wall time: other work on a shared machine does not count.
    const started = process.cpuUsage();
    run(input);
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    total += ms;
    max = Math.max(max, ms);
  }
  rows.push({ helper, calls: inputs.length, total, max });
}

let data!: Collections & ReturnType<typeof relationsOf>;
time('relationsOf (once per build)', [collections], (c) => (data = { ...c, ...relationsOf(c) }));
time('program relations', data.programs, (p) => data.program(p));
time('program year sheet', data.programs, (p) => yearSheet(p.figures));
time('committee relations', data.committees, (c) => data.committee(c));
time('meeting relations', data.meetings, (m) => data.meeting(m));
time('plan relations', data.plans, (p) => data.plan(p));
time(
  'initiative relations',
  data.plans.flatMap((plan) => plan.initiatives.map((initiative) => ({ plan, initiative }))),
  ({ plan, initiative }) => data.initiative(plan, initiative),
);
time('indicator relations', data.indicators, (i) => data.indicator(i));
time('source page: cited by + anchored text', data.sources, (s) => {
  const headings = data.citationsOf(s.id).flatMap((g) => g.entries.flatMap((e) => e.headings));
  segmentSourceText(readSourceText(s.file, projectRoot), headings);
});
time('page data files (program pages)', data.programs, (p) => pageDataFiles(`/programs/${p.id}/`, data));
const years = programYears(data.programs);
const amountsOf = new Map(years.map((year) => [year, programAmounts(data.programs, year)]));
time('fiscal-year page: programAmounts', years, (year) => programAmounts(data.programs, year));
time('fiscal-year page: figuresOfYear', years, (year) => figuresOfYear(data.programs, amountsOf.get(year)!, year));
time('fiscal-year page: totalsByFund', years, (year) => totalsByFund(amountsOf.get(year)!, year, data.byId.funds));
time('fiscal-year page: totalsByInitiative', years, (year) =>
  totalsByInitiative(amountsOf.get(year)!, data.plans, year),
);
time('fiscal-year page: statedTotals', years, (year) => statedTotals(data.programs, year));
time('by-budget page', years, (year) => budgetRanking(programAmounts(data.programs, year)));
time('fiscal-year index', [data.programs], (programs) => yearSummaries(programs));
time('open data figure rows', [data], (d) => figureRows(d.programs, d.plans, d.indicators));

console.log(`${data.programs.length} programs, ${data.meetings.length} meetings (${dataRoot})`);
console.log(`${'helper'.padEnd(40)} ${'calls'.padStart(6)} ${'total ms'.padStart(10)} ${'max ms'.padStart(9)}`);
for (const r of rows)
  console.log(
    `${r.helper.padEnd(40)} ${String(r.calls).padStart(6)} ${r.total.toFixed(1).padStart(10)} ${r.max.toFixed(1).padStart(9)}`,
  );
