import { describe, expect, it } from 'vitest';
import { statedTotal } from '../../src/lib/stated-totals.ts';
import type { Figure } from '../../src/schemas/figure.ts';

const src = { document: 'd', heading: 'h' };
const fig = (value: number, extra: Partial<Figure> = {}): Figure => ({
  fiscal_year: 2025,
  kind: 'budget-proposed',
  value,
  unit: '千円',
  label: { ja: 'x', en: 'x' },
  source: src,
  confidence: 'certain',
  derived: false,
  ...extra,
});
const part1 = { id: 'part1', figures: [fig(100), fig(90, { fiscal_year: 2024, kind: 'budget' })] };
const part2 = { id: 'part2', figures: [fig(200)] };
const twice = { id: 'twice', figures: [fig(1), fig(2)] };
const programs = new Map([part1, part2, twice].map((p) => [p.id, p]));
const programOf = (id: string) => programs.get(id);

describe('stated totals', () => {
  it('add up one figure of the same year, kind and unit from each part program', () => {
    const total = fig(300, { total_of: { programs: ['part1', 'part2'] } });
    const r = statedTotal(total, [total], undefined, programOf);
    expect(r.parts.map((p) => [p.id, p.figure.value])).toEqual([
      ['part1', 100],
      ['part2', 200],
    ]);
    expect(r).toMatchObject({ sum: 300, agrees: true, problems: [] });
  });
  it('add up figures of the same list named by id', () => {
    const a = fig(120, { id: 'a' });
    const b = fig(80, { id: 'b' });
    const owner = { id: 'owner', figures: [] };
    const total = fig(200, { total_of: { figures: ['a', 'b'] } });
    const r = statedTotal(total, [a, b, total], owner, programOf);
    expect(r.agrees).toBe(true);
    expect(r.parts.every((p) => p.program === owner)).toBe(true);
  });
  it('disagree when the parts add up to something else', () => {
    const total = fig(301, { total_of: { programs: ['part1', 'part2'] } });
    expect(statedTotal(total, [total], undefined, programOf)).toMatchObject({ sum: 300, agrees: false });
  });
  it('say why a part cannot be counted', () => {
    const total = fig(1, {
      total_of: { programs: ['nothing', 'broken', 'twice'], figures: ['missing', 'other-year'] },
    });
    const otherYear = fig(1, { id: 'other-year', fiscal_year: 2024 });
    const r = statedTotal(total, [total, otherYear], undefined, programOf, (id) => id === 'broken');
    expect(r.problems).toEqual([
      { id: 'nothing', of: 'program', problem: 'unknown' },
      { id: 'broken', of: 'program', problem: 'invalid' },
      { id: 'twice', of: 'program', problem: 'figure-count', count: 2 },
      { id: 'missing', of: 'figure', problem: 'unknown' },
      { id: 'other-year', of: 'figure', problem: 'mismatch' },
    ]);
    expect(r.agrees).toBe(false);
  });
});
