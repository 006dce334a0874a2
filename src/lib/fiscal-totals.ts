/**
 * A fiscal year's money: each program's budget amount, totals by funding source and by plan
 * initiative, and stated totals checked against the sum of their parts. Pure, so it is unit-tested.
 *
 * Counting rules (stated on the fiscal-year page):
 * - A program's amount is its adopted budget for the year, else its proposed budget (budgetSeries).
 * - Amounts are converted to thousand yen.
 * - A sub-program whose parent (or any ancestor) has an amount that year, or that is a part of
 *   another program's stated total that year, is included in that amount and not counted again —
 *   unless the source budgets it separately that year (separate_budget_in).
 * - Programs listed again in an initiative (【再掲】) are not counted twice.
 */
import type { Figure } from '../schemas/figure.ts';
import type { Program } from '../schemas/program.ts';
import type { Plan } from '../schemas/plan.ts';
import type { Fund } from '../schemas/fund.ts';
import { budgetSeries, sortFigures } from './figures.ts';
import { statedTotal } from './stated-totals.ts';
import { UNITS, type UnitInfo } from './units.ts';
import { memoByKey, memoOf } from './memo.ts';

/** Budget kinds in the order the totals show them: adopted, then proposed. */
export const BUDGET_KINDS = ['budget', 'budget-proposed'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

export interface ProgramAmount {
  program: Program;
  /** Amount in thousand yen. */
  value: number;
  kind: BudgetKind;
  uncertain: boolean;
  derived: boolean;
  /** The program whose amount already includes this one; absent when counted. */
  includedIn?: Program;
}

/** Sums per budget kind (adopted / proposed), in thousand yen. */
export type KindSums = Partial<Record<BudgetKind, number>>;
/** How many programs each sum of KindSums adds up. */
export type KindCounts = Partial<Record<BudgetKind, number>>;

export interface TotalRow<K> {
  key: K;
  sums: KindSums;
  /** Programs added up in each sum. */
  counts: KindCounts;
  /** Counted programs. */
  programs: Program[];
}

function toThousandYen(value: number, unit: string): number {
  const yen = (UNITS as Record<string, UnitInfo>)[unit]?.yen ?? 1000;
  return Math.round(((value * yen) / 1000) * 1000) / 1000;
}

/** Fiscal years with any program figure, ascending (once per programs array: every fiscal-year page asks). */
export const programYears = memoOf((programs: readonly Program[]): readonly number[] =>
  [...new Set(programs.flatMap((p) => p.figures.map((f) => f.fiscal_year)))].sort((a, b) => a - b),
);

/** Programs that print any figure for the year. */
export function programsWithFigures(programs: readonly Program[], year: number): Program[] {
  return programs.filter((p) => p.figures.some((f) => f.fiscal_year === year));
}

/**
 * The figures of the year by program (programs that print any), sorted, each with the program whose
 * amount already includes the program's budget (see programAmounts).
 */
export function figuresOfYear(programs: readonly Program[], amounts: readonly ProgramAmount[], year: number) {
  const includedIn = new Map(amounts.map((a) => [a.program.id, a.includedIn]));
  return programsWithFigures(programs, year).map((program) => ({
    program,
    figures: sortFigures(program.figures.filter((f) => f.fiscal_year === year)),
    includedIn: includedIn.get(program.id),
  }));
}

/**
 * Each program's budget amount for the year, with double counting resolved (see the module comment). Once per
 * programs array and year: each page of a year's fiscal-year and budget-ranking lists asks for it.
 */
export const programAmounts = memoByKey(computeProgramAmounts);

function computeProgramAmounts(programs: readonly Program[], year: number): readonly ProgramAmount[] {
  const byId = new Map(programs.map((p) => [p.id, p]));
  const raw = new Map<string, ProgramAmount>();
  for (const program of programs) {
    const point = budgetSeries(program.figures).find((p) => p.fiscal_year === year);
    if (!point) continue;
    raw.set(program.id, {
      program,
      value: toThousandYen(point.value, point.unit),
      kind: point.kind,
      uncertain: point.uncertain,
      derived: point.derived,
    });
  }
  // Parts of stated totals of the year.
  const partOf = new Map<string, string>();
  for (const program of programs) {
    for (const f of program.figures) {
      if (f.fiscal_year !== year || !f.total_of?.programs || !raw.has(program.id)) continue;
      for (const pid of f.total_of.programs) if (!partOf.has(pid)) partOf.set(pid, program.id);
    }
  }
  // The parent a program's amount goes into this year: none when the source budgets it separately.
  const parentOf = (p: Program) => (p.parent && !p.separate_budget_in.includes(year) ? byId.get(p.parent) : undefined);
  const includedIn = (program: Program): Program | undefined => {
    const seen = new Set<string>([program.id]);
    let parent = parentOf(program);
    while (parent && !seen.has(parent.id)) {
      if (raw.has(parent.id)) return parent;
      seen.add(parent.id);
      parent = parentOf(parent);
    }
    const container = partOf.get(program.id);
    return container === undefined ? undefined : byId.get(container);
  };
  return [...raw.values()].map((a) => {
    const by = includedIn(a.program);
    return by ? { ...a, includedIn: by } : a;
  });
}

function addTo(row: { sums: KindSums; counts: KindCounts }, a: ProgramAmount) {
  row.sums[a.kind] = Math.round(((row.sums[a.kind] ?? 0) + a.value) * 1000) / 1000;
  row.counts[a.kind] = (row.counts[a.kind] ?? 0) + 1;
}

/** Sum of the counted amounts by kind. */
export function grandTotal(amounts: readonly ProgramAmount[]): KindSums {
  return yearTotal(amounts).sums;
}

/**
 * What a fiscal year's total covers, by kind: the sum, how many programs it adds up, and how many
 * components it includes through their parent's (or a stated total's) amount without adding them.
 */
export interface YearTotal {
  sums: KindSums;
  counts: KindCounts;
  /** Components with an amount of their own that the sums include through a container's amount. */
  included: KindCounts;
}

export function yearTotal(amounts: readonly ProgramAmount[]): YearTotal {
  const total: YearTotal = { sums: {}, counts: {}, included: {} };
  for (const a of amounts) {
    if (!a.includedIn) addTo(total, a);
    else total.included[a.kind] = (total.included[a.kind] ?? 0) + 1;
  }
  return total;
}

/**
 * Every fiscal year with program figures, newest first: its total and how many programs have figures. Once per
 * programs array: every page of every budget ranking shows the list of years.
 */
export const yearSummaries = memoOf(
  (programs: readonly Program[]): readonly { year: number; total: YearTotal; programs: number }[] =>
    [...programYears(programs)].reverse().map((year) => ({
      year,
      total: yearTotal(programAmounts(programs, year)),
      programs: programsWithFigures(programs, year).length,
    })),
);

/** A program's amount in a budget ranking, with the components its amount includes (depth-first). */
export interface RankedAmount {
  amount: ProgramAmount;
  /** Components included in this amount (not added again), each with its depth below the ranked program. */
  parts: { amount: ProgramAmount; depth: number }[];
}

/**
 * The programs of a fiscal year ranked by their counted amount (thousand yen, largest first; ties by
 * id for a stable order), each with the components its amount already includes listed under it.
 */
export function budgetRanking(amounts: readonly ProgramAmount[]): RankedAmount[] {
  const inside = new Map<string, ProgramAmount[]>();
  for (const a of amounts) {
    if (!a.includedIn) continue;
    const list = inside.get(a.includedIn.id);
    if (list) list.push(a);
    else inside.set(a.includedIn.id, [a]);
  }
  const byValue = (x: ProgramAmount, y: ProgramAmount) => y.value - x.value || x.program.id.localeCompare(y.program.id);
  const partsOf = (a: ProgramAmount, depth: number, seen: Set<string>): RankedAmount['parts'] =>
    [...(inside.get(a.program.id) ?? [])]
      .filter((p) => !seen.has(p.program.id))
      .sort(byValue)
      .flatMap((p) => {
        seen.add(p.program.id);
        return [{ amount: p, depth }, ...partsOf(p, depth + 1, seen)];
      });
  return amounts
    .filter((a) => !a.includedIn)
    .sort(byValue)
    .map((amount) => ({ amount, parts: partsOf(amount, 1, new Set([amount.program.id])) }));
}

/**
 * Totals by funding source: a counted program is added to every fund it names for the year (or
 * without a year). `key` null collects programs with no funding source stated. A program with
 * several funds is counted under each, so these rows can add up to more than the grand total.
 */
export function totalsByFund(
  amounts: readonly ProgramAmount[],
  year: number,
  fundById: ReadonlyMap<string, Fund> = new Map(),
): (TotalRow<string | null> & { fund?: Fund })[] {
  const rows = new Map<string | null, TotalRow<string | null> & { fund?: Fund }>();
  for (const a of amounts) {
    if (a.includedIn) continue;
    const funds = [
      ...new Set(
        a.program.funding
          .filter((f) => f.fiscal_years.length === 0 || f.fiscal_years.includes(year))
          .map((f) => f.fund),
      ),
    ];
    for (const key of funds.length ? funds : [null]) {
      const fund = key === null ? undefined : fundById.get(key);
      const row = rows.get(key) ?? { key, fund, sums: {}, counts: {}, programs: [] };
      addTo(row, a);
      row.programs.push(a.program);
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
}

/** Whether a plan covers the year (open ends count as covering). */
export function planCoversYear(plan: Pick<Plan, 'period'>, year: number): boolean {
  return (
    (plan.period.from === undefined || plan.period.from <= year) &&
    (plan.period.to === undefined || year <= plan.period.to)
  );
}

export interface InitiativeTotals {
  plan: Plan;
  rows: (TotalRow<string> & { initiative: Plan['initiatives'][number]; relisted: Program[] })[];
  /**
   * What the rows do not allocate: the grand total minus the rows' sums, with the top-level programs
   * not counted in any row (their components may be).
   */
  unlinked: TotalRow<null>;
}

/**
 * Totals by initiative for each plan covering the year that any program with an amount links to.
 * A program is counted in the initiative it is linked to (not 【再掲】), unless a program whose amount
 * includes it (parent, or a stated total) is already counted in this plan; so a parent that is not
 * in the plan leaves its components to be counted where they are linked. Each plan's rows plus
 * `unlinked` add up to the grand total.
 */
export function totalsByInitiative(
  amounts: readonly ProgramAmount[],
  plans: readonly Plan[],
  year: number,
): InitiativeTotals[] {
  const byId = new Map(amounts.map((a) => [a.program.id, a]));
  const containersOf = new Map<ProgramAmount, string[]>();
  for (const a of amounts) {
    const out: string[] = [];
    for (let c = a.includedIn?.id; c && !out.includes(c); c = byId.get(c)?.includedIn?.id) out.push(c);
    containersOf.set(a, out);
  }
  const containers = (a: ProgramAmount) => containersOf.get(a)!;
  const ordered = [...amounts].sort((a, b) => containers(a).length - containers(b).length);
  // Each plan looks only at the amounts of programs linked to it (in `ordered` order): going through
  // every amount for every plan made the fiscal-year pages quadratic, as plans grow with the programs.
  const linkedTo = new Map<string, ProgramAmount[]>();
  for (const a of ordered)
    for (const plan of new Set(a.program.plan_links.map((l) => l.plan))) {
      const list = linkedTo.get(plan);
      if (list) list.push(a);
      else linkedTo.set(plan, [a]);
    }
  const total = grandTotal(amounts);
  const out: InitiativeTotals[] = [];
  for (const plan of plans) {
    if (!planCoversYear(plan, year)) continue;
    const linked = linkedTo.get(plan.id);
    if (!linked) continue;
    const rows = plan.initiatives.map((initiative) => ({
      key: initiative.id,
      initiative,
      sums: {} as KindSums,
      counts: {} as KindCounts,
      programs: [] as Program[],
      relisted: [] as Program[],
    }));
    const rowOf = new Map(rows.map((r) => [r.key, r]));
    const listed = new Map(rows.map((r) => [r.key, new Set<Program>()]));
    const counted = new Set<string>();
    for (const a of linked) {
      const links = a.program.plan_links.filter((l) => l.plan === plan.id);
      const primary = [...new Set(links.filter((l) => !l.relisted).map((l) => l.initiative))];
      const listAgain = (initiative: string) => {
        const r = rowOf.get(initiative);
        if (r && !listed.get(initiative)!.has(a.program)) {
          r.relisted.push(a.program);
          listed.get(initiative)!.add(a.program);
        }
      };
      if (!primary.length || containers(a).some((c) => counted.has(c))) {
        for (const l of links) listAgain(l.initiative);
        continue;
      }
      counted.add(a.program.id);
      // A program in two initiatives (neither relisted) is counted in the first only.
      const row = rowOf.get(primary[0]!);
      if (row) {
        addTo(row, a);
        row.programs.push(a.program);
        listed.get(row.key)!.add(a.program);
      }
      for (const l of links) if (l.initiative !== primary[0]) listAgain(l.initiative);
    }
    const outside = amounts.filter((a) => !a.includedIn && !counted.has(a.program.id));
    const unlinked: TotalRow<null> = {
      key: null,
      sums: {},
      counts: {},
      programs: outside.map((a) => a.program),
    };
    for (const a of outside) unlinked.counts[a.kind] = (unlinked.counts[a.kind] ?? 0) + 1;
    for (const kind of Object.keys(total) as BudgetKind[]) {
      const rest = Math.round(((total[kind] ?? 0) - rows.reduce((n, r) => n + (r.sums[kind] ?? 0), 0)) * 1000) / 1000;
      if (rest !== 0) unlinked.sums[kind] = rest;
    }
    if (!rows.some((r) => r.programs.length)) continue;
    out.push({ plan, rows: rows.filter((r) => r.programs.length || r.relisted.length), unlinked });
  }
  return out;
}

export interface StatedTotalPart {
  /** Program the part's figure belongs to. */
  program: Program;
  figure: Figure;
}

export interface StatedTotalCheck {
  program: Program;
  figure: Figure;
  parts: StatedTotalPart[];
  /** Parts named but not found (no figure of the same year, kind and unit). */
  missing: string[];
  sum: number;
  agrees: boolean;
}

/** Every stated total of the year (figures with total_of), with the sum of its parts (lib/stated-totals.ts). */
export function statedTotals(programs: readonly Program[], year: number): StatedTotalCheck[] {
  const byId = new Map(programs.map((p) => [p.id, p]));
  return programs.flatMap((program) =>
    program.figures
      .filter((figure) => figure.fiscal_year === year && figure.total_of)
      .map((figure) => {
        const result = statedTotal(figure, program.figures, program, (id) => byId.get(id));
        const parts = result.parts.map((p) => ({ program: p.program ?? program, figure: p.figure }));
        return {
          program,
          figure,
          parts,
          missing: result.problems.map((p) => p.id),
          sum: result.sum,
          agrees: result.agrees,
        };
      }),
  );
}
