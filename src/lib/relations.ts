/**
 * Every relation between entries, computed once from the validated collections: references resolved
 * to entries, the entries that point back (children, meetings that discuss a program, handouts about
 * a meeting, regulation or survey, entries citing a source), and the groupings index pages show.
 * Pages and components only render what this returns. Pure; tested in tests/unit/relations.test.ts.
 *
 * References are resolved with `filter(Boolean)`-style tolerance only where the data check already
 * guarantees they exist (src/data/integrity.ts): a missing entry there is a bug in the check.
 */
import {
  CITING_COLLECTIONS,
  COLLECTION_NAMES,
  COLLECTIONS,
  type CitingCollection,
  type CitingKind,
  type CollectionName,
  type Collections,
  type EntryOf,
} from '../schemas/index.ts';
import { refsByDocument } from './citations.ts';
import { rosterInForce } from './roster.ts';
import { indicatorTrend, sortFigures, type IndicatorTrend } from './figures.ts';

type Program = EntryOf<'programs'>;
type Meeting = EntryOf<'meetings'>;
type Committee = EntryOf<'committees'>;
type Plan = EntryOf<'plans'>;
type Regulation = EntryOf<'regulations'>;
type Survey = EntryOf<'surveys'>;
type Indicator = EntryOf<'indicators'>;
type Listing = Indicator['listings'][number];
type Placement = Listing['evaluates'][number];
type Figure = Indicator['series'][number];
type Handout = Meeting['handouts'][number];
type Initiative = Plan['initiatives'][number];
type Issue = Plan['issues'][number];
type NationalSubsidyGroup = Plan['national_subsidy_groups'][number];

/** A 国庫負担 group of a plan (N of these programs are marked, which is unknown), its programs resolved. */
export interface SubsidyGroup {
  plan: Plan;
  group: NationalSubsidyGroup;
  programs: Program[];
}

export type ById = { [N in CollectionName]: Map<string, EntryOf<N>> };

/** A place in a meeting that is about a program: an agenda item or a handout. */
export interface ProgramMention {
  meeting: Meeting;
  where: { kind: 'agenda'; number: string } | { kind: 'handout'; label: string };
}

/** A handout of a meeting, as seen from the entry it is about. */
export interface HandoutRef {
  meeting: Meeting;
  handout: Handout;
}

/** A program linked to a plan initiative. */
export interface InitiativeProgram {
  program: Program;
  /** Every link to the initiative is marked 【再掲】 (listed again). */
  relisted: boolean;
  /** Every link to the initiative has an uncertain placement. */
  uncertain: boolean;
  /** Why the placement is uncertain, or anything else the link notes. */
  note?: Program['plan_links'][number]['note'];
}

/** An indicator as one plan lists it, with the initiatives it evaluates there resolved (in the listing's order). */
export interface IndicatorListing {
  indicator: Indicator;
  listing: Listing;
  plan: Plan;
  placements: { initiative: Initiative; placement: Placement }[];
}

/** An indicator that evaluates an initiative: its listing in the initiative's plan and the placement there. */
export interface InitiativeIndicator extends IndicatorListing {
  placement: Placement;
}

export interface InitiativeGroup {
  initiative: Initiative;
  /** Linked programs, in id order. */
  programs: InitiativeProgram[];
  /** Indicators that evaluate the initiative, in the plan's indicator order. */
  indicators: InitiativeIndicator[];
}

/** Every value of an indicator that one document prints, oldest first. */
export interface SeriesGroup {
  document: string;
  figures: Figure[];
}

/** A program an indicator is reported under, as seen from the program. */
export interface ProgramIndicator {
  indicator: Indicator;
  link: Indicator['programs'][number];
  /** First and latest result, when the indicator has values. */
  trend?: IndicatorTrend;
}

/** One section of a plan: an issue (課題/領域) with its initiatives; no issue for initiatives outside any. */
export interface PlanSection {
  issue?: Issue;
  initiatives: InitiativeGroup[];
}

export interface BureauGroup {
  /** Undefined collects programs whose bureau the sources do not state. */
  bureau?: EntryOf<'bureaus'>;
  programs: Program[];
}

export type CitingEntry = EntryOf<CitingCollection>;

