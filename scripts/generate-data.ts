/**
 * A synthetic data tree of N programs for benchmarks: schema-valid, deterministic (seeded), with the
 * structure and text lengths of the real data, so that page sizes and build costs are realistic.
 *
 *   node scripts/generate-data.ts --programs N --out DIR [--seed S] [--from DIR]
 *   npm run -s generate-data -- --programs N --out DIR
 *
 * How: the real programs in data/ (`--from`) are templates. Program i is a copy of template i mod T
 * in "group" floor(i / T), with the group in its id (acp-promotion-3), a municipality in its name
 * (…（八王子市）), every number varied, its references (parent, parts of totals, committee, plan links)
 * pointing into the same group, and a budget series (and a result series where the template has
 * one) over FY2016–FY2025 within its span. Stated totals (`total_of`) are recomputed from their parts,
 * and extended to the years where every part has exactly one matching figure. A few added figures are
 * uncertain or derived. Plans (and the indicators they list) are copied once per 1,000 programs, committees
 * (with rosters by term) and their regulations and surveys once per ~220 meetings; about N/10 meetings,
 * copied from the real ones with dates inside their fiscal year, refer to the programs of one group. Every source is a
 * {document, heading} that the real data cites, so it occurs in the document. The reference
 * collections (sources, glossary, municipalities, bureaus, funds) are copied unchanged.
 *
 * Writes only into an empty directory or one it generated before (marked by .generated.json); refuses
 * the template directory itself. Check the result with `ATLAS_DATA_DIR=DIR npm run check`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Document, parse, visit } from 'yaml';

type Obj = Record<string, any>;
type Localized = { ja: string; en: string };

const FIRST_YEAR = 2016;
const LAST_YEAR = 2025;
/** Programs per copy of the plans. */
const PROGRAMS_PER_PLAN_SET = 1000;
/** Meetings a committee holds per fiscal year (ordinals 1 and 2). */
const MEETINGS_PER_YEAR = 2;
/** Roster terms (two-year terms), by first fiscal year. */
const TERMS = [2016, 2018, 2020, 2022, 2024];
const MONEY = new Set(['千円', '百万円', '円', '万円']);
const REFERENCE_FILES = ['sources.yaml', 'glossary.yaml', 'municipalities.yaml', 'bureaus.yaml', 'funds.yaml'];
/** Every file the generator writes starts with this comment; a folder whose programs carry it may be overwritten. */
const ORIGIN_COMMENT = ' Synthetic benchmark data (scripts/generate-data.ts)';

export interface GenerateOptions {
  programs: number;
  out: string;
  seed?: number;
  /** Template data directory (the real data). */
  from?: string;
}

export interface GenerateSummary {
  programs: number;
  meetings: number;
  committees: number;
  plans: number;
  regulations: number;
  surveys: number;
  figures: number;
  files: number;
  bytes: number;
}

// ── deterministic randomness ────────────────────────────────────────────────────────────────────
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
/** A random stream per key: the copy of an entry does not depend on how many others are generated. */
function rng(seed: number, key: string): () => number {
  let a = hash(`${seed}:${key}`);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const decimals = (v: number) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0));
function round(v: number, places: number): number {
  const f = 10 ** places;
  return Math.round(v * f) / f;
}

// ── reading templates ───────────────────────────────────────────────────────────────────────────
function readYaml(path: string): any {
  return parse(readFileSync(path, 'utf8'), { version: '1.2', schema: 'core' });
}
function readDir(dir: string): Obj[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readYaml(join(dir, f)) as Obj);
}

