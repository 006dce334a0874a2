/** The indicator × initiative matrix (〇 where an indicator evaluates an initiative). Pure. */
import type { Plan } from '../schemas/plan.ts';

/** 'mark': 〇; 'blank': no mark; 'unknown': the column was lost in extraction (matrix_confidence uncertain). */
export type MatrixCell = 'mark' | 'blank' | 'unknown';

export interface MatrixRow {
  indicator: Plan['indicators'][number];
  cells: MatrixCell[];
}

export function indicatorMatrix(plan: Plan): { initiatives: Plan['initiatives']; rows: MatrixRow[] } {
  const initiatives = plan.initiatives;
  const rows = plan.indicators.map((indicator) => ({
    indicator,
    cells: initiatives.map((i): MatrixCell =>
      indicator.initiatives.includes(i.id) ? 'mark' : indicator.matrix_confidence === 'uncertain' ? 'unknown' : 'blank',
    ),
  }));
  return { initiatives, rows };
}