/** Entries of one kind citing a source document, each with the headings it cites. */
export interface CitationGroup {
  kind: CitingKind;
  entries: { entry: CitingEntry; headings: string[] }[];
}

export interface Relations {
  byId: ById;
  /** Programs without a parent. */
  topLevelPrograms: Program[];
  /** Programs with no plan link at all. */
  programsWithoutPlan: Program[];
  /** Committees without a parent in the data. */
  rootCommittees: Committee[];
  /** Programs by the bureau in charge, in the order of the bureaus list; unknown last. */
  programsByBureau: BureauGroup[];
  /** Each plan that any program links to (in the order of plansInOrder), with its sections (the plan's own order). */
  programsByPlan: { plan: Plan; sections: PlanSection[] }[];
  /** Committees that have meetings, each with its fiscal years (newest first) and their meetings by ordinal. */
  meetingsByCommittee: { committee: Committee; years: { year: number; meetings: Meeting[] }[] }[];
  /** Plans by kind (health plan, elderly welfare plan, annual initiatives), then latest period first. */
  plansInOrder: Plan[];
  /** Indicators by the first plan (in plansInOrder) that lists them and their number there, then by id. */
  indicatorsInOrder: Indicator[];
  /** The meeting held last (by date, or month when the date is not known); undefined without meetings. */
  latestMeeting?: Meeting;
  meetingsInYear(year: number): Meeting[];
  committeeOf(meeting: Meeting): Committee;
  program(program: Program): ReturnType<typeof programRelations> & { indicators: ProgramIndicator[] };
  committee(committee: Committee): ReturnType<typeof committeeRelations>;
  meeting(meeting: Meeting): ReturnType<typeof meetingRelations>;
  plan(plan: Plan): {
    sections: PlanSection[];
    programCount: number;
    indicators: IndicatorListing[];
    /** The plan's 国庫負担 groups, their programs resolved. */
    subsidyGroups: SubsidyGroup[];
  };
  /** An initiative with its issue, programs and indicators, and its neighbours in the plan's order. */
  initiative(plan: Plan, initiative: Initiative): ReturnType<typeof initiativeRelations>;
  indicator(indicator: Indicator): ReturnType<typeof indicatorRelations>;
  regulation(regulation: Regulation): ReturnType<typeof regulationRelations>;
  survey(survey: Survey): { programs: Program[]; presentedAt: HandoutRef[] };
  /** Entries citing a source document, by kind in the order of the collections registry. */
  citationsOf(documentId: string): CitationGroup[];
}

const PLAN_KIND_ORDER: Plan['kind'][] = ['health-medical-plan', 'elderly-welfare-plan', 'annual-initiatives'];

const byKey = <T, K>(items: readonly T[], key: (item: T) => K | undefined): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
};

const dateOf = (m: Meeting) => m.date ?? m.month ?? '';

function indexById(c: Collections): ById {
  const entries = COLLECTION_NAMES.map((name) => [name, new Map(c[name].map((e) => [e.id, e]))] as const);
  return Object.fromEntries(entries) as ById;
}

/** Resolves ids to entries, dropping ids the data check would have refused. */
function resolve<T>(ids: readonly string[], map: Map<string, T>): T[] {
  return ids.flatMap((id) => map.get(id) ?? []);
}

/** Handouts of every meeting that point at an entry through `field`, by the entry's id (meetings in id order). */
function handoutsBy(
  meetings: readonly Meeting[],
  field: 'meeting' | 'regulation' | 'survey',
): Map<string, HandoutRef[]> {
  const refs = meetings.flatMap((meeting) => meeting.handouts.map((handout) => ({ meeting, handout })));
  return byKey(refs, (r) => r.handout[field]);
}

/** Programs linked to each initiative of each plan: plan id → initiative id → programs. */
function initiativeIndex(programs: readonly Program[]): Map<string, Map<string, InitiativeProgram[]>> {
  const out = new Map<string, Map<string, InitiativeProgram[]>>();
  for (const program of programs) {
    const links = byKey(program.plan_links, (l) => `${l.plan}\u0000${l.initiative}`);
    for (const list of links.values()) {
      const { plan, initiative } = list[0]!;
      const perPlan = out.get(plan) ?? new Map<string, InitiativeProgram[]>();
      const item = {
        program,
        relisted: list.every((l) => l.relisted),
        uncertain: list.every((l) => l.confidence === 'uncertain'),
        note: list.find((l) => l.note)?.note,
      };
      perPlan.set(initiative, [...(perPlan.get(initiative) ?? []), item]);
      out.set(plan, perPlan);
    }
  }
  return out;
}

