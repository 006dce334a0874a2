/**
 * A program's figures as a sheet, the form of the national 行政事業レビュー sheets: one column per
 * fiscal year the program has figures for, rows grouped by kind (proposed budget, budget, plan,
 * result, target), one row per item (label and unit), and the notes of the cells said once each as
 * numbered footnotes. And for a parent program, its components × fiscal years with the stated total
 * and whether the parts add up. Pure; tested in tests/unit/year-sheet.test.ts.
 */
import { FIGURE_KINDS, type Figure, type FigureKind } from '../schemas/figure.ts';
import type { Localized } from '../schemas/common.ts';
import type { Program } from '../schemas/program.ts';
import { budgetSeries, sortByLatestBudget, sortFigures, type BudgetPoint } from './figures.ts';
import { statedTotal } from './stated-totals.ts';

/** What a footnote of the sheet says; each distinct note is listed once. */
export type SheetNote =
  | { kind: 'uncertain' }
  | { kind: 'derived'; text: Localized }
  | { kind: 'period'; from: string; to: string }
  | { kind: 'as-of'; date: string }
  | { kind: 'note'; text: Localized };

export interface SheetEntry {
  figure: Figure;
  /** Numbers of the footnotes (1-based, in `notes`) that apply to this figure. */
  notes: number[];
}

export interface SheetRow {
  kind: FigureKind;
  label: Localized;
  unit: string;
  /** One cell per year of the sheet (same order): the figures of that year, usually one, possibly none. */
  cells: SheetEntry[][];
}

export interface YearSheet {
  /** Fiscal years with any figure, ascending. */
  years: number[];
  /** Rows by kind in the order of FIGURE_KINDS; kinds without figures are left out. */
  groups: { kind: FigureKind; rows: SheetRow[] }[];
  notes: SheetNote[];
}

const noteKey = (n: SheetNote): string => {
  switch (n.kind) {
    case 'uncertain':
      return 'uncertain';
    case 'period':
      return `period ${n.from} ${n.to}`;
    case 'as-of':
      return `as-of ${n.date}`;
    default:
      return `${n.kind} ${n.text.ja}\u0000${n.text.en}`;
  }
};

/** The footnotes a figure needs, in reading order: what kind of caution first, then when, then the note. */
function notesOf(f: Figure): SheetNote[] {
  const out: SheetNote[] = [];
  if (f.confidence === 'uncertain') out.push({ kind: 'uncertain' });
  if (f.derived && f.derivation) out.push({ kind: 'derived', text: f.derivation });
  if (f.period) out.push({ kind: 'period', from: f.period.from, to: f.period.to });
  if (f.as_of) out.push({ kind: 'as-of', date: f.as_of });
  if (f.note) out.push({ kind: 'note', text: f.note });
  return out;
}

/**
 * The sheet of a list of figures. A row is one item: the same kind, label (Japanese) and unit across
 * years; rows keep the order in which the data first lists them. Footnotes are numbered row by row.
 */
export function yearSheet(figures: readonly Figure[]): YearSheet {
  const years = [...new Set(figures.map((f) => f.fiscal_year))].sort((a, b) => a - b);
  const rows = new Map<string, SheetRow>();
  for (const f of figures) {
    const key = `${f.kind}\u0000${f.label.ja}\u0000${f.unit}`;
    if (!rows.has(key))
      rows.set(key, { kind: f.kind, label: f.label, unit: f.unit, cells: years.map(() => [] as SheetEntry[]) });
  }
  const groups = FIGURE_KINDS.map((kind) => ({ kind, rows: [...rows.values()].filter((r) => r.kind === kind) })).filter(
    (g) => g.rows.length > 0,
  );
  const notes: SheetNote[] = [];
  const numbers = new Map<string, number>();
  const number = (n: SheetNote) => {
    const key = noteKey(n);
    if (!numbers.has(key)) numbers.set(key, notes.push(n));
    return numbers.get(key)!;
  };
  // Cells are filled (and footnotes numbered) in the order the table is read: group, row, year.
  for (const group of groups) {
    for (const row of group.rows) {
      const own = sortFigures(
        figures.filter((f) => f.kind === row.kind && f.label.ja === row.label.ja && f.unit === row.unit),
      );
      for (const f of own) row.cells[years.indexOf(f.fiscal_year)]!.push({ figure: f, notes: notesOf(f).map(number) });
    }
  }
  return { years, groups, notes };
}

/** A component in the components sheet: its depth below the parent (1 = direct) and its amount per year. */
export interface ComponentRow {
  program: Program;
  depth: number;
  /** The budget amount of each year of the sheet (adopted, else proposed; lib/figures.ts budgetSeries). */
  cells: (BudgetPoint | undefined)[];
  /** Per year: the source budgets the component apart from its parent (program.separate_budget_in). */
  separate: boolean[];
}

/** What the source states as the parent's total for a year, and whether the named parts add up to it. */
export interface YearTotal {
  /** The parent's stated total (a figure with total_of), if the source prints one for the year. */
  stated?: Figure;
  /** Sum of the parts the stated total names (when stated). */
  sum?: number;
  /** Every part found and the sum equals the stated total. */
  agrees?: boolean;
  /** Parts named by the total that have no figure of the same year, kind and unit. */
  missing: string[];
  /** A part's figure is derived (computed, not printed). */
  derivedParts: boolean;
}

export interface ComponentSheet {
  /** Fiscal years in which the parent or any component has a budget amount, ascending. */
  years: number[];
  /** The parent's own amount per year. */
  parent: (BudgetPoint | undefined)[];
  /** Components depth-first; siblings by their latest budget, largest first (lib/figures.ts sortByLatestBudget). */
  rows: ComponentRow[];
  totals: YearTotal[];
}

/**
 * The components of a parent program × fiscal years. `childrenOf` gives a program's direct components;
 * `programOf` finds a program by id (for the parts a stated total names).
 */
export function componentSheet(
  parent: Program,
  childrenOf: (p: Program) => readonly Program[],
  programOf: (id: string) => Program | undefined,
): ComponentSheet {
  const rows: { program: Program; depth: number }[] = [];
  const seen = new Set<string>([parent.id]);
  const walk = (p: Program, depth: number) => {
    for (const { program: c } of sortByLatestBudget(childrenOf(p), 'ja')) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      rows.push({ program: c, depth });
      walk(c, depth + 1);
    }
  };
  walk(parent, 1);
  const series = new Map([parent, ...rows.map((r) => r.program)].map((p) => [p.id, budgetSeries(p.figures)]));
  const years = [...new Set([...series.values()].flatMap((s) => s.map((b) => b.fiscal_year)))].sort((a, b) => a - b);
  const amount = (p: Program, year: number) => series.get(p.id)!.find((b) => b.fiscal_year === year);
  const totals = years.map((year): YearTotal => {
    const stated = parent.figures.find(
      (f) => f.fiscal_year === year && f.total_of && (f.kind === 'budget' || f.kind === 'budget-proposed'),
    );
    if (!stated) return { missing: [], derivedParts: false };
    const check = statedTotal(stated, parent.figures, parent, programOf);
    return {
      stated,
      sum: check.sum,
      agrees: check.agrees,
      missing: check.problems.map((p) => p.id),
      derivedParts: check.parts.some((p) => p.figure.derived),
    };
  });
  return {
    years,
    parent: years.map((y) => amount(parent, y)),
    rows: rows.map((r) => ({
      ...r,
      cells: years.map((y) => amount(r.program, y)),
      separate: years.map((y) => r.program.separate_budget_in.includes(y)),
    })),
    totals,
  };
}
