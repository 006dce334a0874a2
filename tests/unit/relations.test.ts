import { describe, expect, it } from 'vitest';
import { relationsOf } from '../../src/lib/relations.ts';
import type { Collections } from '../../src/schemas/index.ts';

const src = { document: 'doc-a', heading: 'H' };
const name = (id: string) => ({ ja: id, en: id });
const program = (id: string, extra: object = {}) => ({
  id,
  name: name(id),
  former_ids: [],
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
  summary: name('s'),
  summary_source: src,
  ...extra,
});
const handout = (label: string, extra: object = {}) => ({ label, title: name(label), programs: [], ...extra });
const meeting = (id: string, date: string, extra: object = {}) => ({
  id,
  committee: 'council',
  fiscal_year: 2024,
  ordinal: 1,
  date,
  agenda: [],
  handouts: [],
  source: src,
  ...extra,
});
const committee = (id: string, extra: object = {}) => ({
  id,
  name: name(id),
  former_names: [],
  kind: 'council',
  purpose: name('p'),
  purpose_source: src,
  regulations: [],
  rosters: [],
  ...extra,
});
const regulation = (id: string, extra: object = {}) => ({
  id,
  title: name(id),
  kind: 'youkou',
  governs: [],
  revisions: [],
  articles: [],
  source: src,
  ...extra,
});
const link = (initiative: string, extra: object = {}) => ({
  plan: 'plan',
  initiative,
  relisted: false,
  confidence: 'certain',
  source: src,
  ...extra,
});

const data = {
  programs: [
    program('alone', { bureau: 'b1', plan_links: [link('i2'), link('i1', { relisted: true })] }),
    program('child', { parent: 'parent', plan_links: [link('i1', { confidence: 'uncertain' })] }),
    program('parent', { plan_links: [link('i1')], source_doc: { document: 'doc-b', heading: 'X' } }),
    program('unplanned', { bureau: 'gone' }),
  ],
  meetings: [
    meeting('later', '2025-02-05', {
      agenda: [{ number: '1', title: name('a'), programs: ['parent'], handouts: ['資料1', '資料9'] }],
      handouts: [
        handout('資料1', { programs: ['parent'], meeting: 'earlier' }),
        handout('資料2', { regulation: 'outline', survey: 'survey' }),
      ],
    }),
    meeting('earlier', '2024-07-10', { handouts: [handout('資料3', { programs: ['parent'] })] }),
  ],
  committees: [
    committee('council', { regulations: ['outline'] }),
    committee('sub', { parent: 'council', kind: 'subcommittee' }),
  ],
  plans: [
    {
      id: 'plan',
      name: name('plan'),
      kind: 'annual-initiatives',
      period: {},
      draft: false,
      summary: name('s'),
      level_names: { issue: name('issue'), initiative: name('initiative') },
      issues: [{ id: 'x', title: name('x'), source: src }],
      initiatives: [
        {
          id: 'i1',
          issue: 'x',
          title: name('i1'),
          past_work: [],
          challenges: [],
          directions: [],
          years: [],
          source: src,
        },
        { id: 'i2', title: name('i2'), past_work: [], challenges: [], directions: [], years: [], source: src },
        {
          id: 'i3',
          issue: 'x',
          title: name('i3'),
          past_work: [],
          challenges: [],
          directions: [],
          years: [],
          source: src,
        },
      ],
      indicators: [],
      national_subsidy_groups: [
        { id: 'g', programs: ['alone', 'parent'], marked_count: 1, note: name('n'), source: src },
      ],
      notes: [],
      source: src,
    },
  ],
  regulations: [
    regulation('outline', { governs: ['sub'] }),
    regulation('rules', { based_on: 'outline', governs: ['council'] }),
  ],
  surveys: [{ id: 'survey', title: name('survey'), fiscal_year: 2024, programs: ['alone', 'unplanned'], source: src }],
  sources: [{ id: 'doc-a' }, { id: 'doc-b' }],
  glossary: [],
  municipalities: [],
  bureaus: [{ id: 'b1', name: name('b1'), kind: 'bureau' }],
  funds: [],
} as unknown as Collections;