/** A plan's issues with their initiatives, then the initiatives outside any issue; empty sections dropped. */
function planSections(
  plan: Plan,
  linked: Map<string, InitiativeProgram[]> | undefined,
  listings: readonly IndicatorListing[],
): PlanSection[] {
  const group = (initiative: Initiative): InitiativeGroup => ({
    initiative,
    programs: linked?.get(initiative.id) ?? [],
    indicators: listings.flatMap((l) =>
      l.placements.filter((p) => p.initiative.id === initiative.id).map(({ placement }) => ({ ...l, placement })),
    ),
  });
  const issueIds = new Set(plan.issues.map((i) => i.id));
  const sections: PlanSection[] = [
    ...plan.issues.map((issue) => ({
      issue,
      initiatives: plan.initiatives.filter((i) => i.issue === issue.id).map(group),
    })),
    { initiatives: plan.initiatives.filter((i) => !i.issue || !issueIds.has(i.issue)).map(group) },
  ];
  return sections.filter((s) => s.initiatives.length > 0);
}

/**
 * Every indicator's listings by plan id, each plan's in the order of the numbers the plan gives them
 * (unnumbered ones after, in the order of the initiatives they evaluate, then by id). Placements on
 * initiatives the plan lacks are dropped (the data check refuses them).
 */
function listingIndex(indicators: readonly Indicator[], plans: Map<string, Plan>): Map<string, IndicatorListing[]> {
  const out = new Map<string, IndicatorListing[]>();
  for (const indicator of indicators) {
    for (const listing of indicator.listings) {
      const plan = plans.get(listing.plan);
      if (!plan) continue;
      const placements = listing.evaluates.flatMap((placement) => {
        const initiative = plan.initiatives.find((i) => i.id === placement.initiative);
        return initiative ? [{ initiative, placement }] : [];
      });
      out.set(plan.id, [...(out.get(plan.id) ?? []), { indicator, listing, plan, placements }]);
    }
  }
  // Unnumbered listings follow the plan's order of the first initiative they evaluate.
  const order = (l: IndicatorListing) => [
    l.listing.number ?? Number.MAX_SAFE_INTEGER,
    l.placements.length ? l.plan.initiatives.indexOf(l.placements[0]!.initiative) : Number.MAX_SAFE_INTEGER,
  ];
  for (const list of out.values())
    list.sort((a, b) => {
      const [na, ia] = order(a);
      const [nb, ib] = order(b);
      return na! - nb! || ia! - ib! || a.indicator.id.localeCompare(b.indicator.id);
    });
  return out;
}

/** An indicator's values grouped by the document that prints them (in first-seen order), each group oldest first. */
export function seriesByDocument(series: readonly Figure[]): SeriesGroup[] {
  const groups = new Map<string, Figure[]>();
  for (const f of series) groups.set(f.source.document, [...(groups.get(f.source.document) ?? []), f]);
  return [...groups].map(([document, figures]) => ({ document, figures: sortFigures(figures) }));
}

function initiativeRelations(plan: Plan, initiative: Initiative, sections: PlanSection[]) {
  const groups = sections.flatMap((s) => s.initiatives.map((group) => ({ group, issue: s.issue })));
  const at = groups.findIndex((g) => g.group.initiative.id === initiative.id);
  const here = groups[at];
  return {
    issue: here?.issue,
    programs: here?.group.programs ?? [],
    indicators: here?.group.indicators ?? [],
    /** The initiatives before and after it in the order the plan page lists them. */
    prev: at > 0 ? groups[at - 1]!.group.initiative : undefined,
    next: at >= 0 ? groups[at + 1]?.group.initiative : undefined,
  };
}

