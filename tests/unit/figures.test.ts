import { describe, expect, it } from 'vitest';
import { budgetSeries, figureYears, latestBudget, sortFigures } from '../../src/lib/figures.ts';
import type { Figure } from '../../src/schemas/figure.ts';

const src = { document: 'd', heading: 'h' };
const fig = (fiscal_year: number, kind: Figure['kind'], value: number, unit = '千円', extra: Partial<Figure> = {}): Figure => ({
  fiscal_year, kind, value, unit, label: { ja: 'x', en: 'x' }, source: src, confidence: 'certain', derived: false, ...extra,
});

describe('figures', () => {
  it('sort by fiscal year, then proposed budget, budget, plan, result, target', () => {
    const sorted = sortFigures([fig(2025, 'result', 1), fig(2024, 'plan', 2), fig(2025, 'budget-proposed', 3), fig(2024, 'budget', 4)]);
    expect(sorted.map((f) => `${f.fiscal_year}/${f.kind}`)).toEqual(['2024/budget', '2024/plan', '2025/budget-proposed', '2025/result']);
  });
  it('chart one budget per year, preferring the adopted budget over the proposal', () => {
    const series = budgetSeries([fig(2024, 'budget', 4138), fig(2024, 'budget-proposed', 4000), fig(2025, 'budget-proposed', 4347), fig(2025, 'plan', 1, '回')]);
    expect(series.map((p) => [p.fiscal_year, p.kind, p.value])).toEqual([[2024, 'budget', 4138], [2025, 'budget-proposed', 4347]]);
  });
  it('leave out a year with two budget lines instead of adding them up silently', () => {
    expect(budgetSeries([fig(2024, 'budget', 1), fig(2024, 'budget', 2), fig(2025, 'budget', 3)]).map((p) => p.fiscal_year)).toEqual([2025]);
  });
  it('mark uncertain and derived points', () => {
    const [p] = budgetSeries([fig(2024, 'budget', 520, '千円', { derived: true, derivation: { ja: 'x', en: 'x' } })]);
    expect(p!.derived).toBe(true);
  });
  it('give the latest budget and the years covered', () => {
    const figures = [fig(2019, 'budget-proposed', 10), fig(2025, 'budget-proposed', 20), fig(2018, 'result', 3, '人')];
    expect(latestBudget(figures)?.value).toBe(20);
    expect(figureYears(figures)).toEqual([2018, 2019, 2025]);
  });
});
