import { describe, expect, it } from 'vitest';
import { indicatorMatrix } from '../../src/lib/matrix.ts';
import type { IndicatorListing } from '../../src/lib/relations.ts';
import type { Plan } from '../../src/schemas/plan.ts';

const listing = (id: string, placements: [string, 'certain' | 'uncertain'][], lost?: number): IndicatorListing =>
  ({
    indicator: { id },
    listing: { lost_marks: lost === undefined ? undefined : { count: lost } },
    placements: placements.map(([initiative, confidence]) => ({
      initiative: { id: initiative },
      placement: { initiative, confidence },
    })),
  }) as unknown as IndicatorListing;

describe('indicator matrix', () => {
  const plan = { issues: [], initiatives: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } as unknown as Plan;
  it('marks evaluated initiatives, blanks the rest of a row whose columns are known', () => {
    expect(indicatorMatrix(plan, [listing('i1', [['b', 'certain']])]).rows[0]!.cells).toEqual([
      'blank',
      'mark',
      'blank',
    ]);
  });
  it('shows every unplaced cell of a row whose marks lost their columns as unknown, never blank', () => {
    expect(indicatorMatrix(plan, [listing('i2', [], 3)]).rows[0]!.cells).toEqual(['unknown', 'unknown', 'unknown']);
  });
  it('tells a placement reasoned out (uncertain) from one the document shows', () => {
    expect(indicatorMatrix(plan, [listing('i9', [['c', 'uncertain']], 1)]).rows[0]!.cells).toEqual([
      'unknown',
      'unknown',
      'uncertain-mark',
    ]);
  });
  it('numbers columns 取組3, or 事項2-1 when numbers restart under each issue', () => {
    const numbered = (numbers: [number, string][]) =>
      ({
        issues: [
          { id: 'x', number: 1 },
          { id: 'y', number: 2 },
        ],
        initiatives: numbers.map(([n, issue], i) => ({ id: `i${i}`, number: n, issue })),
      }) as unknown as Plan;
    const columns = (numbers: [number, string][]) =>
      indicatorMatrix(numbered(numbers), []).columns.map((c) => c.number);
    expect(
      columns([
        [1, 'x'],
        [2, 'y'],
      ]),
    ).toEqual(['1', '2']);
    expect(
      columns([
        [1, 'x'],
        [1, 'y'],
      ]),
    ).toEqual(['1-1', '2-1']);
  });
});