function indicatorRelations(indicator: Indicator, byId: ById, listings: Map<string, IndicatorListing[]>) {
  return {
    /** The plans that list it, in the order of the indicator's listings. */
    listings: indicator.listings.flatMap(
      (l) => listings.get(l.plan)?.find((x) => x.indicator.id === indicator.id && x.listing === l) ?? [],
    ),
    programs: indicator.programs.flatMap((link) => {
      const program = byId.programs.get(link.program);
      return program ? [{ program, link }] : [];
    }),
    seriesByDocument: seriesByDocument(indicator.series),
    trend: indicatorTrend(indicator.series),
  };
}

/** document id → citing kind → entries with the headings they cite; one pass over every citing entry. */
function citationIndex(c: Collections): Map<string, CitationGroup[]> {
  const out = new Map<string, CitationGroup[]>();
  for (const name of CITING_COLLECTIONS) {
    const kind = COLLECTIONS[name].citing;
    for (const entry of c[name] as CitingEntry[]) {
      for (const [document, headings] of refsByDocument(entry)) {
        const groups = out.get(document) ?? [];
        let group = groups.at(-1);
        if (group?.kind !== kind) groups.push((group = { kind, entries: [] }));
        group.entries.push({ entry, headings });
        out.set(document, groups);
      }
    }
  }
  return out;
}

interface ProgramIndex {
  children: Map<string, Program[]>;
  mentions: Map<string, ProgramMention[]>;
  subsidyGroups: Map<string, SubsidyGroup[]>;
}

function programRelations(program: Program, byId: ById, index: ProgramIndex) {
  return {
    parent: program.parent ? byId.programs.get(program.parent) : undefined,
    children: index.children.get(program.id) ?? [],
    bureau: program.bureau ? byId.bureaus.get(program.bureau) : undefined,
    funding: program.funding.flatMap((link) => {
      const fund = byId.funds.get(link.fund);
      return fund ? [{ fund, fiscal_years: link.fiscal_years }] : [];
    }),
    planLinks: program.plan_links.flatMap((link) => {
      const plan = byId.plans.get(link.plan);
      const initiative = plan?.initiatives.find((i) => i.id === link.initiative);
      if (!plan || !initiative) return [];
      const issue = initiative.issue ? plan.issues.find((i) => i.id === initiative.issue) : undefined;
      return [{ link, plan, initiative, issue }];
    }),
    sites: program.sites.flatMap((site) => {
      const municipality = byId.municipalities.get(site.municipality);
      return municipality ? [{ site, municipality }] : [];
    }),
    /** Meetings that discuss the program, by date; agenda items before handouts within a meeting. */
    mentions: index.mentions.get(program.id) ?? [],
    /** 国庫負担 groups the program is in: the document marks some of their programs without saying which. */
    subsidyGroups: index.subsidyGroups.get(program.id) ?? [],
  };
}

function committeeRelations(committee: Committee, byId: ById, index: CommitteeIndex) {
  // Regulations the committee names, and those that say they govern it.
  const governing = (index.governedBy.get(committee.id) ?? []).map((r) => r.id);
  return {
    parent: committee.parent ? byId.committees.get(committee.parent) : undefined,
    children: index.children.get(committee.id) ?? [],
    regulations: resolve([...new Set([...committee.regulations, ...governing])], byId.regulations),
    /** Newest first. */
    meetings: [...(index.meetings.get(committee.id) ?? [])].reverse(),
    /** Newest roster first. */
    rosters: [...committee.rosters].sort(
      (a, b) => b.fiscal_year - a.fiscal_year || (b.as_of ?? '').localeCompare(a.as_of ?? ''),
    ),
  };
}

interface CommitteeIndex {
  children: Map<string, Committee[]>;
  governedBy: Map<string, Regulation[]>;
  /** Meetings of each committee, by date. */
  meetings: Map<string, Meeting[]>;
}

