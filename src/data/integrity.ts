/**
 * Checks across entries that a schema cannot see: duplicate ids, references to missing entries
 * (Astro's reference() only logs them), headings that do not occur in their source document,
 * figures outside their program's span, English text that is still Japanese, stated totals
 * that disagree with the sum of their declared parts, loops in parent/based_on chains, and
 * duplicates (a person twice in a roster, an issue and an initiative with one id), and indicators whose
 * plans, 取組, programs, units or printed texts do not hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Committee } from '../schemas/committee.ts';
import type { Figure } from '../schemas/figure.ts';
import type { Meeting } from '../schemas/meeting.ts';
import type { Plan } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Program } from '../schemas/program.ts';
import type { Regulation } from '../schemas/regulation.ts';
import type { Source } from '../schemas/source.ts';
import type { Bureau } from '../schemas/bureau.ts';
import type { Survey } from '../schemas/survey.ts';
import {
  entriesOf,
  formatField,
  type IntegritySummary,
  type LoadedEntry,
  type LoadResult,
  type Problem,
} from './load.ts';
import { searchKey } from '../lib/text.ts';
import { RESERVED_MEETING_IDS, RESERVED_PROGRAM_SEGMENTS } from '../lib/urls.ts';
import { statedTotal, type PartProblem } from '../lib/stated-totals.ts';
import { checkDay } from './check-day.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

type Path = (string | number)[];

// ── Summaries: what the rules read of an entry ───────────────────────────────────────────────

/** What the rules read of a figure (stated totals, spans, ids). */
type FigureView = Pick<Figure, 'id' | 'fiscal_year' | 'kind' | 'unit' | 'value' | 'total_of'>;

/**
 * What the rules below read of a program. They are written against this type, so a rule that reads any
 * other field of a program does not compile until the field is added here (and to programView).
 */
type ProgramView = Pick<
  Program,
  'id' | 'former_ids' | 'parent' | 'separate_budget_in' | 'bureau' | 'committee' | 'span' | 'sites_note'
> & {
  plan_links: Pick<Program['plan_links'][number], 'plan' | 'initiative'>[];
  funding: Pick<Program['funding'][number], 'fund'>[];
  sites: Pick<Program['sites'][number], 'municipality' | 'note'>[];
  national_subsidy?: Pick<NonNullable<Program['national_subsidy']>, 'marked'>;
  figures: FigureView[];
  changes: Pick<Program['changes'][number], 'date'>[];
};

/** The object with only the given keys that it has (JSON drops undefined anyway). */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

function programView(p: Program): ProgramView {
  return {
    ...pick(p, ['id', 'former_ids', 'parent', 'separate_budget_in', 'bureau', 'committee', 'span', 'sites_note']),
    plan_links: p.plan_links.map((l) => pick(l, ['plan', 'initiative'])),
    funding: p.funding.map((f) => pick(f, ['fund'])),
    sites: p.sites.map((s) => pick(s, ['municipality', 'note'])),
    ...(p.national_subsidy ? { national_subsidy: pick(p.national_subsidy, ['marked']) } : {}),
    figures: p.figures.map((f) => pick(f, ['id', 'fiscal_year', 'kind', 'unit', 'value', 'total_of'])),
    changes: p.changes.map((c) => pick(c, ['date'])),
  };
}

/** A `{document, heading}` citation anywhere in an entry. */
function citationOf(value: unknown): [document: string, heading: string] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { document, heading } = value as Record<string, unknown>;
  return typeof document === 'string' && typeof heading === 'string' ? [document, heading] : undefined;
}

/** The English of a `{ja, en}` text when it contains Japanese characters. */
function japaneseEnglish(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { ja, en } = value as Record<string, unknown>;
  return typeof ja === 'string' && typeof en === 'string' && JAPANESE.test(en) ? en : undefined;
}

/**
 * The integrity summary of a valid entry, kept by `npm run check`'s cache instead of the entry's data (a
 * tenth of its size for a program): the rules run on `view`, and the entry is read again in full only
 * when one of its citations or English texts has a problem (to report each at its path).
 */
export function summarize(collection: string, data: unknown): IntegritySummary {
  const citations = new Map<string, [string, string]>();
  let japaneseInEnglish = false;
  walk(data, [], (value) => {
    const citation = citationOf(value);
    if (citation) citations.set(`${citation[0]}\u0000${citation[1]}`, citation);
    if (japaneseEnglish(value) !== undefined) japaneseInEnglish = true;
  });
  const view = collection === 'programs' ? storeProgramView(programView(data as Program)) : data;
  return { view, citations: [...citations.values()], japaneseInEnglish };
}

