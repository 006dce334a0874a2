/** The indicator × initiative matrix of a plan (〇 where an indicator evaluates an initiative). Pure. */
import type { Plan } from '../schemas/plan.ts';
import type { IndicatorListing } from './relations.ts';

/**
 * 'mark': 〇; 'uncertain-mark': 〇 placed by reasoning, not by the document's layout; 'blank': no mark;
 * 'unknown': the row's 〇 lost their columns in extraction and none is placed here.
 */
export type MatrixCell = 'mark' | 'uncertain-mark' | 'blank' | 'unknown';

export interface MatrixRow extends IndicatorListing {
  cells: MatrixCell[];
}

export interface MatrixColumn {
  initiative: Plan['initiatives'][number];
  /** The initiative's number, prefixed with its issue's when numbers restart under each 課題/領域 (2-1). */
  number?: string;
}

/**
 * Whether the plan prints its indicators as a numbered table against its 取組 (the outline's 想定する指標),
 * rather than one indicator inside an item's row (the 第7期 plan): only then is the matrix shown.
 */
export function hasIndicatorTable(listings: readonly IndicatorListing[]): boolean {
  return listings.some((l) => l.listing.number !== undefined);
}

/** Columns: the plan's initiatives; rows: the plan's indicator listings (lib/relations.ts, in number order). */
export function indicatorMatrix(
  plan: Pick<Plan, 'issues' | 'initiatives'>,
  listings: readonly IndicatorListing[],
): { columns: MatrixColumn[]; rows: MatrixRow[] } {
  const initiatives = plan.initiatives;
  const numbersRepeat = new Set(initiatives.map((i) => i.number)).size < initiatives.length;
  const columns = initiatives.map((initiative) => {
    if (initiative.number === undefined) return { initiative };
    const issueNo = numbersRepeat ? plan.issues.find((x) => x.id === initiative.issue)?.number : undefined;
    return { initiative, number: `${issueNo !== undefined ? `${issueNo}-` : ''}${initiative.number}` };
  });
  const rows = listings.map((l) => ({
    ...l,
    cells: initiatives.map((i): MatrixCell => {
      const placed = l.placements.find((p) => p.initiative.id === i.id);
      if (placed) return placed.placement.confidence === 'uncertain' ? 'uncertain-mark' : 'mark';
      return l.listing.lost_marks ? 'unknown' : 'blank';
    }),
  }));
  return { columns, rows };
}
