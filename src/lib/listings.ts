/**
 * The long listing pages as pages of bounded length (issue 14; src/lib/pagination.ts cuts them): what each page
 * of a list shows, computed once per build and language, so that the route of page 1 (the list's own address)
 * and the route of pages 2… (`<list>/page/<n>/`) render the same model.
 */
import type { Lang } from './i18n.ts';
import type { Relations, InitiativeProgram } from './relations.ts';
import type { EntryOf } from '../schemas/index.ts';
import { orderByLatestBudget } from './figures.ts';
import { memoByKey } from './memo.ts';
import {
  ONE_PAGE_LIMIT,
  PAGE_SIZE,
  PROGRAM_NAMES_LIMIT,
  chunkByWeight,
  paginateGroups,
  groupStartPages,
  type GroupRun,
} from './pagination.ts';
import {
  budgetRanking,
  figuresOfYear,
  programAmounts,
  statedTotals,
  totalsByInitiative,
  type InitiativeTotals,
  type RankedAmount,
  type StatedTotalCheck,
} from './fiscal-totals.ts';

type Program = EntryOf<'programs'>;
type Plan = EntryOf<'plans'>;
type Initiative = Plan['initiatives'][number];
type Issue = Plan['issues'][number];

/** One initiative's programs in the by-plan list, or (without plan) the programs linked to no plan. */
export interface PlanListGroup {
  plan?: Plan;
  issue?: Issue;
  initiative?: Initiative;
}
export type PlanListRow = { program: Program; relisted: boolean };

export interface PagedList<G, R> {
  pages: GroupRun<G, R>[][];
  /** Rows on each page (for "51–100 of 1,024"). */
  lengths: number[];
}

const lengthsOf = <G, R>(pages: GroupRun<G, R>[][]) => pages.map((runs) => runs.reduce((n, r) => n + r.rows.length, 0));

/**
 * The programs by plan (/programs/): each plan's initiatives that have programs, the programs of each by latest
 * budget; then the programs linked to no plan. Cut into pages of PAGE_SIZE programs.
 */
export const programsByPlanPages = memoByKey(
  (
    data: Pick<Relations, 'programsByPlan' | 'programsWithoutPlan'>,
    lang: Lang,
  ): PagedList<PlanListGroup, PlanListRow> & { planStarts: Map<string | undefined, number> } => {
    const groups: { group: PlanListGroup; rows: PlanListRow[] }[] = [];
    for (const { plan, sections } of data.programsByPlan)
      for (const { issue, initiatives } of sections)
        for (const { initiative, programs } of initiatives)
          groups.push({
            group: { plan, issue, initiative },
            rows: orderByLatestBudget(programs, (p: InitiativeProgram) => p.program, lang).map(
              ({ program, relisted }) => ({ program, relisted }),
            ),
          });
    groups.push({
      group: {},
      rows: orderByLatestBudget(data.programsWithoutPlan, (p) => p, lang).map((program) => ({
        program,
        relisted: false,
      })),
    });
    const pages = paginateGroups(groups, PAGE_SIZE, () => 1, ONE_PAGE_LIMIT);
    const planStarts = new Map<string | undefined, number>();
    for (const [group, page] of groupStartPages(pages))
      if (!planStarts.has(group.plan?.id)) planStarts.set(group.plan?.id, page);
    return { pages, lengths: lengthsOf(pages), planStarts };
  },
);

/** The programs by bureau (/programs/by-bureau/): each bureau's programs by latest budget, unknown bureau last. */
export const programsByBureauPages = memoByKey(
  (
    data: Pick<Relations, 'programsByBureau'>,
    lang: Lang,
  ): PagedList<EntryOf<'bureaus'> | undefined, Program> & { starts: Map<EntryOf<'bureaus'> | undefined, number> } => {
    const groups = data.programsByBureau.map(({ bureau, programs }) => ({
      group: bureau,
      rows: orderByLatestBudget(programs, (p) => p, lang),
    }));
    const pages = paginateGroups(groups, PAGE_SIZE, () => 1, ONE_PAGE_LIMIT);
    return { pages, lengths: lengthsOf(pages), starts: groupStartPages(pages) };
  },
);

/**
 * A fiscal year's budget ranking (/programs/by-budget/<year>/) in pages: a ranked program stays on one page with
 * the components its amount includes (each a row), pages of at most PAGE_SIZE rows. Rank numbers run on across pages.
 */
export function budgetRankingPages(ranking: readonly RankedAmount[]): { rank: number; ranked: RankedAmount }[][] {
  const numbered = ranking.map((ranked, i) => ({ rank: i + 1, ranked }));
  return chunkByWeight(numbered, ({ ranked }) => 1 + ranked.parts.length, PAGE_SIZE, ONE_PAGE_LIMIT);
}

/** budgetRankingPages of a year's amounts, once per build: every page of the year's ranking asks for it. */
export const budgetRankingPagesOf = memoByKey((programs: readonly Program[], year: number) =>
  budgetRankingPages(budgetRanking(programAmounts(programs, year))),
);

