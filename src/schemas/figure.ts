/**
 * A figure (数値): one number the source prints for one fiscal year, with its unit and source.
 * Used by programs (budgets, scales, results) and plan indicators (series and targets).
 */
import { z } from 'astro/zod';
import {
  checkPeriod,
  describeValue,
  fiscalYear,
  id,
  isoDate,
  isoMonth,
  localized,
  monthPeriod,
  sourceRef,
  unit,
} from './common.ts';
import { allowsFraction, isMoneyUnit, UNIT_KEYS } from '../lib/units.ts';

const FRACTION_UNITS = UNIT_KEYS.filter(allowsFraction).join(', ');

/**
 * - `budget-proposed`: 予算案 / 予算額（案） — the amount proposed before the assembly votes.
 * - `budget`: 予算額 — the adopted budget.
 * - `plan`: 計画 / 予算規模 / 規模 — planned scale (人, 回, か所 …) for the year.
 * - `result`: 実績 — what happened.
 * - `target`: 目標 — a goal value.
 */
export const FIGURE_KINDS = ['budget-proposed', 'budget', 'plan', 'result', 'target'] as const;
export const figureKind = z.enum(FIGURE_KINDS);
export type FigureKind = (typeof FIGURE_KINDS)[number];

const figureFields = {
  /** Optional id, unique within its program or indicator, so that totals can name their parts. */
  id: id
    .optional()
    .describe('Optional id, unique within its program or indicator, so that totals can name their parts.'),
  /** Fiscal year as its Gregorian start year: 令和6年度 = 2024 (April 2024 – March 2025). */
  fiscal_year: fiscalYear.describe(
    'Fiscal year as its Gregorian start year: 令和6年度 = 2024 (April 2024 – March 2025).',
  ),
  /** What the number is: proposed budget, budget, plan (scale), result, target. */
  kind: figureKind.describe('What the number is: proposed budget, budget, plan (scale), result, target.'),
  /** What is counted, e.g. {ja: 修了者, en: Trainees who completed}. */
  label: localized.describe('What is counted, e.g. {ja: 修了者, en: Trainees who completed}.'),
  /** The number, without grouping commas: 4347 for 4,347千円. Money in 千円 is a non-negative integer. */
  value: z
    .number({ error: (iss) => `value must be a number (no commas or units), found ${describeValue(iss.input)}` })
    .refine(
      (v) => Math.abs(v) <= Number.MAX_SAFE_INTEGER,
      `value is larger than ${Number.MAX_SAFE_INTEGER} and cannot be stored exactly`,
    ),
  /** The unit exactly as the source prints it. */
  unit,
  /** 程度 / 約 (approx), 以上 (at-least), 以内・上限 (at-most), when the source qualifies the number. */
  qualifier: z
    .enum(['approx', 'at-least', 'at-most'])
    .optional()
    .describe('程度 / 約 (approx), 以上 (at-least), 以内・上限 (at-most), when the source qualifies the number.'),
  /** Part of the year only, e.g. R6 results for 4月～12月: {from: '2024-04', to: '2024-12'}; inside `fiscal_year`. */
  period: monthPeriod
    .optional()
    .describe(
      "Part of the year only, e.g. R6 results for 4月～12月: {from: '2024-04', to: '2024-12'}; inside `fiscal_year`.",
    ),
  /** Point in time the number describes (e.g. 10月1日時点). */
  as_of: z.union([isoDate, isoMonth]).optional().describe('Point in time the number describes (e.g. 10月1日時点).'),
  /** Anything a reader needs to read the number right (e.g. 12月末申請数 — applications by end of December). */
  note: localized
    .optional()
    .describe(
      'Anything a reader needs to read the number right (e.g. 12月末申請数 — applications by end of December).',
    ),
  /** Where the number is printed. */
  source: sourceRef.describe('Where the number is printed.'),
  /**
   * `uncertain` when the column of the number in the extracted table cannot be determined; `note`
   * must say what the alternatives are.
   */
  confidence: z
    .enum(['certain', 'uncertain'])
    .default('certain')
    .describe(
      '`uncertain` when the column of the number in the extracted table cannot be ' +
        'determined; `note` must say what the alternatives are.',
    ),
  /** true when the number is not printed in the source but computed from printed ones; `derivation` says how. */
  derived: z
    .boolean()
    .default(false)
    .describe(
      'true when the number is not printed in the source but computed from printed ones; `derivation` says how.',
    ),
  derivation: localized.optional(),
  /**
   * This figure is a stated total of other figures of the same fiscal year, kind and unit: programs
   * (their figures) and/or figure ids within the same owner. The integrity check adds them up.
   */
  total_of: z
    .strictObject({ programs: z.array(id).min(1).optional(), figures: z.array(id).min(1).optional() })
    .optional(),
};

/** Rules across fields, shared by dated and undated figures. */
function checkFigure(
  f: { derived: boolean; derivation?: unknown; confidence: string; note?: unknown; unit: string; value: number },
  ctx: z.RefinementCtx,
): void {
  if (f.derived && !f.derivation)
    ctx.addIssue({
      code: 'custom',
      path: ['derivation'],
      message: 'a derived figure must say how it was computed (derivation: {ja, en})',
    });
  if (!f.derived && f.derivation)
    ctx.addIssue({ code: 'custom', path: ['derived'], message: 'derivation is given but derived is not true' });
  if (f.confidence === 'uncertain' && !f.note)
    ctx.addIssue({
      code: 'custom',
      path: ['note'],
      message: 'an uncertain figure needs a note saying what the alternatives are',
    });
  // Figures are counts, amounts, shares and durations as printed: never negative (a ▲ difference in
  // a source is not recorded as a figure), and whole numbers unless the unit may be fractional.
  if (isMoneyUnit(f.unit) && (f.value < 0 || !Number.isInteger(f.value)))
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `a money figure in ${f.unit} is a non-negative integer, found ${f.value}`,
    });
  else if (f.value < 0) {
    const message = `a figure is never negative, found ${f.value} ${f.unit} (a ▲ difference is not a figure)`;
    ctx.addIssue({ code: 'custom', path: ['value'], message });
  } else if (!Number.isInteger(f.value) && !allowsFraction(f.unit)) {
    const message = `${f.unit} counts whole things, found ${f.value} (fractions only in ${FRACTION_UNITS})`;
    ctx.addIssue({ code: 'custom', path: ['value'], message });
  }
}

export const figure = z.strictObject(figureFields).superRefine((f, ctx) => {
  checkFigure(f, ctx);
  checkPeriod(f, ctx);
});
export type Figure = z.infer<typeof figure>;

/**
 * A figure the document prints without saying which fiscal year it belongs to (e.g. the response
 * rate of a previous survey whose year is not given). Never filed under a placeholder year: it has
 * no fiscal_year (nor period or total_of), and its `note` says what the number refers to.
 */
export const undatedFigure = z
  .strictObject({
    id: figureFields.id,
    kind: figureFields.kind,
    label: figureFields.label,
    value: figureFields.value,
    unit: figureFields.unit,
    qualifier: figureFields.qualifier,
    as_of: figureFields.as_of,
    note: localized,
    source: figureFields.source,
    confidence: figureFields.confidence,
    derived: figureFields.derived,
    derivation: figureFields.derivation,
  })
  .superRefine(checkFigure);
export type UndatedFigure = z.infer<typeof undatedFigure>;
