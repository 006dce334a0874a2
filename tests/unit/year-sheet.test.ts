import { describe, expect, it } from 'vitest';
import { componentSheet, yearSheet } from '../../src/lib/year-sheet.ts';
import type { Figure } from '../../src/schemas/figure.ts';
import type { Program } from '../../src/schemas/program.ts';

const src = { document: 'doc', heading: 'H' };
const fig = (fiscal_year: number, kind: Figure['kind'], label: string, value: number, unit = '千円', extra = {}) =>
  ({
    fiscal_year,
    kind,
    label: { ja: label, en: label },
    value,
    unit,
    source: src,
    confidence: 'certain',
    derived: false,
    ...extra,
  }) as Figure;
const program = (id: string, figures: Figure[], extra: Partial<Program> = {}) =>
  ({ id, name: { ja: id, en: id }, figures, separate_budget_in: [], ...extra }) as Program;

describe('yearSheet', () => {
  it('puts each fiscal year in a column and each item (kind, label, unit) in a row, grouped by kind', () => {
    const sheet = yearSheet([
      fig(2025, 'budget-proposed', '予算額（案）', 4347),
      fig(2025, 'plan', '研修', 2, '回'),
      fig(2024, 'budget', '予算額', 4138),
      fig(2024, 'plan', '研修', 3, '回'),
      fig(2019, 'result', '研修', 1, '回'),
    ]);
    expect(sheet.years).toEqual([2019, 2024, 2025]);
    expect(sheet.groups.map((g) => g.kind)).toEqual(['budget-proposed', 'budget', 'plan', 'result']);
    const plan = sheet.groups.find((g) => g.kind === 'plan')!.rows;
    expect(plan).toHaveLength(1);
    expect(plan[0]!.cells.map((c) => c.map((e) => e.figure.value))).toEqual([[], [3], [2]]);
  });

  it('keeps items with the same label but another unit in rows of their own', () => {
    const sheet = yearSheet([fig(2024, 'result', '受入', 44, '人'), fig(2024, 'result', '受入', 155.5, '日')]);
    expect(sheet.groups[0]!.rows.map((r) => r.unit)).toEqual(['人', '日']);
  });

  it('numbers each distinct note once, in reading order, and points every cell to its notes', () => {
    const period = { from: '2024-04', to: '2024-12' };
    const note = { ja: 'その他', en: 'Others' };
    const sheet = yearSheet([
      fig(2024, 'result', 'A', 1, '人', { period }),
      fig(2024, 'result', 'B', 2, '人', { period, note }),
      fig(2024, 'result', 'C', 3, '人', { period, note }),
      fig(2024, 'result', 'D', 4, '人', { confidence: 'uncertain', note: { ja: '列', en: 'col' } }),
      fig(2024, 'budget', '予算額', 520, '千円', { derived: true, derivation: { ja: '差', en: 'diff' } }),
    ]);
    expect(sheet.notes.map((n) => n.kind)).toEqual(['derived', 'period', 'note', 'uncertain', 'note']);
    const refs = sheet.groups.flatMap((g) => g.rows.map((r) => r.cells[0]![0]!.notes));
    expect(refs).toEqual([[1], [2], [2, 3], [2, 3], [4, 5]]);
  });
});

describe('componentSheet', () => {
  const parts = ['a', 'b', 'c'];
  const a = program('a', [fig(2024, 'budget', '予算額', 100), fig(2025, 'budget-proposed', '予算額（案）', 110)], {
    parent: 'mid',
  });
  const b = program(
    'b',
    [fig(2024, 'budget', '予算額', 50, '千円', { derived: true, derivation: { ja: 'x', en: 'x' } })],
    {
      parent: 'mid',
    },
  );
  const c = program('c', [fig(2024, 'budget', '予算額', 7), fig(2025, 'budget-proposed', '予算額（案）', 8)], {
    parent: 'top',
  });
  const mid = program('mid', [], { parent: 'top' });
  const none = program('none', [], { parent: 'top' });
  const top = program('top', [
    fig(2024, 'budget', '総額', 157, '千円', { total_of: { programs: parts } }),
    fig(2025, 'budget-proposed', '総額', 999, '千円', { total_of: { programs: parts } }),
  ]);
  const all = [a, b, c, mid, none, top];
  const childrenOf = (p: Program) => all.filter((x) => x.parent === p.id);
  const byId = (id: string) => all.find((x) => x.id === id);

  it('lists components depth-first, largest latest budget first, with their amount in each year', () => {
    const sheet = componentSheet(top, childrenOf, byId);
    expect(sheet.years).toEqual([2024, 2025]);
    expect(sheet.rows.map((r) => `${r.depth} ${r.program.id}`)).toEqual(['1 c', '1 mid', '2 a', '2 b', '1 none']);
    expect(sheet.rows.map((r) => r.cells.map((p) => p?.value ?? null))).toEqual([
      [7, 8],
      [null, null],
      [100, 110],
      [50, null],
      [null, null],
    ]);
  });

  it('checks each year’s stated total against the parts it names', () => {
    const sheet = componentSheet(top, childrenOf, byId);
    expect(sheet.totals[0]).toMatchObject({ sum: 157, agrees: true, missing: [], derivedParts: true });
    // 2025: b has no proposed budget, and 110 + 8 is not 999.
    expect(sheet.totals[1]).toMatchObject({ sum: 118, agrees: false, missing: ['b'], derivedParts: false });
  });

  it('claims no sum where the source states no total', () => {
    const parent = program('p', [fig(2019, 'budget-proposed', '予算額（案）', 10)]);
    const child = program('k', [fig(2019, 'budget-proposed', '予算額（案）', 12)], { parent: 'p' });
    const sheet = componentSheet(
      parent,
      (p) => (p.id === 'p' ? [child] : []),
      () => undefined,
    );
    expect(sheet.parent.map((p) => p?.value)).toEqual([10]);
    expect(sheet.totals).toEqual([{ missing: [], derivedParts: false }]);
  });
});
