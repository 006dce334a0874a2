import { describe, expect, it } from 'vitest';
import { roleMark, rosterInForce, splitRoster } from '../../src/lib/roster.ts';
import type { Committee } from '../../src/schemas/committee.ts';
import type { Meeting } from '../../src/schemas/meeting.ts';

const src = { document: 'd', heading: 'h' };
const member = (name: string, role: 'chair' | 'member' | 'secretary' | 'observer') => ({
  name,
  role,
  affiliation: { ja: 'x', en: 'x' },
});
const committee = {
  id: 'c',
  rosters: [
    { id: 'fy2023', fiscal_year: 2023, as_of: '2023-07-01', members: [member('甲', 'member')], source: src },
    {
      id: 'fy2024',
      fiscal_year: 2024,
      as_of: '2025-02-05',
      members: [member('乙', 'member'), member('丙', 'chair'), member('丁', 'secretary'), member('戊', 'observer')],
      source: src,
    },
  ],
} as unknown as Committee;
const meeting = (m: Partial<Meeting>) =>
  ({ id: 'm', committee: 'c', fiscal_year: 2024, ordinal: 1, agenda: [], handouts: [], source: src, ...m }) as Meeting;

describe('rosters', () => {
  it('uses the roster the meeting names', () => {
    expect(rosterInForce(committee, meeting({ roster: 'fy2023', date: '2025-02-05' }))!.id).toBe('fy2023');
  });
  it('else takes the latest roster in force on the meeting date', () => {
    expect(rosterInForce(committee, meeting({ date: '2024-07-10' }))!.id).toBe('fy2023');
    expect(rosterInForce(committee, meeting({ date: '2025-03-01' }))!.id).toBe('fy2024');
    expect(rosterInForce(committee, meeting({ month: '2023-05' }))).toBeUndefined();
  });
  it('splits members, secretaries and observers keeping the source order, chair marked ◎', () => {
    const parts = splitRoster(committee.rosters[1]!.members);
    expect(parts.members.map((m) => m.name)).toEqual(['乙', '丙']);
    expect(parts.secretaries.map((m) => m.name)).toEqual(['丁']);
    expect(parts.observers.map((m) => m.name)).toEqual(['戊']);
    expect(roleMark('chair')).toBe('◎');
    expect(roleMark('member')).toBe('');
  });
});
