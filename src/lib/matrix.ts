/** The indicator × initiative matrix (〇 where an indicator evaluates an initiative). Pure. */
import type { Plan } from '../schemas/plan.ts';

/** 'mark': 〇; 'blank': no mark; 'unknown': the column was lost in extraction (matrix_confidence uncertain). */
export type MatrixCell = 'mark' | 'blank' | 'unknown';

export interface MatrixRow {
  indicator: Plan['indicators'][number];
  cells: MatrixCell[];
  /** The initiatives the indicator evaluates, in the indicator's order. */
  initiatives: Plan['initiatives'];
}

export interface MatrixColumn {
  initiative: Plan['initiatives'][number];
  /** The initiative's number, prefixed with its issue's when numbers restart under each 課題/領域 (2-1). */
  number?: string;
}

export function indicatorMatrix(plan: Plan): { columns: MatrixColumn[]; rows: MatrixRow[] } {
  const initiatives = plan.initiatives;
  const numbersRepeat = new Set(initiatives.map((i) => i.number)).size < initiatives.length;
  const columns = initiatives.map((initiative) => {
    if (initiative.number === undefined) return { initiative };
    const issueNo = numbersRepeat ? plan.issues.find((x) => x.id === initiative.issue)?.number : undefined;
    return { initiative, number: `${issueNo !== undefined ? `${issueNo}-` : ''}${initiative.number}` };
  });
  const rows = plan.indicators.map((indicator) => ({
    indicator,
    cells: initiatives.map((i): MatrixCell =>
      indicator.initiatives.includes(i.id) ? 'mark' : indicator.matrix_confidence === 'uncertain' ? 'unknown' : 'blank',
    ),
    initiatives: indicator.initiatives.flatMap((id) => initiatives.find((i) => i.id === id) ?? []),
  }));
  return { columns, rows };
}