/**
 * A figure as a summary keeps it: [fiscal_year, kind, unit, value, id, total_of] without object keys, which
 * were two thirds of a program's summary (20 figures a program), so of the JSON the warm check reads.
 */
type StoredFigure = [
  FigureView['fiscal_year'],
  FigureView['kind'],
  FigureView['unit'],
  FigureView['value'],
  (FigureView['id'] | null)?,
  FigureView['total_of']?,
];
type StoredProgramView = Omit<ProgramView, 'figures'> & { figures: StoredFigure[] };

function storeProgramView(view: ProgramView): StoredProgramView {
  return {
    ...view,
    figures: view.figures.map((f): StoredFigure => {
      const stored: StoredFigure = [f.fiscal_year, f.kind, f.unit, f.value];
      if (f.total_of) stored.push(f.id ?? null, f.total_of);
      else if (f.id !== undefined) stored.push(f.id);
      return stored;
    }),
  };
}

function programViewOf(stored: StoredProgramView): ProgramView {
  return {
    ...stored,
    figures: stored.figures.map(([fiscal_year, kind, unit, value, id, total_of]) => ({
      fiscal_year,
      kind,
      unit,
      value,
      ...(id != null ? { id } : {}),
      ...(total_of ? { total_of } : {}),
    })),
  };
}

/** The entries as the rules read them: a summarised program's stored figures unpacked. */
function readableEntries(entries: LoadedEntry[]): LoadedEntry[] {
  return entries.map((e) =>
    e.summary && e.collection === 'programs' ? { ...e, data: programViewOf(e.data as StoredProgramView) } : e,
  );
}

// ── What an entry's problems depend on (the incremental check, check-incremental.ts) ─────────────

