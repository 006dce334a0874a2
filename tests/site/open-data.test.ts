/** The open-data downloads hold every figure and every program of the curated data. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { assertBuilt, DIST, read } from '../helpers/dist.ts';
import { checkData } from '../../src/data/index.ts';
import type { Program } from '../../src/schemas/program.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import type { Indicator } from '../../src/schemas/indicator.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { parse } from 'csv-parse/sync';
import { FIGURE_COLUMNS, figureRows } from '../../src/lib/open-data.ts';
import { neutralizeFormula } from '../../src/lib/csv.ts';

beforeAll(assertBuilt);

describe('open data', () => {
  const data = checkData(ROOT);
  const programs = data.entries.filter((e) => e.collection === 'programs').map((e) => e.data as Program);
  const plans = data.entries.filter((e) => e.collection === 'plans').map((e) => e.data as Plan);
  const indicators = data.entries.filter((e) => e.collection === 'indicators').map((e) => e.data as Indicator);

  it('figures.csv has a BOM, CRLF line ends and one row per figure', () => {
    const csv = read(join(DIST, 'data/figures.csv'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const figures =
      programs.reduce((n, p) => n + p.figures.length, 0) +
      indicators.reduce((n, i) => n + i.series.length, 0) +
      plans.reduce((n, p) => n + p.initiatives.reduce((m, i) => m + i.figures.length, 0), 0);
    // Rows end in CRLF; a bare LF can only occur inside a quoted field.
    expect(csv.split('\r\n').filter(Boolean).length).toBe(figures + 1);
  });
  it('figures.csv reads back through a CSV parser cell for cell, numbers as numbers and no cell starting a formula', () => {
    const records = parse(read(join(DIST, 'data/figures.csv')), { bom: true }) as string[][];
    expect(records[0]).toEqual(FIGURE_COLUMNS);
    const sorted = [...programs].sort((a, b) => a.id.localeCompare(b.id));
    const expected = figureRows(
      sorted,
      [...plans].sort((a, b) => a.id.localeCompare(b.id)),
      [...indicators].sort((a, b) => a.id.localeCompare(b.id)),
    );
    const asWritten = (cell: unknown) =>
      cell === undefined || cell === null ? '' : typeof cell === 'string' ? neutralizeFormula(cell) : String(cell);
    const byKey = (rows: string[][]) => rows.map((r) => r.join('\u0001')).sort();
    expect(byKey(records.slice(1))).toEqual(byKey(expected.map((row) => row.map(asWritten))));
    const value = FIGURE_COLUMNS.indexOf('value');
    for (const row of records.slice(1)) {
      expect(Number.isFinite(Number(row[value])), row.join(',')).toBe(true);
      row.forEach((cell, i) => {
        if (i !== value) expect(cell, FIGURE_COLUMNS[i]).not.toMatch(/^[=+\-@\t\r]/);
      });
    }
  });
  it('programs.json lists every program', () => {
    const json = JSON.parse(read(join(DIST, 'data/programs.json'))) as { programs: { id: string }[] };
    expect(json.programs.map((p) => p.id).sort()).toEqual(programs.map((p) => p.id).sort());
  });
});
