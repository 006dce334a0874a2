/**
 * Faithfulness: every figure that is not derived is printed in the document it cites. The number is
 * looked for in the NFKC-folded text with or without grouping commas (4,347 / 4, 347 / 4347), and
 * not as part of a longer number. A strong check for large numbers, a weak one for small counts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkData } from '../../src/data/index.ts';
import type { Figure, UndatedFigure } from '../../src/schemas/figure.ts';
import type { Program } from '../../src/schemas/program.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import type { Indicator } from '../../src/schemas/indicator.ts';
import type { Survey } from '../../src/schemas/survey.ts';
import type { Source } from '../../src/schemas/source.ts';
import { ROOT } from '../helpers/fixtures.ts';

const data = checkData(ROOT);
const of = <T>(c: string) => data.entries.filter((e) => e.collection === c).map((e) => e.data as T);
const texts = new Map(
  of<Source>('sources').map((s) => [
    s.id,
    readFileSync(join(ROOT, s.file), 'utf8')
      .normalize('NFKC')
      .replace(/(\d)[ \t]*\n[ \t]*(\d)/g, '$1$2'),
  ]),
);
// (Numbers the PDF extraction broke across lines, e.g. 3 / 5区市町村, are joined.)

/** 4347 → /(?<![\d.,])4,? ?347(?![\d])/ ; 155.5 → 155.5 ; 27 → 27 or 27.0 */
export function numberPattern(value: number): RegExp {
  const [int, frac] = String(value).split('.');
  const grouped = int!
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u0000')
    .split('\u0000')
    .join('[,，]? ?');
  const fraction = frac ? `\\.${frac}0*` : '(?:\\.0+)?';
  return new RegExp(`(?<![\\d.])${grouped}${fraction}(?![\\d])`);
}

function owners(): { where: string; figure: Figure | UndatedFigure }[] {
  const out: { where: string; figure: Figure | UndatedFigure }[] = [];
  for (const p of of<Program>('programs'))
    p.figures.forEach((figure, i) => out.push({ where: `programs/${p.id} figures[${i}]`, figure }));
  for (const ind of of<Indicator>('indicators'))
    ind.series.forEach((figure, i) => out.push({ where: `indicators/${ind.id} series[${i}]`, figure }));
  for (const plan of of<Plan>('plans')) {
    plan.initiatives.forEach((it) =>
      it.figures.forEach((figure, i) => out.push({ where: `plans/${plan.id} ${it.id} figures[${i}]`, figure })),
    );
  }
  for (const s of of<Survey>('surveys')) {
    s.figures.forEach((figure, i) => out.push({ where: `surveys/${s.id} figures[${i}]`, figure }));
    s.previous_survey?.figures.forEach((figure, i) =>
      out.push({ where: `surveys/${s.id} previous_survey.figures[${i}]`, figure }),
    );
  }
  return out;
}

describe('figures', () => {
  it('include the figures of every owner kind: programs, indicators, plan initiatives, surveys (and previous surveys)', () => {
    const where = owners().map((o) => o.where);
    for (const kind of [
      /^programs\//,
      /^indicators\/\S+ series\[/,
      /^plans\/\S+ \S+ figures\[/,
      /^surveys\/\S+ figures\[/,
      /previous_survey\.figures\[/,
    ])
      expect(
        where.some((w) => kind.test(w)),
        String(kind),
      ).toBe(true);
  });
  it('are printed in the document they cite, unless marked derived', () => {
    const missing = owners()
      .filter(({ figure }) => !figure.derived)
      .filter(({ figure }) => !numberPattern(figure.value).test(texts.get(figure.source.document) ?? ''))
      .map(({ where, figure }) => `${where}: ${figure.value}${figure.unit} not found in ${figure.source.document}`);
    expect(missing, missing.join('\n')).toEqual([]);
  });
  it('every indicator value, from each document that reports one, is printed in the document it cites', () => {
    const indicators = of<Indicator>('indicators');
    const values = indicators.flatMap((ind) => ind.series.map((figure, i) => ({ ind, figure, i })));
    // The three 第7期 plan series and the FY2024 survey's count of offices: 4 + 4 + 3 + 1 values.
    expect(values.length).toBeGreaterThanOrEqual(12);
    expect(new Set(values.map((v) => v.figure.source.document)).size).toBeGreaterThanOrEqual(2);
    const missing = values
      .filter(({ figure }) => !numberPattern(figure.value).test(texts.get(figure.source.document) ?? ''))
      .map(
        ({ ind, figure, i }) => `indicators/${ind.id} series[${i}]: ${figure.value} not in ${figure.source.document}`,
      );
    expect(missing, missing.join('\n')).toEqual([]);
  });
  it('match numbers with or without grouping commas, never inside a longer number', () => {
    expect(numberPattern(4347).test('R7：4, 347千円')).toBe(true);
    expect(numberPattern(233453).test('233,453千円')).toBe(true);
    expect(numberPattern(47).test('1,247人')).toBe(false);
    expect(numberPattern(27).test('27.0日')).toBe(true);
    expect(numberPattern(155.5).test('155.5日')).toBe(true);
  });
});