/** An id as the schemas allow it (common.ts): only such strings can name an entry. */
const ID_SHAPED = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What links an entry to the others, for the incremental check. The rules below read other entries only
 * through keys: an id (has, need, programById, planById, committeeById, duplicate ids, chains), a former id
 * (the first program to claim it), a meeting's committee/year/ordinal and a plan's indicator number (their
 * first owner). So:
 * - `claims`: the keys under which other entries' rules may read this entry (its id, its former ids, its
 *   meeting ordinal, its indicator numbers);
 * - `deps`: the keys whose entries this entry's rules may read: every id-shaped string of its summary view
 *   (a superset of the ids it names, its own id included) and its own ordinal and numbers;
 * - `link`: the id its parent/based_on chain continues with (checkChains), for the chain's further keys.
 * An entry's problems are the same in any set of entries that holds it, every entry claiming one of its
 * deps (with the chain's), and the sources: that is what the incremental check relies on. A new rule that
 * reads another entry by anything else must add that key here (the differential test in
 * tests/unit/check-incremental.test.ts is there to catch it).
 */
export interface IntegrityKeys {
  claims: string[];
  deps: string[];
  link?: string;
}

/** Chains checked by checkChains: the collection and the field that links an entry to the next. */
const CHAIN_FIELDS: Partial<Record<string, string>> = {
  programs: 'parent',
  regulations: 'based_on',
  bureaus: 'parent',
  committees: 'parent',
};

/** The keys of an entry, from its view as the loader gives it (a summary's view, or the whole data). */
export function integrityKeys(collection: string, view: unknown): IntegrityKeys {
  const data = view as Record<string, unknown>;
  const claims = [data.id as string];
  if (collection === 'programs') claims.push(...((data.former_ids as string[] | undefined) ?? []));
  if (collection === 'meetings') claims.push(`#ordinal ${data.committee}/${data.fiscal_year}/${data.ordinal}`);
  if (collection === 'indicators')
    for (const listing of (data.listings as { plan: string; number?: number }[] | undefined) ?? [])
      if (listing.number !== undefined) claims.push(`#number ${listing.plan}#${listing.number}`);
  const deps = new Set<string>(claims);
  walk(view, [], (value) => {
    if (typeof value === 'string' && ID_SHAPED.test(value)) deps.add(value);
  });
  const field = CHAIN_FIELDS[collection];
  const link = field === undefined ? undefined : data[field];
  return { claims, deps: [...deps], ...(typeof link === 'string' ? { link } : {}) };
}

/**
 * How the incremental check (check-incremental.ts) runs the rules on some entries only: `loaded` then holds those
 * entries and every entry they depend on (integrityKeys), in the loader's order.
 */
export interface IntegrityScope {
  /** Every valid entry's id per collection, of the whole tree (`loaded` holds only some entries). */
  knownIds?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The entries whose problems are wanted; the others are context (looked up, never reported). */
  reportsFor?: (entry: LoadedEntry) => boolean;
  /** Told each problem with the entry it is about. */
  owner?: (problem: Problem, entry: LoadedEntry) => void;
}

export function checkIntegrity(
  loaded: LoadResult,
  projectRoot: string,
  today = checkDay(),
  scope: IntegrityScope = {},
): Problem[] {
  const result = { ...loaded, entries: readableEntries(loaded.entries) };
  const problems: Problem[] = [];
  const wanted = scope.reportsFor ?? (() => true);
  const report = (entry: LoadedEntry, path: Path, message: string) => {
    if (!wanted(entry)) return;
    const full = [...entry.pathInFile, ...path];
    const pos = entry.locate(full);
    const problem = { file: entry.file, line: pos?.line, column: pos?.column, field: formatField(full), message };
    problems.push(problem);
    scope.owner?.(problem, entry);
  };

  // Duplicate ids within each collection (across files too).
  const ids = new Map<string, Set<string>>();
  for (const entry of result.entries) {
    const seen = ids.get(entry.collection) ?? new Set<string>();
    if (seen.has(entry.id))
      report(entry, ['id'], `duplicate ${entry.collection} id "${entry.id}" (ids are unique across all files)`);
    seen.add(entry.id);
    ids.set(entry.collection, seen);
  }
  // An entry that failed its schema still exists: references to it are not reported as dangling.
  const knownIds = scope.knownIds ?? ids;
  const has = (collection: string, id: string) =>
    (knownIds.get(collection)?.has(id) ?? false) || (result.invalid.get(collection as never)?.has(id) ?? false);
  const need = (entry: LoadedEntry, path: Path, collection: string, id: string | undefined) => {
    if (id !== undefined && !has(collection, id))
      report(entry, path, `refers to ${collection} "${id}", which does not exist`);
  };

  // Source documents: every {document, heading} anywhere must name a source whose text contains the heading.
  const sourceText = new Map<string, string>();
  for (const s of entriesOf<Source>(result, 'sources')) {
    const abs = join(projectRoot, s.data.file);
    if (!existsSync(abs)) report(s, ['file'], `source file ${s.data.file} does not exist`);
    else sourceText.set(s.id, searchKey(readFileSync(abs, 'utf8')));
  }

  const programs = entriesOf<ProgramView>(result, 'programs');
  const programById = new Map(programs.map((p) => [p.id, p.data]));
  const plans = entriesOf<Plan>(result, 'plans');
  const planById = new Map(plans.map((p) => [p.id, p.data]));
  const committees = entriesOf<Committee>(result, 'committees');
  const committeeById = new Map(committees.map((c) => [c.id, c.data]));

  // Thousands of figures cite the same few headings: look each one up in its document once.
  const headingFound = new Map<string, boolean>();
  const occurs = (document: string, text: string, heading: string) => {
    const key = `${document}\u0000${heading}`;
    let found = headingFound.get(key);
    if (found === undefined) headingFound.set(key, (found = text.includes(searchKey(heading))));
    return found;
  };
  const citationHolds = (document: string, heading: string) => {
    const text = sourceText.get(document);
    return has('sources', document) && (text === undefined || occurs(document, text, heading));
  };
  for (const entry of result.entries) {
    // An entry known by its summary is walked only when the summary shows a problem: then in full, for the paths.
    const summary = entry.summary;
    if (!wanted(entry)) continue;
    if (summary && !summary.japaneseInEnglish && summary.citations.every(([d, h]) => citationHolds(d, h))) continue;
    walk(summary && entry.full ? entry.full() : entry.data, [], (value, path) => {
      const citation = citationOf(value);
      if (citation && !citationHolds(...citation)) {
        const [document, heading] = citation;
        if (!has('sources', document))
          report(entry, [...path, 'document'], `refers to source "${document}", which is not in data/sources.yaml`);
        else
          report(
            entry,
            [...path, 'heading'],
            `heading "${heading}" does not occur in ${document} ` +
              '(copy it from the document; spaces and full-/half-width are ignored)',
          );
      }
      const english = japaneseEnglish(value);
      if (english !== undefined)
        report(
          entry,
          [...path, 'en'],
          `English text contains Japanese characters: ${JSON.stringify(english.slice(0, 60))}`,
        );
    });
  }

  // Programs.
  for (const entry of programs) {
    const p = entry.data;
    need(entry, ['parent'], 'programs', p.parent);
    if (p.separate_budget_in.length > 0 && !p.parent)
      report(
        entry,
        ['separate_budget_in'],
        'separate_budget_in says when a component is budgeted apart from its parent: give parent too',
      );
    need(entry, ['bureau'], 'bureaus', p.bureau);
    need(entry, ['committee'], 'committees', p.committee);
    p.plan_links.forEach((link, i) => {
      const plan = planById.get(link.plan);
      if (!plan) report(entry, ['plan_links', i, 'plan'], `refers to plan "${link.plan}", which does not exist`);
      else if (!plan.initiatives.some((it) => it.id === link.initiative))
        report(entry, ['plan_links', i, 'initiative'], `plan "${link.plan}" has no initiative "${link.initiative}"`);
    });
    p.funding.forEach((f, i) => need(entry, ['funding', i, 'fund'], 'funds', f.fund));
    p.sites.forEach((s, i) => need(entry, ['sites', i, 'municipality'], 'municipalities', s.municipality));
    // A note that applies to several sites is said once, in sites_note (pages show it once too).
    const noteKey = (n: { ja: string; en: string }) => `${n.ja}\u0000${n.en}`;
    const firstWithNote = new Map<string, number>();
    p.sites.forEach((s, i) => {
      if (!s.note) return;
      const key = noteKey(s.note);
      const first = firstWithNote.get(key);
      if (p.sites_note && key === noteKey(p.sites_note))
        report(entry, ['sites', i, 'note'], 'this note repeats sites_note: say it once, in sites_note');
      else if (first !== undefined)
        report(
          entry,
          ['sites', i, 'note'],
          `the same note as sites[${first}]: a note that applies to several sites is said once, in sites_note`,
        );
      else firstWithNote.set(key, i);
    });
    // Ids and former ids become /programs/<id>/ pages or redirects: they may not take a path the site uses.
    const reserved = (id: string) => (RESERVED_PROGRAM_SEGMENTS as readonly string[]).includes(id);
    if (reserved(p.id)) report(entry, ['id'], `"${p.id}" is reserved: /programs/${p.id}/ is a page of the site`);
    p.former_ids.forEach((fid, i) => {
      if (programById.has(fid)) report(entry, ['former_ids', i], `former id "${fid}" is the id of a current program`);
      if (reserved(fid))
        report(entry, ['former_ids', i], `former id "${fid}" is reserved: /programs/${fid}/ is a page of the site`);
    });
    checkFigures(entry, ['figures'], p.figures, p.span, report);
    checkTotals(entry, ['figures'], p.figures, programById, result.invalid.get('programs'), report, entry.id);
  }
  checkChains(programs, (p) => p.parent, 'parent', report);
  // A former id may redirect to one program only.
  const formerOwner = new Map<string, string>();
  for (const entry of programs)
    entry.data.former_ids.forEach((fid, i) => {
      const other = formerOwner.get(fid);
      if (other) report(entry, ['former_ids', i], `former id "${fid}" is also claimed by "${other}"`);
      formerOwner.set(fid, entry.id);
    });

  // Plans: initiative → issue, unique inner ids.
  for (const entry of plans) {
    const plan = entry.data;
    uniqueIds(entry, ['issues'], plan.issues, report);
    uniqueIds(entry, ['initiatives'], plan.initiatives, report);
    const issueIds = new Set(plan.issues.map((i) => i.id));
    // Issues and initiatives are both anchors (#id) on the plan page.
    plan.initiatives.forEach((it, i) => {
      if (issueIds.has(it.id)) {
        const message = `initiative id "${it.id}" is also an issue id (both are anchors #${it.id} on the plan page)`;
        report(entry, ['initiatives', i, 'id'], message);
      }
    });
    plan.initiatives.forEach((it, i) => {
      if (it.issue && !issueIds.has(it.issue))
        report(entry, ['initiatives', i, 'issue'], `plan has no issue "${it.issue}"`);
      // Targets may run past the plan period (e.g. a 令和3年度目標 in the last year's self-evaluation): no span check.
      checkFigures(entry, ['initiatives', i, 'figures'], it.figures, undefined, report);
      checkTotals(
        entry,
        ['initiatives', i, 'figures'],
        it.figures,
        programById,
        result.invalid.get('programs'),
        report,
      );
      it.references.forEach((ref, j) => {
        const text = sourceText.get(ref.source.document);
        if (text !== undefined && !text.includes(searchKey(ref.label.ja)))
          report(
            entry,
            ['initiatives', i, 'references', j, 'label', 'ja'],
            `"${ref.label.ja}" is not printed in ${ref.source.document}`,
          );
      });
    });
    // 国庫負担 groups: existing programs linked to this plan, each in one group, none with a mark of its own.
    uniqueIds(entry, ['national_subsidy_groups'], plan.national_subsidy_groups, report);
    const grouped = new Set<string>();
    plan.national_subsidy_groups.forEach((g, i) => {
      g.programs.forEach((pid, j) => {
        const path = ['national_subsidy_groups', i, 'programs', j];
        if (grouped.has(pid)) report(entry, path, `program "${pid}" is in two national_subsidy_groups of this plan`);
        grouped.add(pid);
        const program = programById.get(pid);
        if (!program) {
          need(entry, path, 'programs', pid);
          return;
        }
        if (!program.plan_links.some((l) => l.plan === plan.id))
          report(entry, path, `program "${pid}" has no plan_links entry for this plan`);
        if (program.national_subsidy)
          report(entry, path, `program "${pid}" also has national_subsidy of its own: keep one statement (the group)`);
      });
    });
  }

  checkIndicators(entriesOf<Indicator>(result, 'indicators'), planById, sourceText, need, report);

  // Committees.
  for (const entry of committees) {
    const c = entry.data;
    need(entry, ['parent'], 'committees', c.parent);
    c.regulations.forEach((r, i) => need(entry, ['regulations', i], 'regulations', r));
    uniqueIds(entry, ['rosters'], c.rosters, report);
    // One person, one row: the same name twice (e.g. as 部会長 and as 委員) is a copying mistake.
    c.rosters.forEach((roster, r) => {
      const seen = new Map<string, number>();
      roster.members.forEach((member, i) => {
        const first = seen.get(searchKey(member.name));
        if (first === undefined) seen.set(searchKey(member.name), i);
        else {
          const also = `members[${first}], as ${roster.members[first]!.role}`;
          const message = `${member.name} is listed twice in roster "${roster.id}" (also ${also})`;
          report(entry, ['rosters', r, 'members', i, 'name'], message);
        }
      });
    });
  }
  checkChains(committees, (c) => c.parent, 'parent', report);

  // Meetings.
  const ordinals = new Map<string, string>();
  for (const entry of entriesOf<Meeting>(result, 'meetings')) {
    const m = entry.data;
    if ((RESERVED_MEETING_IDS as readonly string[]).includes(m.id))
      report(entry, ['id'], `"${m.id}" is reserved: /meetings/all.ics and /meetings/page/N/ are pages of the site`);
    need(entry, ['committee'], 'committees', m.committee);
    const committee = committeeById.get(m.committee);
    if (m.roster && committee && !committee.rosters.some((r) => r.id === m.roster))
      report(entry, ['roster'], `committee "${m.committee}" has no roster "${m.roster}"`);
    const key = `${m.committee}/${m.fiscal_year}/${m.ordinal}`;
    if (ordinals.has(key))
      report(
        entry,
        ['ordinal'],
        `meeting ${m.fiscal_year} #${m.ordinal} of "${m.committee}" is also "${ordinals.get(key)}"`,
      );
    ordinals.set(key, m.id);
    const labels = new Set<string>();
    m.handouts.forEach((h, i) => {
      if (labels.has(h.label)) report(entry, ['handouts', i, 'label'], `handout "${h.label}" is listed twice`);
      labels.add(h.label);
      h.programs.forEach((pid, j) => need(entry, ['handouts', i, 'programs', j], 'programs', pid));
      need(entry, ['handouts', i, 'regulation'], 'regulations', h.regulation);
      need(entry, ['handouts', i, 'meeting'], 'meetings', h.meeting);
      need(entry, ['handouts', i, 'survey'], 'surveys', h.survey);
    });
    m.agenda.forEach((a, i) => {
      a.programs.forEach((pid, j) => need(entry, ['agenda', i, 'programs', j], 'programs', pid));
      a.handouts.forEach((label, j) => {
        if (!labels.has(label)) report(entry, ['agenda', i, 'handouts', j], `no handout "${label}" in this meeting`);
      });
    });
  }

  for (const entry of entriesOf<Survey>(result, 'surveys')) {
    entry.data.programs.forEach((pid, i) => need(entry, ['programs', i], 'programs', pid));
    checkFigures(entry, ['figures'], entry.data.figures, undefined, report);
    uniqueIds(entry, ['previous_survey', 'figures'], entry.data.previous_survey?.figures ?? [], report);
  }

  const regulations = entriesOf<Regulation>(result, 'regulations');
  for (const entry of regulations) {
    need(entry, ['based_on'], 'regulations', entry.data.based_on);
    entry.data.governs.forEach((c, i) => need(entry, ['governs', i], 'committees', c));
  }
  checkChains(regulations, (r) => r.based_on, 'based_on', report);
  const bureaus = entriesOf<Bureau>(result, 'bureaus');
  for (const entry of bureaus) need(entry, ['parent'], 'bureaus', entry.data.parent);
  checkChains(bureaus, (b) => b.parent, 'parent', report);

  for (const entry of result.entries) checkChangeNotes(entry, today, report);

  return problems;
}

export { checkDay } from './check-day.ts';

/**
 * Change notes: oldest first, none dated after the day of the check, and none on a meeting dated before
 * the meeting took place (its date, or the first day of its month) — the first publication known of it.
 */
function checkChangeNotes(entry: LoadedEntry, today: string, report: Report): void {
  const data = entry.data as { changes?: { date: string }[]; date?: string; month?: string };
  if (!Array.isArray(data.changes)) return;
  const earliest =
    entry.collection === 'meetings' ? (data.date ?? (data.month ? `${data.month}-01` : undefined)) : undefined;
  data.changes.forEach((note, i) => {
    if (note.date > today)
      report(entry, ['changes', i, 'date'], `change note dated ${note.date}, after today (${today})`);
    if (earliest && note.date < earliest)
      report(entry, ['changes', i, 'date'], `change note dated ${note.date}, before the meeting itself (${earliest})`);
    const previous = data.changes![i - 1];
    if (previous && note.date < previous.date)
      report(
        entry,
        ['changes', i, 'date'],
        `change notes are listed oldest first: ${note.date} comes after ${previous.date}`,
      );
  });
}

/**
 * Visits every value with its path. The path is one array pushed and popped as the walk goes (copying
 * it at every value was a third of the check at 10,000 programs): `visit` copies it when it keeps it.
 */
function walk(value: unknown, path: Path, visit: (value: unknown, path: Path) => void): void {
  visit(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], path, visit);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const key in value) {
      path.push(key);
      walk((value as Record<string, unknown>)[key], path, visit);
      path.pop();
    }
  }
}

