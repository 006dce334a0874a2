/** Rows of the open-data downloads (/data/figures.csv, /data/programs.json), built from the curated data. */
import type { Program } from '../schemas/program.ts';
import type { Plan } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Cell } from './csv.ts';
import { formatWareki } from './fiscal-year.ts';
import { sortFigures } from './figures.ts';

export const FIGURE_COLUMNS = [
  'owner_kind',
  'owner_id',
  'owner_name_ja',
  'owner_name_en',
  'fiscal_year',
  'fiscal_year_ja',
  'kind',
  'label_ja',
  'label_en',
  'value',
  'unit',
  'qualifier',
  'period_from',
  'period_to',
  'as_of',
  'confidence',
  'derived',
  'derivation_en',
  'note_ja',
  'note_en',
  'source_document',
  'source_heading',
];

/** One row per figure of every program, indicator and plan initiative (in that order), each by fiscal year. */
export function figureRows(programs: Program[], plans: Plan[], indicators: Indicator[] = []): Cell[][] {
  const rows: Cell[][] = [];
  const owners = [
    ...programs.map((p) => ({ kind: 'program', id: p.id, name: p.name, figures: p.figures })),
    ...indicators.map((i) => ({ kind: 'indicator', id: i.id, name: i.name, figures: i.series })),
    ...plans.flatMap((plan) =>
      plan.initiatives.map((i) => ({
        kind: 'initiative',
        id: `${plan.id}/${i.id}`,
        name: i.title,
        figures: i.figures,
      })),
    ),
  ];
  for (const o of owners) {
    for (const f of sortFigures(o.figures)) {
      rows.push([
        o.kind,
        o.id,
        o.name.ja,
        o.name.en,
        f.fiscal_year,
        formatWareki(f.fiscal_year),
        f.kind,
        f.label.ja,
        f.label.en,
        f.value,
        f.unit,
        f.qualifier,
        f.period?.from,
        f.period?.to,
        f.as_of,
        f.confidence,
        f.derived,
        f.derivation?.en,
        f.note?.ja,
        f.note?.en,
        f.source.document,
        f.source.heading,
      ]);
    }
  }
  return rows;
}
