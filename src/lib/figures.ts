/** Pure helpers over figures: ordering, the series charts show, the latest budget. */
import { FIGURE_KINDS, type Figure, type FigureKind } from '../schemas/figure.ts';
import { isMoneyUnit, UNITS, type UnitInfo } from './units.ts';
import type { Lang } from './i18n.ts';

/** Fiscal year ascending, then kind in the order of FIGURE_KINDS (proposed budget … target), then the source order. */
export function sortFigures<T extends Pick<Figure, 'fiscal_year' | 'kind'>>(figures: readonly T[]): T[] {
  return figures
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        a.f.fiscal_year - b.f.fiscal_year ||
        FIGURE_KINDS.indexOf(a.f.kind) - FIGURE_KINDS.indexOf(b.f.kind) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

/** One bar of a chart (components/Chart.astro). */
export interface ChartPoint {
  fiscal_year: number;
  kind: FigureKind;
  value: number;
  unit: string;
  uncertain: boolean;
  derived: boolean;
}

export interface BudgetPoint extends ChartPoint {
  kind: 'budget' | 'budget-proposed';
}

/**
 * One budget amount per fiscal year for the chart: the adopted budget where printed, else the
 * proposed one. Only money figures in the program's most used money unit, so bars are comparable.
 * Years with several budget lines (e.g. parts of a budget) are left out rather than summed silently.
 */
export function budgetSeries(figures: readonly Figure[]): readonly BudgetPoint[] {
  // Every fiscal-year, budget and program page asks for the series of the same programs: work it out
  // once per figures array (data is never changed after loading).
  let series = budgetSeriesOf.get(figures);
  if (!series) budgetSeriesOf.set(figures, (series = Object.freeze(computeBudgetSeries(figures))));
  return series;
}

const budgetSeriesOf = new WeakMap<readonly Figure[], readonly BudgetPoint[]>();

function computeBudgetSeries(figures: readonly Figure[]): BudgetPoint[] {
  const money = figures.filter((f) => (f.kind === 'budget' || f.kind === 'budget-proposed') && isMoneyUnit(f.unit));
  if (!money.length) return [];
  const unitCounts = new Map<string, number>();
  for (const f of money) unitCounts.set(f.unit, (unitCounts.get(f.unit) ?? 0) + 1);
  const unit = [...unitCounts].sort((a, b) => b[1] - a[1])[0]![0];
  const points: BudgetPoint[] = [];
  const years = [...new Set(money.map((f) => f.fiscal_year))].sort((a, b) => a - b);
  for (const year of years) {
    for (const kind of ['budget', 'budget-proposed'] as const) {
      const matches = money.filter((f) => f.fiscal_year === year && f.kind === kind && f.unit === unit);
      if (matches.length === 1) {
        const f = matches[0]!;
        points.push({
          fiscal_year: year,
          value: f.value,
          unit,
          kind,
          uncertain: f.confidence === 'uncertain',
          derived: f.derived,
        });
        break;
      }
      if (matches.length > 1) break;
    }
  }
  return points;
}

/** The most recent budget amount (adopted or proposed) for index pages. */
export function latestBudget(figures: readonly Figure[]): BudgetPoint | undefined {
  const series = budgetSeries(figures);
  return series[series.length - 1];
}

/** One chart per unit of an indicator's series, when it has two or more values in that unit. */
export function seriesCharts(series: readonly Figure[]): { unit: string; points: ChartPoint[] }[] {
  const units = [...new Set(series.map((f) => f.unit))];
  return units
    .map((unit) => ({
      unit,
      points: sortFigures(series.filter((f) => f.unit === unit)).map((f) => ({
        fiscal_year: f.fiscal_year,
        kind: f.kind,
        value: f.value,
        unit,
        uncertain: f.confidence === 'uncertain',
        derived: f.derived,
      })),
    }))
    .filter((c) => c.points.length > 1);
}

/**
 * Programs with their latest budget, largest first (in yen, so units compare); programs without a
 * budget last, by name in the page's language.
 */
export function sortByLatestBudget<P extends { figures: Figure[]; name: Record<Lang, string> }>(
  programs: readonly P[],
  lang: Lang,
): { program: P; budget?: BudgetPoint }[] {
  const yen = (b: BudgetPoint | undefined) =>
    b ? b.value * ((UNITS as Record<string, UnitInfo>)[b.unit]?.yen ?? 1) : -1;
  return programs
    .map((program) => ({ program, budget: latestBudget(program.figures) }))
    .sort((a, b) => yen(b.budget) - yen(a.budget) || a.program.name[lang].localeCompare(b.program.name[lang], 'ja'));
}

/** Items that stand for programs (a list entry with its 【再掲】 flag …) in the order of sortByLatestBudget. */
export function orderByLatestBudget<T, P extends { figures: Figure[]; name: Record<Lang, string> }>(
  items: readonly T[],
  programOf: (item: T) => P,
  lang: Lang,
): T[] {
  const rank = new Map(sortByLatestBudget(items.map(programOf), lang).map((r, i) => [r.program, i]));
  return [...items].sort((a, b) => rank.get(programOf(a))! - rank.get(programOf(b))!);
}

/** Number of figures in all the programs. */
export function countFigures(programs: readonly { figures: readonly unknown[] }[]): number {
  return programs.reduce((n, p) => n + p.figures.length, 0);
}

/** The first and the latest result of an indicator (the same figure when it has one). */
export interface IndicatorTrend {
  first: Figure;
  latest: Figure;
}

/**
 * An indicator's first and latest `result` values, by fiscal year, then the month or date they describe
 * (as_of), then the order of the series; targets are not results. Undefined without results.
 */
export function indicatorTrend(series: readonly Figure[]): IndicatorTrend | undefined {
  const results = series
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.kind === 'result')
    .sort((a, b) => a.f.fiscal_year - b.f.fiscal_year || (a.f.as_of ?? '').localeCompare(b.f.as_of ?? '') || a.i - b.i)
    .map(({ f }) => f);
  const first = results[0];
  return first && { first, latest: results.at(-1)! };
}