type Report = (entry: LoadedEntry, path: Path, message: string) => void;

/**
 * A chain of links (parent, based_on) must end: an entry may not link to itself, and following the
 * links from it may not come back to an entry already passed (a parent cycle hides its committees
 * from every list that starts at the top).
 */
function checkChains<T>(
  entries: LoadedEntry<T>[],
  next: (data: T) => string | undefined,
  field: string,
  report: Report,
) {
  const byId = new Map(entries.map((e) => [e.id, e.data]));
  for (const entry of entries) {
    const first = next(entry.data);
    if (first === entry.id) {
      report(entry, [field], `"${entry.id}" cannot be its own ${field}`);
      continue;
    }
    const chain = [entry.id];
    for (let cur = first; cur !== undefined;) {
      if (chain.includes(cur)) {
        report(entry, [field], `${field} chain loops: ${[...chain, cur].join(' → ')}`);
        break;
      }
      chain.push(cur);
      const data = byId.get(cur);
      cur = data === undefined ? undefined : next(data);
    }
  }
}

function uniqueIds(entry: LoadedEntry, path: Path, items: { id?: string }[], report: Report) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!item.id) return;
    if (seen.has(item.id)) report(entry, [...path, i, 'id'], `id "${item.id}" is used twice here`);
    seen.add(item.id);
  });
}