/** A long part of a fiscal-year page: one plan's totals by initiative, the stated totals, the figures by program. */
export type FiscalYearPart =
  { kind: 'initiatives'; totals: InitiativeTotals } | { kind: 'stated-totals' } | { kind: 'programs' };
export type FiscalYearRow =
  | { kind: 'initiative'; row: InitiativeTotals['rows'][number] }
  | { kind: 'unlinked'; row: InitiativeTotals['unlinked'] }
  | { kind: 'stated-total'; check: StatedTotalCheck }
  | { kind: 'program'; entry: ReturnType<typeof figuresOfYear>[number] };

/**
 * A fiscal-year page whose parts weigh at most this (table rows: a program's figures, a stated total's parts) is
 * one page, as at today's size; a longer one is cut into pages of FISCAL_YEAR_PAGE_WEIGHT.
 */
export const FISCAL_YEAR_ONE_PAGE_WEIGHT = 240;
export const FISCAL_YEAR_PAGE_WEIGHT = 120;

/** Weight of a named-programs cell: a name is about a quarter of a table row; at most PROGRAM_NAMES_LIMIT are named. */
const namesWeight = (programs: readonly unknown[] = []) =>
  Math.ceil(Math.min(programs.length, PROGRAM_NAMES_LIMIT) / 4);

/**
 * How much of a page a fiscal-year row takes, in table rows: a program's figures, a stated total with its parts, a
 * total by initiative with the programs it names (measured on the 5,000-program tree: rows naming 20 programs
 * each had made page 1 of a year 18.6 KB when counted as one row).
 */
export function fiscalYearRowWeight(row: FiscalYearRow): number {
  switch (row.kind) {
    case 'stated-total':
      return 1 + row.check.parts.length + row.check.missing.length;
    case 'program':
      return row.entry.figures.length;
    case 'initiative':
      return 1 + namesWeight(row.row.programs) + namesWeight(row.row.relisted);
    case 'unlinked':
      return 1 + namesWeight(row.row.programs);
  }
}

/**
 * The long parts of a fiscal year's page (/fy/<year>/) in pages: the totals by initiative of each plan, the stated
 * totals and the figures by program, one after another; page 1 also holds the year's totals and totals by fund.
 */
export function fiscalYearPages(
  programs: readonly Program[],
  plans: readonly Plan[],
  year: number,
): { pages: GroupRun<FiscalYearPart, FiscalYearRow>[][]; lengths: number[] } {
  const amounts = programAmounts(programs, year);
  const groups: { group: FiscalYearPart; rows: FiscalYearRow[] }[] = [
    ...totalsByInitiative(amounts, plans, year).map((totals) => ({
      group: { kind: 'initiatives' as const, totals },
      rows: [
        ...totals.rows.map((row) => ({ kind: 'initiative' as const, row })),
        ...(Object.keys(totals.unlinked.sums).length > 0 ? [{ kind: 'unlinked' as const, row: totals.unlinked }] : []),
      ],
    })),
    {
      group: { kind: 'stated-totals' },
      rows: statedTotals(programs, year).map((check) => ({ kind: 'stated-total' as const, check })),
    },
    {
      group: { kind: 'programs' },
      rows: figuresOfYear(programs, amounts, year).map((entry) => ({ kind: 'program' as const, entry })),
    },
  ];
  const pages = paginateGroups(groups, FISCAL_YEAR_PAGE_WEIGHT, fiscalYearRowWeight, FISCAL_YEAR_ONE_PAGE_WEIGHT);
  return { pages, lengths: lengthsOf(pages) };
}

/** fiscalYearPages once per build and year: every page of the year asks for it. */
export const fiscalYearPagesOf = memoByKey(
  (data: { programs: readonly Program[]; plans: readonly Plan[] }, year: number) =>
    fiscalYearPages(data.programs, data.plans, year),
);

/** Change notes per page of /changes/: a note is a sentence, heavier than a program's line. */
export const CHANGES_PAGE_SIZE = 50;

/** Every change note, newest first (lib/changes.ts allChanges), in pages of CHANGES_PAGE_SIZE. */
export function changesPages<T>(changes: readonly T[]): T[][] {
  return chunkByWeight(changes, () => 1, CHANGES_PAGE_SIZE);
}

/** The meetings of each committee by fiscal year (/meetings/), in pages of PAGE_SIZE meetings. */
export const meetingsPages = memoByKey((data: Pick<Relations, 'meetingsByCommittee'>, _lang: Lang) => {
  type Group = { committee: Relations['meetingsByCommittee'][number]['committee']; year: number };
  const groups = data.meetingsByCommittee.flatMap(({ committee, years }) =>
    years.map(({ year, meetings }) => ({ group: { committee, year } as Group, rows: meetings })),
  );
  const pages = paginateGroups(groups, PAGE_SIZE, () => 1, ONE_PAGE_LIMIT);
  return { pages, lengths: lengthsOf(pages) };
});
