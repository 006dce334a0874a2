import { describe, expect, it } from 'vitest';
import {
  budgetRanking,
  grandTotal,
  planCoversYear,
  programAmounts,
  programYears,
  statedTotals,
  totalsByFund,
  totalsByInitiative,
  yearSummaries,
  yearTotal,
} from '../../src/lib/fiscal-totals.ts';
import type { Program } from '../../src/schemas/program.ts';
import type { Plan } from '../../src/schemas/plan.ts';

const src = { document: 'd', heading: 'h' };
const fig = (fiscal_year: number, kind: string, value: number, extra: object = {}) => ({
  fiscal_year,
  kind,
  value,
  unit: '千円',
  label: { ja: 'x', en: 'x' },
  source: src,
  confidence: 'certain',
  derived: false,
  ...extra,
});
const program = (id: string, p: Partial<Record<keyof Program, unknown>>) =>
  ({
    id,
    former_ids: [],
    separate_budget_in: [],
    name: { ja: id, en: id },
    former_names: [],
    details: [],
    plan_links: [],
    funding: [],
    subsidy_rates: [],
    subsidy_caps: [],
    marks: [],
    sites: [],
    narratives: [],
    figures: [],
    summary: { ja: 's', en: 's' },
    summary_source: src,
    ...p,
  }) as unknown as Program;

const total = program('total', {
  funding: [{ fund: 'fund-a', fiscal_years: [], source: src }],
  plan_links: [{ plan: 'plan', initiative: 'i1', relisted: false, source: src }],
  figures: [fig(2025, 'budget-proposed', 300, { total_of: { programs: ['part1', 'part2'] } })],
});
const part1 = program('part1', {
  parent: 'total',
  figures: [fig(2025, 'budget-proposed', 100), fig(2024, 'budget', 90)],
});
const part2 = program('part2', { figures: [fig(2025, 'budget-proposed', 200)] });
const alone = program('alone', {
  bureau: 'b1',
  funding: [
    { fund: 'fund-a', fiscal_years: [2025], source: src },
    { fund: 'fund-b', fiscal_years: [2025], source: src },
  ],
  plan_links: [
    { plan: 'plan', initiative: 'i2', relisted: false, source: src },
    { plan: 'plan', initiative: 'i1', relisted: true, source: src },
  ],
  figures: [fig(2025, 'budget', 50), fig(2025, 'plan', 3, { unit: '人' })],
});
const millions = program('millions', { figures: [fig(2025, 'budget', 2, { unit: '百万円' })] });
const programs = [total, part1, part2, alone, millions];
const plan = {
  id: 'plan',
  period: { from: 2024, to: 2029 },
  issues: [{ id: 'x', title: { ja: 'x', en: 'x' }, source: src }],
  initiatives: [{ id: 'i1', issue: 'x' }, { id: 'i2' }],
  indicators: [],
} as unknown as Plan;

