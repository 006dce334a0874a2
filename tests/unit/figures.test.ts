import { describe, expect, it } from 'vitest';
import {
  budgetSeries,
  countFigures,
  indicatorTrend,
  latestBudget,
  seriesCharts,
  sortByLatestBudget,
  sortFigures,
} from '../../src/lib/figures.ts';
import type { Figure } from '../../src/schemas/figure.ts';

const src = { document: 'd', heading: 'h' };
const fig = (
  fiscal_year: number,
  kind: Figure['kind'],
  value: number,
  unit = '千円',
  extra: Partial<Figure> = {},
): Figure => ({
  fiscal_year,
  kind,
  value,
  unit,
  label: { ja: 'x', en: 'x' },
  source: src,
  confidence: 'certain',
  derived: false,
  ...extra,
});

describe('figures', () => {
  it('sort by fiscal year, then proposed budget, budget, plan, result, target', () => {
    const sorted = sortFigures([
      fig(2025, 'result', 1),
      fig(2024, 'plan', 2),
      fig(2025, 'budget-proposed', 3),
      fig(2024, 'budget', 4),
    ]);
    expect(sorted.map((f) => `${f.fiscal_year}/${f.kind}`)).toEqual([
      '2024/budget',
      '2024/plan',
      '2025/budget-proposed',
      '2025/result',
    ]);
  });
  it('chart one budget per year, preferring the adopted budget over the proposal', () => {
    const series = budgetSeries([
      fig(2024, 'budget', 4138),
      fig(2024, 'budget-proposed', 4000),
      fig(2025, 'budget-proposed', 4347),
      fig(2025, 'plan', 1, '回'),
    ]);
    expect(series.map((p) => [p.fiscal_year, p.kind, p.value])).toEqual([
      [2024, 'budget', 4138],
      [2025, 'budget-proposed', 4347],
    ]);
  });
  it('leave out a year with two budget lines instead of adding them up silently', () => {
    expect(
      budgetSeries([fig(2024, 'budget', 1), fig(2024, 'budget', 2), fig(2025, 'budget', 3)]).map((p) => p.fiscal_year),
    ).toEqual([2025]);
  });
  it('mark uncertain and derived points', () => {
    const [p] = budgetSeries([fig(2024, 'budget', 520, '千円', { derived: true, derivation: { ja: 'x', en: 'x' } })]);
    expect(p!.derived).toBe(true);
  });
  it('give the latest budget', () => {
    const figures = [fig(2019, 'budget-proposed', 10), fig(2025, 'budget-proposed', 20), fig(2018, 'result', 3, '人')];
    expect(latestBudget(figures)?.value).toBe(20);
  });
  it('sort programs by latest budget in yen, programs without one last by name', () => {
    const program = (id: string, figures: Figure[]) => ({ id, name: { ja: id, en: id }, figures });
    const sorted = sortByLatestBudget(
      [
        program('alone', [fig(2025, 'budget', 50)]),
        program('b-none', []),
        program('millions', [fig(2025, 'budget', 2, '百万円')]),
        program('a-none', []),
      ],
      'en',
    );
    expect(sorted.map((s) => s.program.id)).toEqual(['millions', 'alone', 'a-none', 'b-none']);
  });
  it('chart an indicator once per unit with two or more values, marking uncertain ones', () => {
    const charts = seriesCharts([
      fig(2024, 'result', 1, '人'),
      fig(2025, 'target', 2, '人', { confidence: 'uncertain', note: { ja: 'x', en: 'x' } }),
      fig(2025, 'result', 3, '%'),
    ]);
    expect(charts.map((c) => [c.unit, c.points.map((p) => [p.kind, p.uncertain])])).toEqual([
      [
        '人',
        [
          ['result', false],
          ['target', true],
        ],
      ],
    ]);
  });
  it('give an indicator’s first and latest result by fiscal year and month, ignoring targets', () => {
    const series = [
      fig(2018, 'result', 74484, '人', { as_of: '2018-10' }),
      fig(2016, 'result', 58589, '人', { as_of: '2016-10' }),
      fig(2020, 'target', 80000, '人'),
      fig(2017, 'result', 61792, '人', { as_of: '2017-10' }),
    ];
    const trend = indicatorTrend(series);
    expect([trend?.first.value, trend?.latest.value]).toEqual([58589, 74484]);
    expect(indicatorTrend([fig(2019, 'result', 5, '所')])).toEqual({
      first: expect.objectContaining({ value: 5 }),
      latest: expect.objectContaining({ value: 5 }),
    });
    expect(indicatorTrend([fig(2020, 'target', 1, '人')])).toBeUndefined();
  });
  it('count figures', () => {
    expect(countFigures([{ figures: [1, 2] }, { figures: [] }, { figures: [3] }])).toBe(3);
  });
});
