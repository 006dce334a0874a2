import { describe, expect, it } from 'vitest';
import { allChanges, changeKey } from '../../src/lib/changes.ts';
import type { Collections } from '../../src/schemas/index.ts';

const note = (date: string, ja: string) => ({ date, ja, en: `en ${ja}` });
const data = (programNotes: ReturnType<typeof note>[]) =>
  ({
    programs: [
      { id: 'b', name: { ja: 'B', en: 'B' }, changes: programNotes },
      { id: 'a', name: { ja: 'A', en: 'A' }, changes: [note('2025-01-01', 'a1')] },
    ],
    meetings: [],
    committees: [],
    plans: [],
    indicators: [],
    funds: [{ id: 'f', name: { ja: 'F', en: 'F' }, changes: [note('2025-03-01', 'f1')] }],
  }) as unknown as Collections;

describe('allChanges', () => {
  it('lists every note newest first, then by collection and id, with the page it is shown on', () => {
    const list = allChanges(data([note('2025-01-01', 'b1'), note('2025-02-01', 'b2')]));
    expect(list.map((c) => c.ja)).toEqual(['f1', 'b2', 'a1', 'b1']);
    expect(list[0]!.path('en')).toBe('/en/glossary/#funds');
    expect(list[1]!.path('ja')).toBe('/programs/b/');
  });
});

describe('changeKey', () => {
  it('is made from the entry and the note, so adding a note leaves the other keys as they were', () => {
    const before = allChanges(data([note('2025-01-01', 'b1')])).map(changeKey);
    const after = allChanges(data([note('2025-01-01', 'b1'), note('2025-02-01', 'b2')])).map(changeKey);
    for (const key of before) expect(after).toContain(key);
    expect(new Set(after).size).toBe(after.length);
    expect(before[0]).toMatch(/^funds\/f\/2025-03-01\/[0-9a-z]+$/);
  });
});