describe('fiscal-year totals', () => {
  it('lists the years with figures', () => {
    expect(programYears(programs)).toEqual([2024, 2025]);
  });
  it('does not count components twice: parents and stated totals include them', () => {
    const amounts = programAmounts(programs, 2025);
    const by = Object.fromEntries(amounts.map((a) => [a.program.id, a]));
    expect(by.part1!.includedIn?.id).toBe('total'); // parent has an amount
    expect(by.part2!.includedIn?.id).toBe('total'); // named in the stated total
    expect(by.total!.includedIn).toBeUndefined();
    expect(by.millions!.value).toBe(2000); // 2 百万円 = 2,000 千円
    expect(grandTotal(amounts)).toEqual({ 'budget-proposed': 300, budget: 2050 });
  });
  it('says how many programs each sum adds up and how many components it includes without adding them', () => {
    const amounts = programAmounts(programs, 2025);
    expect(yearTotal(amounts)).toEqual({
      sums: { 'budget-proposed': 300, budget: 2050 },
      counts: { 'budget-proposed': 1, budget: 2 },
      included: { 'budget-proposed': 2 },
    });
    const rows = totalsByFund(amounts, 2025);
    expect(rows.map((r) => r.counts)).toEqual([{ 'budget-proposed': 1, budget: 1 }, { budget: 1 }, { budget: 1 }]);
    // The sum of a kind equals the sum of the counted amounts; components never add to it.
    const counted = amounts.filter((a) => !a.includedIn && a.kind === 'budget-proposed');
    expect(counted.reduce((n, a) => n + a.value, 0)).toBe(300);
  });
  it('ranks a year’s counted amounts, largest first, with the components each includes under it', () => {
    const ranking = budgetRanking(programAmounts(programs, 2025));
    expect(ranking.map((r) => [r.amount.program.id, r.amount.value, r.parts.map((p) => p.amount.program.id)])).toEqual([
      ['millions', 2000, []],
      ['total', 300, ['part2', 'part1']],
      ['alone', 50, []],
    ]);
    const listed = ranking.flatMap((r) => [r.amount, ...r.parts.map((p) => p.amount)]).map((a) => a.program.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(yearSummaries(programs).map((y) => [y.year, y.programs, y.total.counts])).toEqual([
      [2025, 5, { budget: 2, 'budget-proposed': 1 }],
      [2024, 1, { budget: 1 }],
    ]);
  });
  it('computes a year once per programs array, and the newest-first list leaves the ascending years as they are', () => {
    expect(programAmounts(programs, 2025)).toBe(programAmounts(programs, 2025));
    expect(programAmounts([...programs], 2025)).not.toBe(programAmounts(programs, 2025));
    expect(yearSummaries(programs).map((y) => y.year)).toEqual([2025, 2024]);
    expect(yearSummaries(programs)).toBe(yearSummaries(programs));
    expect(programYears(programs)).toEqual([2024, 2025]);
  });
  it('counts a component on its own in a year the source budgets it apart from its parent', () => {
    const parent = program('parent', { figures: [fig(2019, 'budget-proposed', 10), fig(2025, 'budget-proposed', 11)] });
    const child = program('child', {
      parent: 'parent',
      separate_budget_in: [2019],
      figures: [fig(2019, 'budget-proposed', 12), fig(2025, 'budget-proposed', 3)],
    });
    expect(yearTotal(programAmounts([parent, child], 2019)).sums).toEqual({ 'budget-proposed': 22 });
    expect(yearTotal(programAmounts([parent, child], 2025))).toMatchObject({
      sums: { 'budget-proposed': 11 },
      included: { 'budget-proposed': 1 },
    });
  });
  it('counts a part on its own in a year where its parent has no amount', () => {
    expect(programAmounts(programs, 2024)[0]!.includedIn).toBeUndefined();
  });
  it('totals by fund count a program under each of its funds; no fund last', () => {
    const rows = totalsByFund(programAmounts(programs, 2025), 2025);
    expect(rows.map((r) => [r.key, r.sums])).toEqual([
      ['fund-a', { 'budget-proposed': 300, budget: 50 }],
      ['fund-b', { budget: 50 }],
      [null, { budget: 2000 }],
    ]);
  });
  it('totals by initiative do not count relisted programs twice', () => {
    const [t] = totalsByInitiative(programAmounts(programs, 2025), [plan], 2025);
    const i1 = t!.rows.find((r) => r.key === 'i1')!;
    const i2 = t!.rows.find((r) => r.key === 'i2')!;
    expect(i1.sums).toEqual({ 'budget-proposed': 300 });
    expect(i1.relisted.map((p) => p.id)).toEqual(['alone']);
    expect(i2.sums).toEqual({ budget: 50 });
    expect(t!.unlinked.programs.map((p) => p.id)).toEqual(['millions']);
    expect(t!.unlinked.sums).toEqual({ budget: 2000 });
    expect(totalsByInitiative(programAmounts(programs, 2025), [plan], 2030)).toEqual([]);
    expect(planCoversYear({ period: { to: 2029 } }, 2000)).toBe(true);
  });
  it('counts the components of a parent that is not in the plan where they are linked, and the rest as unlinked', () => {
    const parent = program('parent', { figures: [fig(2025, 'budget', 100)] });
    const child = program('child', {
      parent: 'parent',
      plan_links: [{ plan: 'plan', initiative: 'i2', relisted: false, source: src }],
      figures: [fig(2025, 'budget', 30)],
    });
    const [t] = totalsByInitiative(programAmounts([parent, child], 2025), [plan], 2025);
    expect(t!.rows.map((r) => [r.key, r.sums.budget])).toEqual([['i2', 30]]);
    expect(t!.unlinked.sums).toEqual({ budget: 70 });
    expect(t!.unlinked.programs.map((p) => p.id)).toEqual(['parent']);
  });
  it('checks stated totals against the sum of their parts', () => {
    const [c] = statedTotals(programs, 2025);
    expect(c!.sum).toBe(300);
    expect(c!.agrees).toBe(true);
    const wrong = program('wrong', {
      figures: [fig(2025, 'budget-proposed', 301, { total_of: { programs: ['part1', 'part2', 'nothing'] } })],
    });
    const [w] = statedTotals([wrong, part1, part2], 2025);
    expect(w!.agrees).toBe(false);
    expect(w!.missing).toEqual(['nothing']);
  });
});
