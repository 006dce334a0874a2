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
    expect(indicatorMatrix(plan).rows.map((r) => r.cells)).toEqual([['blank', 'mark'], ['unknown', 'unknown']]);
  });
});