function checkFigures(
  entry: LoadedEntry,
  path: Path,
  figures: FigureView[],
  span: { from?: number; to?: number } | undefined,
  report: Report,
) {
  uniqueIds(entry, path, figures, report);
  figures.forEach((f, i) => {
    if (span?.from !== undefined && f.fiscal_year < span.from)
      report(entry, [...path, i, 'fiscal_year'], `fiscal year ${f.fiscal_year} is before the span (from ${span.from})`);
    if (span?.to !== undefined && f.fiscal_year > span.to)
      report(entry, [...path, i, 'fiscal_year'], `fiscal year ${f.fiscal_year} is after the span (to ${span.to})`);
  });
}

/**
 * Stated totals: a figure with `total_of` must equal the sum of its parts' figures of the same year, kind and unit.
 * `ownerProgram` is the id of the program the figures belong to (undefined for plan indicators).
 */
function checkTotals(
  entry: LoadedEntry,
  path: Path,
  figures: FigureView[],
  programs: Map<string, ProgramView>,
  invalid: Set<string> | undefined,
  report: Report,
  ownerProgram?: string,
) {
  figures.forEach((total, i) => {
    if (!total.total_of) return;
    const same = (f: FigureView) =>
      f.fiscal_year === total.fiscal_year && f.kind === total.kind && f.unit === total.unit;
    // ── Shape of the parts (issue 11; kept separate from the sum below so it can move with it) ──
    // A total lists each part once, never itself or its own program, and no part may itself be a total
    // of the same year, kind and unit: list that subtotal's parts instead. Nested totals are how a
    // number gets counted twice (a total naming a subtotal and one of its parts) and are refused outright.
    const where = (key: 'programs' | 'figures') => [...path, i, 'total_of', key];
    const partIds = { programs: total.total_of.programs ?? [], figures: total.total_of.figures ?? [] };
    let malformed = false;
    const refuse = (key: 'programs' | 'figures', j: number, message: string) => {
      report(entry, [...where(key), j], message);
      malformed = true;
    };
    for (const key of ['programs', 'figures'] as const) {
      partIds[key].forEach((pid, j) => {
        if (partIds[key].indexOf(pid) !== j) refuse(key, j, `part "${pid}" is listed twice`);
      });
    }
    const nested = 'list its parts instead (nested totals count twice)';
    partIds.programs.forEach((pid, j) => {
      if (pid === ownerProgram) refuse('programs', j, `a total cannot include its own program "${pid}"`);
      else if (programs.get(pid)?.figures.some((f) => same(f) && f.total_of)) {
        const what = `${total.fiscal_year} ${total.kind} in ${total.unit}`;
        refuse('programs', j, `part "${pid}" is itself a total for ${what}; ${nested}`);
      }
    });
    partIds.figures.forEach((fid, j) => {
      if (total.id !== undefined && fid === total.id) refuse('figures', j, `a total cannot include itself ("${fid}")`);
      else if (figures.find((f) => f.id === fid)?.total_of) {
        refuse('figures', j, `part "${fid}" is itself a total; ${nested}`);
      }
    });
    if (malformed) return;
    // ── The sum (the rule is lib/stated-totals.ts, shared with the fiscal-year pages) ──
    const owner = ownerProgram === undefined ? undefined : programs.get(ownerProgram);
    const result = statedTotal(
      total,
      figures,
      owner,
      (id) => programs.get(id),
      (id) => invalid?.has(id) ?? false,
    );
    const first = result.problems[0];
    if (first) {
      report(
        entry,
        [...path, i, 'total_of', first.of === 'program' ? 'programs' : 'figures'],
        partProblemMessage(first, total),
      );
    } else if (!result.agrees) {
      const parts = result.parts.map((p) => `${p.id} ${p.figure.value}`).join(' + ');
      report(
        entry,
        [...path, i, 'value'],
        `stated total ${total.value}${total.unit} ≠ sum of its parts ${result.sum}${total.unit} (${parts})`,
      );
    }
  });
}