function meetingRelations(
  meeting: Meeting,
  byId: ById,
  index: CommitteeIndex,
  aboutMeeting: Map<string, HandoutRef[]>,
) {
  const committee = byId.committees.get(meeting.committee)!;
  const siblings = index.meetings.get(committee.id) ?? [];
  const at = siblings.findIndex((m) => m.id === meeting.id);
  const labels = new Set(meeting.handouts.map((h) => h.label));
  return {
    committee,
    roster: rosterInForce(committee, meeting),
    prev: at > 0 ? siblings[at - 1] : undefined,
    next: at >= 0 ? siblings[at + 1] : undefined,
    agenda: meeting.agenda.map((item) => ({
      item,
      programs: resolve(item.programs, byId.programs),
      /** The item's handouts, and whether the meeting lists each (then it can be linked). */
      handouts: item.handouts.map((label) => ({ label, listed: labels.has(label) })),
    })),
    handouts: meeting.handouts.map((handout) => ({
      handout,
      programs: resolve(handout.programs, byId.programs),
      regulation: handout.regulation ? byId.regulations.get(handout.regulation) : undefined,
      meeting: handout.meeting ? byId.meetings.get(handout.meeting) : undefined,
      survey: handout.survey ? byId.surveys.get(handout.survey) : undefined,
    })),
    /** Handouts of meetings that are about this one (e.g. its minutes handed out at the next meeting). */
    referredBy: aboutMeeting.get(meeting.id) ?? [],
  };
}

function regulationRelations(
  regulation: Regulation,
  byId: ById,
  derived: Map<string, Regulation[]>,
  about: Map<string, HandoutRef[]>,
) {
  return {
    basedOn: regulation.based_on ? byId.regulations.get(regulation.based_on) : undefined,
    derived: derived.get(regulation.id) ?? [],
    governs: resolve(regulation.governs, byId.committees),
    /** Meetings where it was a handout. */
    handedOut: about.get(regulation.id) ?? [],
  };
}

