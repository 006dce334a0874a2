/**
 * npm run stats [-- --data DIR]: what the curated data holds, per source document — programs, figures
 * (uncertain, derived), meetings, committee members, indicators, regulations, surveys. For closing
 * notes and reviews. Reads $ATLAS_DATA_DIR (or --data) instead of data/ when set, like the check and the build.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkData } from '../src/data/index.ts';
import type { Program } from '../src/schemas/program.ts';
import type { Plan } from '../src/schemas/plan.ts';
import type { Indicator } from '../src/schemas/indicator.ts';
import type { Meeting } from '../src/schemas/meeting.ts';
import type { Committee } from '../src/schemas/committee.ts';
import type { Regulation } from '../src/schemas/regulation.ts';
import type { Survey } from '../src/schemas/survey.ts';
import type { Figure } from '../src/schemas/figure.ts';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const dataDir = values.data ?? process.env.ATLAS_DATA_DIR;
const data = checkData(resolve(import.meta.dirname, '..'), dataDir ? resolve(dataDir) : undefined);
const of = <T>(c: string) => data.entries.filter((e) => e.collection === c).map((e) => e.data as T);
type Row = {
  programs: Set<string>;
  figures: number;
  uncertain: number;
  derived: number;
  meetings: number;
  members: number;
  indicators: number;
  regulations: number;
  surveys: number;
  initiatives: number;
};
const rows = new Map<string, Row>();
const row = (doc: string) => {
  if (!rows.has(doc))
    rows.set(doc, {
      programs: new Set(),
      figures: 0,
      uncertain: 0,
      derived: 0,
      meetings: 0,
      members: 0,
      indicators: 0,
      regulations: 0,
      surveys: 0,
      initiatives: 0,
    });
  return rows.get(doc)!;
};
const countFigure = (f: Figure, programId?: string) => {
  const r = row(f.source.document);
  r.figures++;
  if (f.confidence === 'uncertain') r.uncertain++;
  if (f.derived) r.derived++;
  if (programId) r.programs.add(programId);
};
for (const p of of<Program>('programs')) {
  row(p.summary_source.document).programs.add(p.id);
  for (const f of p.figures) countFigure(f, p.id);
  for (const l of p.plan_links) row(l.source.document).programs.add(p.id);
}
for (const plan of of<Plan>('plans')) {
  row(plan.source.document).initiatives += plan.initiatives.length;
}
for (const ind of of<Indicator>('indicators')) {
  for (const l of ind.listings) row(l.source.document).indicators++;
  for (const f of ind.series) countFigure(f);
}
for (const m of of<Meeting>('meetings')) row(m.source.document).meetings++;
for (const c of of<Committee>('committees'))
  for (const r of c.rosters) row(r.source.document).members += r.members.length;
for (const r of of<Regulation>('regulations')) row(r.source.document).regulations++;
for (const s of of<Survey>('surveys')) {
  row(s.source.document).surveys++;
  for (const f of s.figures) countFigure(f);
}
const table = [...rows].sort().map(([doc, r]) => ({
  document: doc,
  programs: r.programs.size,
  figures: r.figures,
  uncertain: r.uncertain,
  derived: r.derived,
  initiatives: r.initiatives,
  indicators: r.indicators,
  meetings: r.meetings,
  members: r.members,
  regulations: r.regulations,
  surveys: r.surveys,
}));
console.table(table);
const total = (k: keyof (typeof table)[number]) => table.reduce((n, r) => n + (r[k] as number), 0);
console.log(
  `programs (distinct): ${of<Program>('programs').length}; figures: ${total('figures')} (uncertain ${total('uncertain')}, derived ${total('derived')}); meetings: ${of<Meeting>('meetings').length}; committees: ${of<Committee>('committees').length}; plans: ${of<Plan>('plans').length}; regulations: ${of<Regulation>('regulations').length}; surveys: ${of<Survey>('surveys').length}; problems: ${data.problems.length}`,
);
