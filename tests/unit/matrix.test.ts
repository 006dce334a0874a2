import { describe, expect, it } from 'vitest';
import { indicatorMatrix } from '../../src/lib/matrix.ts';
import type { Plan } from '../../src/schemas/plan.ts';

describe('indicator matrix', () => {
  it('marks evaluated initiatives, and unknown cells when the columns were lost', () => {
    const plan = {
      initiatives: [{ id: 'a' }, { id: 'b' }],
      indicators: [
        { id: 'i1', initiatives: ['b'], matrix_confidence: 'certain' },
        { id: 'i2', initiatives: [], matrix_confidence: 'uncertain' },
      ],
    } as unknown as Plan;
    expect(indicatorMatrix(plan).rows.map((r) => r.cells)).toEqual([
      ['blank', 'mark'],
      ['unknown', 'unknown'],
    ]);
    expect(indicatorMatrix(plan).rows[0]!.initiatives.map((i) => i.id)).toEqual(['b']);
  });
  it('numbers columns 取組3, or 事項2-1 when numbers restart under each issue', () => {
    const plan = (numbers: [number, string][]) =>
      ({
        issues: [
          { id: 'x', number: 1 },
          { id: 'y', number: 2 },
        ],
        initiatives: numbers.map(([n, issue], i) => ({ id: `i${i}`, number: n, issue })),
        indicators: [],
      }) as unknown as Plan;
    expect(
      indicatorMatrix(
        plan([
          [1, 'x'],
          [2, 'y'],
        ]),
      ).columns.map((c) => c.number),
    ).toEqual(['1', '2']);
    expect(
      indicatorMatrix(
        plan([
          [1, 'x'],
          [1, 'y'],
        ]),
      ).columns.map((c) => c.number),
    ).toEqual(['1-1', '2-1']);
  });
});
