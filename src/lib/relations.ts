/** Relations between entries, computed once from plain arrays (pure, so it is unit-tested). */
import type { Program } from '../schemas/program.ts';
import type { Meeting } from '../schemas/meeting.ts';
import type { Committee } from '../schemas/committee.ts';
import type { NationalSubsidyGroup, Plan } from '../schemas/plan.ts';
import type { Source } from '../schemas/source.ts';
import type { Municipality } from '../schemas/municipality.ts';
import type { Bureau } from '../schemas/bureau.ts';
import type { Fund } from '../schemas/fund.ts';
import type { Regulation } from '../schemas/regulation.ts';
import type { Survey } from '../schemas/survey.ts';

export interface ProgramMention {
  meeting: Meeting;
  /** 'agenda' item number or handout label. */
  where: { kind: 'agenda'; number: string } | { kind: 'handout'; label: string };
}

export interface Relations {
  programById: Map<string, Program>;
  meetingById: Map<string, Meeting>;
  committeeById: Map<string, Committee>;
  planById: Map<string, Plan>;
  sourceById: Map<string, Source>;
  municipalityById: Map<string, Municipality>;
  bureauById: Map<string, Bureau>;
  fundById: Map<string, Fund>;
  regulationById: Map<string, Regulation>;
  surveyById: Map<string, Survey>;
  childrenOf: Map<string, Program[]>;
  mentionsOf: Map<string, ProgramMention[]>;
  meetingsOf: Map<string, Meeting[]>;
  /** 国庫負担 groups (N of these programs are marked, which is unknown) a program belongs to, by program id. */
  nationalSubsidyGroupsOf: Map<string, { plan: Plan; group: NationalSubsidyGroup }[]>;
}

interface Base {
  programs: Program[];
  meetings: Meeting[];
  committees: Committee[];
  plans: Plan[];
  sources: Source[];
  municipalities: Municipality[];
  bureaus: Bureau[];
  funds: Fund[];
  regulations: Regulation[];
  surveys: Survey[];
}

const index = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));

export function relationsOf(base: Base): Relations {
  const childrenOf = new Map<string, Program[]>();
  for (const p of base.programs) {
    if (!p.parent) continue;
    childrenOf.set(p.parent, [...(childrenOf.get(p.parent) ?? []), p]);
  }
  const mentionsOf = new Map<string, ProgramMention[]>();
  const add = (pid: string, m: ProgramMention) => mentionsOf.set(pid, [...(mentionsOf.get(pid) ?? []), m]);
  const meetings = [...base.meetings].sort((a, b) => (a.date ?? a.month ?? '').localeCompare(b.date ?? b.month ?? ''));
  for (const meeting of meetings) {
    for (const item of meeting.agenda) for (const pid of item.programs) add(pid, { meeting, where: { kind: 'agenda', number: item.number } });
    for (const h of meeting.handouts) for (const pid of h.programs) add(pid, { meeting, where: { kind: 'handout', label: h.label } });
  }
  const meetingsOf = new Map<string, Meeting[]>();
  for (const m of meetings) meetingsOf.set(m.committee, [...(meetingsOf.get(m.committee) ?? []), m]);
  const nationalSubsidyGroupsOf = new Map<string, { plan: Plan; group: NationalSubsidyGroup }[]>();
  for (const plan of base.plans)
    for (const group of plan.national_subsidy_groups)
      for (const pid of group.programs) nationalSubsidyGroupsOf.set(pid, [...(nationalSubsidyGroupsOf.get(pid) ?? []), { plan, group }]);
  return {
    programById: index(base.programs),
    meetingById: index(base.meetings),
    committeeById: index(base.committees),
    planById: index(base.plans),
    sourceById: index(base.sources),
    municipalityById: index(base.municipalities),
    bureauById: index(base.bureaus),
    fundById: index(base.funds),
    regulationById: index(base.regulations),
    surveyById: index(base.surveys),
    childrenOf,
    mentionsOf,
    meetingsOf,
    nationalSubsidyGroupsOf,
  };
}
