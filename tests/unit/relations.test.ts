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

const result = (fiscal_year: number, value: number, document = 'doc-a', as_of?: string) => ({
  fiscal_year,
  kind: 'result',
  label: name('v'),
  value,
  unit: '所',
  as_of,
  confidence: 'certain',
  derived: false,
  source: { document, heading: 'H' },
});
const listing = (plan: string, extra: object = {}) => ({ plan, evaluates: [], targets: [], source: src, ...extra });
const indicator = (id: string, extra: object = {}) => ({
  id,
  name: name(id),
  listings: [],
  programs: [],
  series: [],
  ...extra,
});

const data = {
  indicators: [
    // Listed as number 2 in `plan`, placed (uncertain) under i3; values from two documents, newest first.
    indicator('visits', {
      listings: [
        listing('plan', {
          number: 2,
          evaluates: [{ initiative: 'i3', confidence: 'uncertain', note: name('why') }],
          lost_marks: { count: 1, note: name('lost') },
        }),
      ],
      programs: [{ program: 'alone', source: src }],
      series: [result(2019, 2410), result(2016, 2366), result(2024, 1768, 'doc-b', '2024-10-01')],
    }),
    indicator('discharge', {
      listings: [listing('plan', { number: 1, evaluates: [{ initiative: 'i1', confidence: 'certain' }] })],
      programs: [
        { program: 'alone', source: src },
        { program: 'parent', source: src },
      ],
      series: [{ ...result(2029, 300), kind: 'target' }],
    }),
    indicator('unlisted-plan', { listings: [listing('gone')] }),
  ],
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

  it('give a plan its 国庫負担 groups, with their programs', () => {
    const [group] = rel.plan(data.plans[0]!).subsidyGroups;
    expect([group!.group.id, ids(group!.programs)]).toEqual(['g', ['alone', 'parent']]);
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
    expect(groups.map((g) => g.kind)).toEqual([
      'program',
      'meeting',
      'committee',
      'plan',
      'indicator',
      'regulation',
      'survey',
    ]);
    expect(groups[0]!.entries.map((e) => [e.entry.id, e.headings])).toEqual([
      ['alone', ['H']],
      ['child', ['H']],
      ['parent', ['H']],
      ['unplanned', ['H']],
    ]);
    expect(rel.citationsOf('doc-b').map((g) => [g.kind, g.entries.map((e) => e.entry.id)])).toEqual([
      ['program', ['parent']],
      ['indicator', ['visits']],
    ]);
    expect(rel.citationsOf('nothing')).toEqual([]);
  });

  it('list a plan’s indicators in the order of their numbers there, with their placements resolved', () => {
    const { indicators } = rel.plan(data.plans[0]!);
    expect(indicators.map((l) => [l.indicator.id, l.placements.map((p) => p.initiative.id)])).toEqual([
      ['discharge', ['i1']],
      ['visits', ['i3']],
    ]);
    expect(ids(rel.indicatorsInOrder)).toEqual(['discharge', 'visits', 'unlisted-plan']);
  });

  it('give an initiative its issue, programs, indicators (with the placement) and neighbours in plan order', () => {
    const plan = data.plans[0]!;
    const [i1, i2, i3] = plan.initiatives;
    const first = rel.initiative(plan, i1!);
    expect(first.issue?.id).toBe('x');
    expect(ids(first.programs.map((p) => p.program))).toEqual(['alone', 'child', 'parent']);
    expect(first.indicators.map((i) => [i.indicator.id, i.placement.confidence])).toEqual([['discharge', 'certain']]);
    // Plan order: the issue's initiatives (i1, i3), then those outside any issue (i2).
    expect([first.prev?.id, first.next?.id]).toEqual([undefined, 'i3']);
    const third = rel.initiative(plan, i3!);
    expect(third.indicators.map((i) => [i.indicator.id, i.placement.confidence])).toEqual([['visits', 'uncertain']]);
    expect([third.prev?.id, third.next?.id]).toEqual(['i1', 'i2']);
    expect(rel.initiative(plan, i2!).indicators).toEqual([]);
    expect(rel.initiative(plan, i2!).next).toBeUndefined();
  });

  it('give an indicator its plans, programs, values grouped by document, and first and latest result', () => {
    const visits = data.indicators[0]!;
    const r = rel.indicator(visits);
    expect(r.listings.map((l) => [l.plan.id, l.listing.number])).toEqual([['plan', 2]]);
    expect(ids(r.programs.map((p) => p.program))).toEqual(['alone']);
    expect(r.seriesByDocument.map((g) => [g.document, g.figures.map((f) => f.value)])).toEqual([
      ['doc-a', [2366, 2410]],
      ['doc-b', [1768]],
    ]);
    expect([r.trend?.first.value, r.trend?.latest.value]).toEqual([2366, 1768]);
    // A listing in a plan that does not exist is left out (the data check refuses it).
    expect(rel.indicator(data.indicators[2]!).listings).toEqual([]);
    // Targets are not results.
    expect(rel.indicator(data.indicators[1]!).trend).toBeUndefined();
  });

  it('give a program the indicators reported under it, with their first and latest values', () => {
    const [alone, , parent, unplanned] = data.programs;
    expect(rel.program(alone!).indicators.map((i) => [i.indicator.id, i.trend?.latest.value])).toEqual([
      ['visits', 1768],
      ['discharge', undefined],
    ]);
    expect(ids(rel.program(parent!).indicators.map((i) => i.indicator))).toEqual(['discharge']);
    expect(rel.program(unplanned!).indicators).toEqual([]);
  });

  it('group meetings by committee and fiscal year, and count them per year', () => {
    expect(rel.meetingsByCommittee.map((g) => [g.committee.id, g.years.map((y) => [y.year, ids(y.meetings)])])).toEqual(
      [['council', [[2024, ['earlier', 'later']]]]],
    );
    expect(rel.meetingsInYear(2024)).toHaveLength(2);
    expect(rel.latestMeeting?.id).toBe('later');
  });
});