const rel = relationsOf(data);
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('relations between entries', () => {
  it('resolve a program’s parent and children', () => {
    expect(rel.program(rel.byId.programs.get('child')!).parent?.id).toBe('parent');
    expect(ids(rel.program(rel.byId.programs.get('parent')!).children)).toEqual(['child']);
    expect(ids(rel.topLevelPrograms)).toEqual(['alone', 'parent', 'unplanned']);
  });

  it('give a program the 国庫負担 groups it is in, with their programs', () => {
    const [group] = rel.program(rel.byId.programs.get('parent')!).subsidyGroups;
    expect(group!.group.marked_count).toBe(1);
    expect(ids(group!.programs)).toEqual(['alone', 'parent']);
    expect(rel.program(rel.byId.programs.get('child')!).subsidyGroups).toEqual([]);
  });

  it('list the meetings that discuss a program by date, agenda items before handouts', () => {
    const mentions = rel.program(rel.byId.programs.get('parent')!).mentions;
    expect(mentions.map((m) => `${m.meeting.id}:${m.where.kind}`)).toEqual([
      'earlier:handout',
      'later:agenda',
      'later:handout',
    ]);
  });

  it('find the handouts that point back at a meeting, a regulation and a survey', () => {
    const earlier = rel.meeting(rel.byId.meetings.get('earlier')!);
    expect(earlier.referredBy.map((r) => `${r.meeting.id} ${r.handout.label}`)).toEqual(['later 資料1']);
    expect(earlier.next?.id).toBe('later');
    expect(earlier.prev).toBeUndefined();
    const outline = rel.regulation(rel.byId.regulations.get('outline')!);
    expect(outline.handedOut.map((r) => r.handout.label)).toEqual(['資料2']);
    expect(ids(outline.derived)).toEqual(['rules']);
    expect(ids(outline.governs)).toEqual(['sub']);
    const survey = rel.survey(data.surveys[0]!);
    expect(survey.presentedAt.map((r) => r.meeting.id)).toEqual(['later']);
    expect(ids(survey.programs)).toEqual(['alone', 'unplanned']);
  });

  it('resolve a meeting’s handouts and mark agenda handouts the meeting does not list', () => {
    const later = rel.meeting(rel.byId.meetings.get('later')!);
    expect(later.committee.id).toBe('council');
    expect(later.agenda[0]!.handouts).toEqual([
      { label: '資料1', listed: true },
      { label: '資料9', listed: false },
    ]);
    expect(later.handouts[1]!.regulation?.id).toBe('outline');
    expect(later.handouts[0]!.meeting?.id).toBe('earlier');
  });

  it('give a committee its children, and the regulations it names or that govern it, each once', () => {
    const council = rel.committee(rel.byId.committees.get('council')!);
    expect(ids(council.children)).toEqual(['sub']);
    expect(ids(council.regulations)).toEqual(['outline', 'rules']);
    expect(ids(council.meetings)).toEqual(['later', 'earlier']);
    expect(ids(rel.rootCommittees)).toEqual(['council']);
  });

  it('group programs by plan initiative once, for the plan page and the programs index alike', () => {
    const [group] = rel.programsByPlan;
    const { sections } = rel.plan(data.plans[0]!);
    expect(group!.sections).toEqual(sections);
    expect(sections.map((s) => s.issue?.id)).toEqual(['x', undefined]);
    const i1 = sections[0]!.initiatives[0]!;
    expect(i1.programs.map((p) => [p.program.id, p.relisted, p.uncertain])).toEqual([
      ['alone', true, false],
      ['child', false, true],
      ['parent', false, false],
    ]);
    expect(sections[0]!.initiatives[1]!.programs).toEqual([]);
    expect(rel.plan(data.plans[0]!).programCount).toBe(3);
    expect(ids(rel.programsWithoutPlan)).toEqual(['unplanned']);
  });

  it('group programs by bureau, unknown bureaus last', () => {
    expect(rel.programsByBureau.map((g) => [g.bureau?.id, ids(g.programs)])).toEqual([
      ['b1', ['alone']],
      [undefined, ['child', 'parent', 'unplanned']],
    ]);
  });

  it('index the entries citing each source once, by kind in registry order, with their headings', () => {
    const groups = rel.citationsOf('doc-a');
    expect(groups.map((g) => g.kind)).toEqual(['program', 'meeting', 'committee', 'plan', 'regulation', 'survey']);
    expect(groups[0]!.entries.map((e) => [e.entry.id, e.headings])).toEqual([
      ['alone', ['H']],
      ['child', ['H']],
      ['parent', ['H']],
      ['unplanned', ['H']],
    ]);
    expect(rel.citationsOf('doc-b').map((g) => [g.kind, g.entries.map((e) => e.entry.id)])).toEqual([
      ['program', ['parent']],
    ]);
    expect(rel.citationsOf('nothing')).toEqual([]);
  });

  it('group meetings by committee and fiscal year, and count them per year', () => {
    expect(rel.meetingsByCommittee.map((g) => [g.committee.id, g.years.map((y) => [y.year, ids(y.meetings)])])).toEqual(
      [['council', [[2024, ['earlier', 'later']]]]],
    );
    expect(rel.meetingsInYear(2024)).toHaveLength(2);
    expect(rel.latestMeeting?.id).toBe('later');
  });
});