function partProblemMessage(p: PartProblem, total: FigureView): string {
  if (p.of === 'figure')
    return p.problem === 'unknown'
      ? `no figure with id "${p.id}" here`
      : `part "${p.id}" differs in fiscal year, kind or unit`;
  if (p.problem === 'figure-count')
    return (
      `part "${p.id}" has ${p.count} figures for ${total.fiscal_year} ${total.kind} in ${total.unit} ` +
      '(needs exactly one)'
    );
  if (p.problem === 'invalid') return `cannot check this total: part "${p.id}" has problems of its own`;
  return `part "${p.id}" is not a program`;
}

type Need = (entry: LoadedEntry, path: Path, collection: string, id: string | undefined) => void;

/**
 * Indicators: the plans and 取組 they are listed under and the programs they are reported under exist; a
 * plan lists an indicator once and gives each number to one indicator; the series is in the indicator's
 * unit, with each document's value for a year recorded once; the texts said to be printed (definition,
 * data source, a listing's own name, a target) occur in the document they cite.
 */
function checkIndicators(
  indicators: LoadedEntry<Indicator>[],
  planById: Map<string, Plan>,
  sourceText: Map<string, string>,
  need: Need,
  report: Report,
) {
  const numberOwner = new Map<string, string>();
  const printed = (entry: LoadedEntry, path: Path, text: string, document: string) => {
    const source = sourceText.get(document);
    if (source !== undefined && !source.includes(searchKey(text)))
      report(entry, path, `"${text}" is not printed in ${document}`);
  };
  for (const entry of indicators) {
    const ind = entry.data;
    if (ind.definition)
      printed(entry, ['definition', 'text', 'ja'], ind.definition.text.ja, ind.definition.source.document);
    if (ind.data_source)
      printed(entry, ['data_source', 'text', 'ja'], ind.data_source.text.ja, ind.data_source.source.document);
    const listed = new Set<string>();
    ind.listings.forEach((listing, i) => {
      const at = (...rest: Path) => ['listings', i, ...rest];
      if (listed.has(listing.plan)) report(entry, at('plan'), `plan "${listing.plan}" is listed twice`);
      listed.add(listing.plan);
      const plan = planById.get(listing.plan);
      need(entry, at('plan'), 'plans', listing.plan);
      if (listing.number !== undefined) {
        const key = `${listing.plan}#${listing.number}`;
        const other = numberOwner.get(key);
        if (other !== undefined && other !== entry.id)
          report(entry, at('number'), `indicator ${listing.number} of plan "${listing.plan}" is also "${other}"`);
        numberOwner.set(key, entry.id);
      }
      if (listing.name) printed(entry, at('name', 'ja'), listing.name.ja, listing.source.document);
      const placed = new Set<string>();
      listing.evaluates.forEach((p, j) => {
        if (placed.has(p.initiative))
          report(entry, at('evaluates', j, 'initiative'), `"${p.initiative}" is placed twice`);
        placed.add(p.initiative);
        if (plan && !plan.initiatives.some((it) => it.id === p.initiative))
          report(entry, at('evaluates', j, 'initiative'), `plan "${listing.plan}" has no initiative "${p.initiative}"`);
      });
      if (listing.lost_marks && listing.evaluates.length > listing.lost_marks.count) {
        const message = `${listing.evaluates.length} placements for a row that prints ${listing.lost_marks.count} 〇`;
        report(entry, at('lost_marks', 'count'), message);
      }
      listing.targets.forEach((target, j) =>
        printed(entry, at('targets', j, 'text', 'ja'), target.text.ja, target.source.document),
      );
    });
    const reported = new Set<string>();
    ind.programs.forEach((p, i) => {
      if (reported.has(p.program)) report(entry, ['programs', i, 'program'], `program "${p.program}" is listed twice`);
      reported.add(p.program);
      need(entry, ['programs', i, 'program'], 'programs', p.program);
    });
    if (ind.series.length > 0 && ind.unit === undefined)
      report(
        entry,
        ['unit'],
        `the series has values, so the indicator needs a unit (the series uses ${ind.series[0]!.unit})`,
      );
    const seen = new Map<string, number>();
    ind.series.forEach((f, i) => {
      if (f.total_of) report(entry, ['series', i, 'total_of'], 'an indicator value is not a stated total of parts');
      if (ind.unit !== undefined && f.unit !== ind.unit)
        report(entry, ['series', i, 'unit'], `unit ${f.unit} differs from the indicator's unit ${ind.unit}`);
      const key = [
        f.source.document,
        f.fiscal_year,
        f.kind,
        f.as_of ?? '',
        f.period?.from ?? '',
        f.period?.to ?? '',
      ].join('|');
      const first = seen.get(key);
      if (first !== undefined) {
        const message =
          `series[${first}] already gives ${f.source.document}'s ${f.kind} for fiscal year ${f.fiscal_year}` +
          " (record a document's value once, even where it prints it again)";
        report(entry, ['series', i, 'fiscal_year'], message);
      } else seen.set(key, i);
    });
    // Series may start before the plans that list them (baselines): no span check.
    checkFigures(entry, ['series'], ind.series, undefined, report);
  }
}