export function relationsOf(c: Collections): Relations {
  const byId = indexById(c);
  const meetingsByDate = [...c.meetings].sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  const childPrograms = byKey(c.programs, (p) => p.parent);
  const subsidyGroups = new Map<string, SubsidyGroup[]>();
  const planSubsidyGroups = new Map<string, SubsidyGroup[]>();
  for (const plan of c.plans) {
    for (const group of plan.national_subsidy_groups) {
      const entry = { plan, group, programs: resolve(group.programs, byId.programs) };
      planSubsidyGroups.set(plan.id, [...(planSubsidyGroups.get(plan.id) ?? []), entry]);
      for (const id of group.programs) subsidyGroups.set(id, [...(subsidyGroups.get(id) ?? []), entry]);
    }
  }
  const mentions = new Map<string, ProgramMention[]>();
  for (const meeting of meetingsByDate) {
    const add = (id: string, where: ProgramMention['where']) =>
      mentions.set(id, [...(mentions.get(id) ?? []), { meeting, where }]);
    for (const item of meeting.agenda) for (const id of item.programs) add(id, { kind: 'agenda', number: item.number });
    for (const h of meeting.handouts) for (const id of h.programs) add(id, { kind: 'handout', label: h.label });
  }
  const committees: CommitteeIndex = {
    children: byKey(c.committees, (x) => x.parent),
    governedBy: new Map(),
    meetings: byKey(meetingsByDate, (m) => m.committee),
  };
  for (const r of c.regulations)
    for (const id of r.governs) committees.governedBy.set(id, [...(committees.governedBy.get(id) ?? []), r]);
  const derivedRegulations = byKey(c.regulations, (r) => r.based_on);
  const handouts = {
    meeting: handoutsBy(c.meetings, 'meeting'),
    regulation: handoutsBy(c.meetings, 'regulation'),
    survey: handoutsBy(c.meetings, 'survey'),
  };
  const initiatives = initiativeIndex(c.programs);
  const listings = listingIndex(c.indicators, byId.plans);
  const sectionsOf = (plan: Plan) => planSections(plan, initiatives.get(plan.id), listings.get(plan.id) ?? []);
  const sectionCache = new Map<string, PlanSection[]>();
  const cachedSections = (plan: Plan) => {
    const cached = sectionCache.get(plan.id) ?? sectionsOf(plan);
    sectionCache.set(plan.id, cached);
    return cached;
  };
  const programIndicators = new Map<string, ProgramIndicator[]>();
  for (const indicator of c.indicators) {
    const trend = indicatorTrend(indicator.series);
    for (const link of indicator.programs)
      programIndicators.set(link.program, [...(programIndicators.get(link.program) ?? []), { indicator, link, trend }]);
  }
  const citations = citationIndex(c);
  const meetingsInYear = byKey(c.meetings, (m) => m.fiscal_year);
  const programsInPlan = byKey(
    c.programs.flatMap((p) => [...new Set(p.plan_links.map((l) => l.plan))].map((plan) => ({ plan, p }))),
    (x) => x.plan,
  );

  const plansInOrder = [...c.plans].sort(
    (a, b) =>
      PLAN_KIND_ORDER.indexOf(a.kind) - PLAN_KIND_ORDER.indexOf(b.kind) ||
      (b.period.to ?? b.period.from ?? 0) - (a.period.to ?? a.period.from ?? 0),
  );
  const programsByBureau: BureauGroup[] = c.bureaus
    .map((bureau) => ({ bureau, programs: c.programs.filter((p) => p.bureau === bureau.id) }))
    .filter((g) => g.programs.length > 0);
  const noBureau = c.programs.filter((p) => !p.bureau || !byId.bureaus.has(p.bureau));
  if (noBureau.length) programsByBureau.push({ programs: noBureau });

  return {
    byId,
    topLevelPrograms: c.programs.filter((p) => !p.parent),
    programsWithoutPlan: c.programs.filter((p) => p.plan_links.length === 0),
    rootCommittees: c.committees.filter((x) => !x.parent || !byId.committees.has(x.parent)),
    programsByBureau,
    programsByPlan: plansInOrder
      .filter((plan) => [...(initiatives.get(plan.id)?.values() ?? [])].some((list) => list.length > 0))
      .map((plan) => ({ plan, sections: cachedSections(plan) })),
    meetingsByCommittee: c.committees.flatMap((committee) => {
      const meetings = committees.meetings.get(committee.id) ?? [];
      const years = [...new Set(meetings.map((m) => m.fiscal_year))].sort((a, b) => b - a);
      if (!years.length) return [];
      const ofYear = (year: number) =>
        meetings.filter((m) => m.fiscal_year === year).sort((a, b) => a.ordinal - b.ordinal);
      return [{ committee, years: years.map((year) => ({ year, meetings: ofYear(year) })) }];
    }),
    plansInOrder,
    indicatorsInOrder: [...c.indicators].sort((a, b) => {
      const rank = (i: Indicator) => {
        const first = plansInOrder.findIndex((p) => i.listings.some((l) => l.plan === p.id));
        const listing = i.listings.find((l) => l.plan === plansInOrder[first]?.id);
        return [first < 0 ? plansInOrder.length : first, listing?.number ?? Number.MAX_SAFE_INTEGER] as const;
      };
      const [pa, na] = rank(a);
      const [pb, nb] = rank(b);
      return pa - pb || na - nb || a.id.localeCompare(b.id);
    }),
    latestMeeting: meetingsByDate.at(-1),
    meetingsInYear: (year) => meetingsInYear.get(year) ?? [],
    committeeOf: (meeting) => byId.committees.get(meeting.committee)!,
    program: (program) => ({
      ...programRelations(program, byId, { children: childPrograms, mentions, subsidyGroups }),
      /** Indicators reported under the program, with their first and latest values. */
      indicators: programIndicators.get(program.id) ?? [],
    }),
    committee: (committee) => committeeRelations(committee, byId, committees),
    meeting: (meeting) => meetingRelations(meeting, byId, committees, handouts.meeting),
    plan: (plan) => ({
      sections: cachedSections(plan),
      programCount: programsInPlan.get(plan.id)?.length ?? 0,
      indicators: listings.get(plan.id) ?? [],
      subsidyGroups: planSubsidyGroups.get(plan.id) ?? [],
    }),
    initiative: (plan, initiative) => initiativeRelations(plan, initiative, cachedSections(plan)),
    indicator: (indicator) => indicatorRelations(indicator, byId, listings),
    regulation: (regulation) => regulationRelations(regulation, byId, derivedRegulations, handouts.regulation),
    survey: (survey) => ({
      programs: resolve(survey.programs, byId.programs),
      /** Meetings where it was presented as a handout. */
      presentedAt: handouts.survey.get(survey.id) ?? [],
    }),
    citationsOf: (documentId) => citations.get(documentId) ?? [],
  };
}
