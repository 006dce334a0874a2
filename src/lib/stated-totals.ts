/**
 * The stated-totals rule, in one place for the data check (src/data/integrity.ts) and the
 * fiscal-year pages (lib/fiscal-totals.ts): a figure with `total_of` is the sum of its parts — for
 * each part program, its one figure of the same fiscal year, kind and unit; for each part figure id,
 * that figure of the same list, which must match in fiscal year, kind and unit.
 */
import type { Figure } from '../schemas/figure.ts';

/** What the rule reads of a figure (the data check gives it only these fields). */
export type TotalFigure = Pick<Figure, 'id' | 'fiscal_year' | 'kind' | 'unit' | 'value' | 'total_of'>;

interface Owner<F extends TotalFigure = Figure> {
  id: string;
  figures: readonly F[];
}

export interface StatedTotalPart<P extends Owner<F>, F extends TotalFigure = Figure> {
  /** Program id or figure id as `total_of` names it. */
  id: string;
  /** The program the part's figure belongs to; undefined for a figure of a list that is not a program's. */
  program?: P;
  figure: F;
}

/** Why a named part could not be counted. */
export type PartProblem =
  | { id: string; of: 'program'; problem: 'unknown' | 'invalid' }
  | { id: string; of: 'program'; problem: 'figure-count'; count: number }
  | { id: string; of: 'figure'; problem: 'unknown' | 'mismatch' };

export interface StatedTotal<P extends Owner<F>, F extends TotalFigure = Figure> {
  parts: StatedTotalPart<P, F>[];
  problems: PartProblem[];
  /** Sum of the parts that could be counted. */
  sum: number;
  /** Every part was counted and they add up to the stated value. */
  agrees: boolean;
}

/**
 * Checks one stated total. `figures` is the list the total stands in (and `owner` its program, if
 * any); `programOf` finds part programs; `isInvalid` tells a program that exists but failed its
 * schema from one that does not exist.
 */
export function statedTotal<P extends Owner<F>, F extends TotalFigure = Figure>(
  total: F,
  figures: readonly F[],
  owner: P | undefined,
  programOf: (id: string) => P | undefined,
  isInvalid: (id: string) => boolean = () => false,
): StatedTotal<P, F> {
  const same = (f: F) => f.fiscal_year === total.fiscal_year && f.kind === total.kind && f.unit === total.unit;
  const parts: StatedTotalPart<P, F>[] = [];
  const problems: PartProblem[] = [];
  for (const id of total.total_of?.programs ?? []) {
    const program = programOf(id);
    const matches = program?.figures.filter(same) ?? [];
    if (!program) problems.push({ id, of: 'program', problem: isInvalid(id) ? 'invalid' : 'unknown' });
    else if (matches.length !== 1) problems.push({ id, of: 'program', problem: 'figure-count', count: matches.length });
    else parts.push({ id, program, figure: matches[0]! });
  }
  for (const id of total.total_of?.figures ?? []) {
    const figure = figures.find((f) => f.id === id);
    if (!figure) problems.push({ id, of: 'figure', problem: 'unknown' });
    else if (!same(figure)) problems.push({ id, of: 'figure', problem: 'mismatch' });
    else parts.push({ id, program: owner, figure });
  }
  const sum = Math.round(parts.reduce((n, p) => n + p.figure.value, 0) * 1e6) / 1e6;
  return { parts, problems, sum, agrees: problems.length === 0 && Math.abs(sum - total.value) < 1e-9 };
}