// ── writing ─────────────────────────────────────────────────────────────────────────────────────
const QUOTED = /^(\d{4}-\d{2}(-\d{2})?|\d{1,2}:\d{2})$/;
let written = { files: 0, bytes: 0 };
function writeYaml(path: string, value: unknown, origin: string) {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  // Dates, months and times are written quoted, as curators write them (and YAML 1.1 readers need).
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && QUOTED.test(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  doc.commentBefore = `${ORIGIN_COMMENT}, copied from ${origin}. Not real figures.`;
  const text = doc.toString({ lineWidth: 0 });
  writeFileSync(path, text);
  written.files++;
  written.bytes += Buffer.byteLength(text);
}

function prepareOut(out: string, from: string) {
  if (resolve(out) === resolve(from)) throw new Error(`refusing to write into the template directory ${from}`);
  if (existsSync(out) && readdirSync(out).length) {
    // No marker file: the data check refuses any file under data/ that is not data.
    const programsDir = join(out, 'programs');
    const first = existsSync(programsDir) ? readdirSync(programsDir).find((f) => f.endsWith('.yaml')) : undefined;
    const generated =
      first !== undefined && readFileSync(join(programsDir, first), 'utf8').startsWith(`#${ORIGIN_COMMENT}`);
    if (!generated)
      throw new Error(`${out} is not empty and was not made by this generator: give an empty or new directory`);
    rmSync(out, { recursive: true, force: true });
  }
  for (const dir of ['programs', 'committees', 'meetings', 'plans', 'indicators', 'regulations', 'surveys'])
    mkdirSync(join(out, dir), { recursive: true });
}

// ── the generator ───────────────────────────────────────────────────────────────────────────────
export function generateData(options: GenerateOptions): GenerateSummary {
  const seed = options.seed ?? 1;
  const n = options.programs;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--programs must be a positive whole number, found ${n}`);
  const from = resolve(options.from ?? join(import.meta.dirname, '..', 'data'));
  const out = resolve(options.out);
  written = { files: 0, bytes: 0 };

  const templates = readDir(join(from, 'programs')).sort((a, b) => (a.id < b.id ? -1 : 1));
  const templateCommittees = readDir(join(from, 'committees'));
  const templateMeetings = readDir(join(from, 'meetings'));
  const templatePlans = readDir(join(from, 'plans'));
  const templateIndicators = readDir(join(from, 'indicators'));
  const templateRegulations = readDir(join(from, 'regulations'));
  const templateSurveys = readDir(join(from, 'surveys'));
  const municipalities = readYaml(join(from, 'municipalities.yaml')) as { name: Localized }[];
  if (!templates.length || !templateCommittees.length || !templateMeetings.length || !templatePlans.length)
    throw new Error(`${from} needs programs, committees, meetings and plans to copy from`);

  const T = templates.length;
  const groups = Math.ceil(n / T);
  const inTree = (g: number, t: number) => g * T + t < n;
  const templateIndex = new Map(templates.map((p, i) => [p.id as string, i]));
  const programId = (tid: string, g: number) => `${tid}-${g + 1}`;
  /** The copy of template program `tid` in group g, if the tree has it. */
  const programRef = (tid: string, g: number) => {
    const t = templateIndex.get(tid);
    return t !== undefined && inTree(g, t) ? programId(tid, g) : undefined;
  };

  const meetingCount = Math.max(1, Math.round(n / 10));
  const committeeSets = Math.max(
    1,
    Math.ceil(meetingCount / (templateCommittees.length * (LAST_YEAR - FIRST_YEAR + 1) * MEETINGS_PER_YEAR)),
  );
  const planSetOf = (g: number) => Math.floor((g * T) / PROGRAMS_PER_PLAN_SET);
  const planSets = planSetOf(groups - 1) + 1;
  const committeeSetOf = (g: number) => g % committeeSets;
  const setId = (id: string, k: number) => `${id}-${k + 1}`;

  /** A municipality (then a phase) that tells copies apart in names; copy 0 keeps the real name. */
  const variant = (k: number): Localized | undefined => {
    if (k === 0) return undefined;
    const m = municipalities[(k - 1) % municipalities.length]!.name;
    const phase = Math.floor((k - 1) / municipalities.length);
    return phase ? { ja: `${m.ja}・第${phase + 1}期`, en: `${m.en}, phase ${phase + 1}` } : m;
  };
  const rename = (name: Localized, k: number): Localized => {
    const v = variant(k);
    return v ? { ja: `${name.ja}（${v.ja}）`, en: `${name.en} (${v.en})` } : { ...name };
  };

  prepareOut(out, from);
  const origin = (dir: string, id: string) => `${relative(process.cwd(), join(from, dir, `${id}.yaml`)) || id}`;

  // Programs: copy, vary, extend.
  const programs = new Map<string, Obj>();
  const templateOf = new Map<string, Obj>();
  const groupOf = new Map<string, number>();
  let figureCount = 0;
  for (let i = 0; i < n; i++) {
    const g = Math.floor(i / T);
    const tpl = templates[i % T]!;
    const p = structuredClone(tpl);
    const id = programId(tpl.id, g);
    const random = rng(seed, id);
    p.id = id;
    if (p.former_ids) p.former_ids = p.former_ids.map((f: string) => `${f}-${g + 1}`);
    p.name = rename(p.name, g);
    if (p.parent) {
      const parent = programRef(p.parent, g);
      if (parent) p.parent = parent;
      else {
        delete p.parent;
        delete p.separate_budget_in;
      }
    }
    if (p.committee) p.committee = setId(p.committee, committeeSetOf(g));
    for (const link of p.plan_links ?? []) link.plan = setId(link.plan, planSetOf(g));
    for (const f of p.figures ?? []) {
      if (typeof f.value !== 'number') continue;
      f.value = round(f.value * (0.6 + 0.9 * random()), decimals(f.value));
      if (f.total_of?.programs)
        f.total_of.programs = f.total_of.programs.map((pid: string) => programRef(pid, g) ?? `missing:${pid}`);
    }
    extendSeries(p, random);
    programs.set(id, p);
    templateOf.set(id, tpl);
    groupOf.set(id, g);
  }
  resolveTotals(programs);
  for (const [id, p] of programs) {
    figureCount += p.figures?.length ?? 0;
    writeYaml(join(out, 'programs', `${id}.yaml`), p, origin('programs', templateOf.get(id)!.id));
  }

  // Plans: one copy of every plan per PROGRAMS_PER_PLAN_SET programs.
  let planCount = 0;
  for (let k = 0; k < planSets; k++)
    for (const tpl of templatePlans) {
      const plan = structuredClone(tpl);
      plan.id = setId(tpl.id, k);
      plan.name = rename(plan.name, k);
      // A 国庫負担 group names programs linked to this plan copy: those of the first program group in plan set k.
      const firstGroup = Array.from({ length: groups }, (_, g) => g).find((g) => planSetOf(g) === k) ?? 0;
      plan.national_subsidy_groups = (plan.national_subsidy_groups ?? [])
        .map((group: Obj) => ({
          ...group,
          programs: group.programs.map((pid: string) => programRef(pid, firstGroup)).filter(Boolean),
        }))
        .filter((group: Obj) => group.programs.length > group.marked_count);
      if (!plan.national_subsidy_groups.length) delete plan.national_subsidy_groups;
      writeYaml(join(out, 'plans', `${plan.id}.yaml`), plan, origin('plans', tpl.id));
      planCount++;
    }
  // Indicators: one copy per plan set, listed in that set's plans, reported under its first group's programs.
  for (let k = 0; k < planSets; k++) {
    const firstGroup = Array.from({ length: groups }, (_, g) => g).find((g) => planSetOf(g) === k) ?? 0;
    for (const tpl of templateIndicators) {
      const indicator = structuredClone(tpl);
      indicator.id = setId(tpl.id, k);
      indicator.name = rename(indicator.name, k);
      for (const listing of indicator.listings ?? []) listing.plan = setId(listing.plan, k);
      indicator.programs = (indicator.programs ?? [])
        .map((link: Obj) => ({ ...link, program: programRef(link.program, firstGroup) }))
        .filter((link: Obj) => link.program);
      writeYaml(join(out, 'indicators', `${indicator.id}.yaml`), indicator, origin('indicators', tpl.id));
    }
  }

  // Committees with rosters by term, their regulations and surveys: one copy per committee set.
  const rosterTemplates = templateCommittees.flatMap((c) => c.rosters ?? []);
  if (!rosterTemplates.length) throw new Error(`${from}/committees has no roster to copy`);
  const people = rosterTemplates.flatMap((r: Obj) => r.members.map((m: Obj) => String(m.name)));
  const families = [...new Set(people.map((name) => name.split(/\s+/)[0]!))];
  const givens = [...new Set(people.map((name) => name.split(/\s+/)[1] ?? ''))].filter(Boolean);
  const regulationIds = new Set(templateRegulations.map((r) => r.id as string));
  const committeeIds: string[] = [];
  for (let k = 0; k < committeeSets; k++) {
    for (const tpl of templateCommittees) {
      const c = structuredClone(tpl);
      c.id = setId(tpl.id, k);
      c.name = rename(c.name, k);
      if (c.parent) c.parent = setId(c.parent, k);
      if (c.regulations)
        c.regulations = c.regulations.filter((r: string) => regulationIds.has(r)).map((r: string) => setId(r, k));
      const base = (tpl.rosters?.[0] ?? rosterTemplates[0]) as Obj;
      const random = rng(seed, c.id);
      // Each seat keeps its member for a term unless replaced (a quarter of the seats per term).
      const seats = base.members.map(() => ({ family: 0, given: 0 }));
      c.rosters = TERMS.map((year, term) => {
        const members = base.members.map((m: Obj, i: number) => {
          if (term === 0 || random() < 0.25)
            seats[i] = { family: Math.floor(random() * families.length), given: Math.floor(random() * givens.length) };
          return { ...structuredClone(m), name: `${families[seats[i]!.family]} ${givens[seats[i]!.given]}` };
        });
        // One person holds one seat in a roster (the data check refuses a name listed twice): redraw clashes.
        const taken = new Set<string>();
        members.forEach((m: Obj, i: number) => {
          while (taken.has(m.name)) {
            seats[i] = { family: Math.floor(random() * families.length), given: Math.floor(random() * givens.length) };
            m.name = `${families[seats[i]!.family]} ${givens[seats[i]!.given]}`;
          }
          taken.add(m.name);
        });
        const roster: Obj = { id: `fy${year}`, fiscal_year: year, members, source: base.source };
        if (base.note) roster.note = base.note;
        return roster;
      });
      committeeIds.push(c.id);
      writeYaml(join(out, 'committees', `${c.id}.yaml`), c, origin('committees', tpl.id));
    }
    for (const tpl of templateRegulations) {
      const r = structuredClone(tpl);
      r.id = setId(tpl.id, k);
      r.title = rename(r.title, k);
      if (r.based_on) r.based_on = setId(r.based_on, k);
      if (r.governs) r.governs = r.governs.map((c: string) => setId(c, k));
      writeYaml(join(out, 'regulations', `${r.id}.yaml`), r, origin('regulations', tpl.id));
    }
    for (const tpl of templateSurveys) {
      const s = structuredClone(tpl);
      s.id = setId(tpl.id, k);
      s.title = rename(s.title, k);
      if (s.programs) s.programs = s.programs.map((pid: string) => programRef(pid, k)).filter(Boolean);
      writeYaml(join(out, 'surveys', `${s.id}.yaml`), s, origin('surveys', tpl.id));
    }
  }

  // Meetings: about N/10, spread over committees and fiscal years, each about one group of programs.
  const slots: { committee: string; set: number; year: number; ordinal: number; order: number }[] = [];
  committeeIds.forEach((committee, ci) => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++)
      for (let ordinal = 1; ordinal <= MEETINGS_PER_YEAR; ordinal++)
        slots.push({
          committee,
          set: Math.floor(ci / templateCommittees.length),
          year,
          ordinal,
          order: rng(seed, `${committee}/${year}/${ordinal}`)(),
        });
  });
  const chosen = slots
    .sort((a, b) => a.order - b.order)
    .slice(0, meetingCount)
    .sort((a, b) =>
      a.committee < b.committee ? -1 : a.committee > b.committee ? 1 : a.year - b.year || a.ordinal - b.ordinal,
    );
  const rich = templateMeetings.reduce((best, m) => ((m.agenda?.length ?? 0) > (best.agenda?.length ?? 0) ? m : best));
  const surveyIds = new Set(templateSurveys.map((s) => s.id as string));
  let previous: { committee: string; id: string } | undefined;
  chosen.forEach((slot, index) => {
    const id = `${slot.committee}-fy${slot.year}-${slot.ordinal}`;
    const random = rng(seed, id);
    // Most meetings have a full agenda and handouts; every fourth is known only by its date.
    const tpl = index % 4 === 3 ? (templateMeetings.find((m) => m !== rich) ?? rich) : rich;
    const m = structuredClone(tpl);
    const groupsOfSet = Array.from({ length: groups }, (_, g) => g).filter((g) => committeeSetOf(g) === slot.set);
    const g = groupsOfSet[Math.floor(random() * groupsOfSet.length)] ?? 0;
    const mapPrograms = (ids: string[] | undefined) =>
      (ids ?? []).map((pid) => programRef(pid, g)).filter((x): x is string => !!x);
    m.id = id;
    m.committee = slot.committee;
    m.fiscal_year = slot.year;
    m.ordinal = slot.ordinal;
    // Inside the fiscal year: the first meeting in June–September, the second in January–March.
    const month = slot.ordinal === 1 ? 6 + Math.floor(random() * 4) : 1 + Math.floor(random() * 3);
    const year = slot.ordinal === 1 ? slot.year : slot.year + 1;
    m.date = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    delete m.month;
    m.roster = `fy${[...TERMS].reverse().find((t) => t <= slot.year) ?? TERMS[0]}`;
    for (const item of m.agenda ?? []) {
      if (item.programs) item.programs = mapPrograms(item.programs);
    }
    const sameCommittee = previous?.committee === slot.committee ? previous.id : undefined;
    for (const h of m.handouts ?? []) {
      if (h.programs) h.programs = mapPrograms(h.programs);
      if (h.regulation) {
        if (regulationIds.has(h.regulation)) h.regulation = setId(h.regulation, slot.set);
        else delete h.regulation;
      }
      if (h.survey) {
        if (surveyIds.has(h.survey)) h.survey = setId(h.survey, slot.set);
        else delete h.survey;
      }
      // Minutes of the committee's previous meeting: always an earlier meeting, so references never loop.
      if (h.meeting) {
        if (sameCommittee) h.meeting = sameCommittee;
        else delete h.meeting;
      }
    }
    previous = { committee: slot.committee, id };
    writeYaml(join(out, 'meetings', `${id}.yaml`), m, origin('meetings', tpl.id));
  });

  for (const file of REFERENCE_FILES) {
    if (!existsSync(join(from, file))) continue;
    copyFileSync(join(from, file), join(out, file));
    written.files++;
    written.bytes += readFileSync(join(from, file)).length;
  }
  const summary: GenerateSummary = {
    programs: n,
    meetings: chosen.length,
    committees: committeeIds.length,
    plans: planCount,
    regulations: committeeSets * templateRegulations.length,
    surveys: committeeSets * templateSurveys.length,
    figures: figureCount,
    files: written.files,
    bytes: written.bytes,
  };
  return summary;
}

/**
 * Adds a budget series (and a result series, where the template has a whole-number result) for every
 * fiscal year of FY2016–FY2025 inside the program's span that has none. Values drift around the
 * template's; a few added results are uncertain and a few added budgets derived.
 */
function extendSeries(p: Obj, random: () => number) {
  p.figures ??= [];
  const figures = p.figures as Obj[];
  const from = Math.max(FIRST_YEAR, p.span?.from ?? FIRST_YEAR);
  const to = Math.min(LAST_YEAR, p.span?.to ?? LAST_YEAR);
  const money = figures.find((f) => f.unit === '千円' && typeof f.value === 'number');
  const baseBudget = money?.value ?? Math.round(2000 * 150 ** random());
  const budgetSource = money?.source ?? p.summary_source;
  const result = figures.find(
    (f) => f.kind === 'result' && !MONEY.has(f.unit) && Number.isInteger(f.value) && f.value > 0,
  );
  for (let year = from; year <= to; year++) {
    const kind = year === LAST_YEAR ? 'budget-proposed' : 'budget';
    if (
      !figures.some(
        (f) => f.fiscal_year === year && f.unit === '千円' && (f.kind === 'budget' || f.kind === 'budget-proposed'),
      )
    ) {
      const f: Obj = {
        fiscal_year: year,
        kind,
        label: kind === 'budget' ? { ja: '予算額', en: 'Budget' } : { ja: '予算額（案）', en: 'Proposed budget' },
        value: Math.max(0, Math.round(baseBudget * (1 + 0.03 * (year - 2020)) * (0.85 + 0.3 * random()))),
        unit: '千円',
        source: budgetSource,
      };
      if (random() < 0.03) {
        f.derived = true;
        f.derivation = {
          ja: '当初予算額に補正予算額を加えて算出した。',
          en: 'Computed by adding the supplementary budget to the initial budget.',
        };
      }
      f.extended = true;
      figures.push(f);
    }
    if (result && !figures.some((f) => f.fiscal_year === year && f.kind === 'result' && f.unit === result.unit)) {
      const f: Obj = {
        fiscal_year: year,
        kind: 'result',
        label: result.label,
        value: Math.round(result.value * (0.7 + 0.6 * random())),
        unit: result.unit,
        source: result.source,
      };
      if (random() < 0.04) {
        f.confidence = 'uncertain';
        f.note = {
          ja: '抽出したテキストでは表の列の位置が失われており、前年度の値である可能性がある。',
          en: "The extracted text lost the table's column positions: this may be the previous year's value.",
        };
      }
      figures.push(f);
    }
  }
  figures.sort((a, b) => b.fiscal_year - a.fiscal_year);
}

/**
 * Stated totals: recomputes every `total_of` from its (varied) parts, parts first; drops `total_of`
 * where a part is not in the tree; and makes an added budget of a program with program totals a total
 * too, in each year where every part has exactly one matching figure.
 */
function resolveTotals(programs: Map<string, Obj>) {
  const done = new Set<string>();
  const same = (a: Obj, b: Obj) => a.fiscal_year === b.fiscal_year && a.kind === b.kind && a.unit === b.unit;
  const resolveProgram = (id: string) => {
    if (done.has(id)) return;
    done.add(id);
    const p = programs.get(id)!;
    const figures = (p.figures ?? []) as Obj[];
    const partsSeen = figures.find((f) => f.total_of?.programs)?.total_of.programs as string[] | undefined;
    for (const f of figures) {
      if (f.extended && partsSeen && !f.derived && partsSeen.every((pid) => programs.has(pid)))
        f.total_of = { programs: [...partsSeen] };
      delete f.extended;
    }
    for (const f of figures) {
      if (!f.total_of) continue;
      let sum = 0;
      let ok = true;
      for (const pid of f.total_of.programs ?? []) {
        const part = programs.get(pid);
        if (!part) {
          ok = false;
          break;
        }
        resolveProgram(pid);
        const matches = (part.figures as Obj[]).filter((x) => same(x, f));
        if (matches.length !== 1) {
          ok = false;
          break;
        }
        sum += matches[0]!.value;
      }
      for (const fid of f.total_of.figures ?? []) {
        const part = figures.find((x) => x.id === fid);
        if (!part || !same(part, f)) {
          ok = false;
          break;
        }
        sum += part.value;
      }
      if (ok) f.value = sum;
      else delete f.total_of;
    }
  };
  for (const id of programs.keys()) resolveProgram(id);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      programs: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
    },
  });
  if (!values.programs || !values.out) {
    console.error('usage: node scripts/generate-data.ts --programs N --out DIR [--seed S] [--from DIR]');
    process.exit(2);
  }
  const started = performance.now();
  const s = generateData({
    programs: Number(values.programs),
    out: values.out,
    seed: values.seed ? Number(values.seed) : undefined,
    from: values.from,
  });
  console.log(
    `✓ generated ${s.programs} programs (${s.figures} figures), ${s.meetings} meetings, ${s.committees} committees, ${s.plans} plans, ` +
      `${s.regulations} regulations, ${s.surveys} surveys: ${s.files} files, ${(s.bytes / 1024 / 1024).toFixed(1)} MB → ${values.out} ` +
      `(${Math.round(performance.now() - started)} ms)`,
  );
}
