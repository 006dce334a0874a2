/** Committee rosters: the roster in force at a meeting, and members split by role as the source prints them. */
import type { Committee } from '../schemas/committee.ts';
import type { Meeting } from '../schemas/meeting.ts';
import type { Member } from '../schemas/member.ts';

type Roster = Committee['rosters'][number];

/**
 * The roster in force at a meeting: the one the meeting names, else the committee's latest roster
 * whose as_of is on or before the meeting date (or of the same fiscal year when no dates are known).
 */
export function rosterInForce(committee: Committee, meeting: Meeting): Roster | undefined {
  if (meeting.roster) return committee.rosters.find((r) => r.id === meeting.roster);
  const when = meeting.date ?? meeting.month;
  const candidates = committee.rosters.filter((r) =>
    r.as_of && when ? r.as_of.slice(0, when.length) <= when : r.fiscal_year === meeting.fiscal_year,
  );
  return candidates
    .sort((a, b) => (a.as_of ?? String(a.fiscal_year)).localeCompare(b.as_of ?? String(b.fiscal_year)))
    .at(-1);
}

export interface RosterParts {
  /** 委員 (with the chair and vice-chair), in source order. */
  members: Member[];
  /** 幹事. */
  secretaries: Member[];
  /** オブザーバー. */
  observers: Member[];
}

export function splitRoster(members: readonly Member[]): RosterParts {
  return {
    members: members.filter((m) => m.role === 'chair' || m.role === 'vice-chair' || m.role === 'member'),
    secretaries: members.filter((m) => m.role === 'secretary'),
    observers: members.filter((m) => m.role === 'observer'),
  };
}

/** The mark the source prints before the name: ◎ for the chair (部会長/会長), ○ for a vice-chair. */
export function roleMark(role: Member['role']): string {
  return role === 'chair' ? '◎' : role === 'vice-chair' ? '○' : '';
}
