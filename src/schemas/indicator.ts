/**
 * An indicator (指標): one measure (e.g. 訪問診療を実施している診療所・病院数), however many documents
 * report it. One file per measure in data/indicators/<id>.yaml. Each plan that lists the measure is a
 * `listing` (its number there, the 取組/事項 it evaluates, its targets); every value of the series cites
 * the document and heading it is printed under, so values from several documents sit side by side.
 */
import { z } from 'astro/zod';
import { figure } from './figure.ts';
import { fiscalYear, id, localized, ref, sourceRef, unit, changeNotes } from './common.ts';

/** Text printed in a document, with where: the data check verifies that `text.ja` occurs in it. */
const printedText = z.strictObject({ text: localized, source: sourceRef });

/** A 取組/事項 of the listing's plan that the indicator evaluates: a 〇 of the plan's indicator × 取組 matrix. */
export const indicatorPlacement = z
  .strictObject({
    /** Id of an initiative of the listing's plan. */
    initiative: ref.describe("Id of an initiative of the listing's plan."),
    /** `uncertain` when the document does not show the placement and it was reasoned out; `note` says how. */
    confidence: z
      .enum(['certain', 'uncertain'])
      .default('certain')
      .describe('`uncertain` when the document does not show the placement and it was reasoned out; `note` says how.'),
    note: localized.optional(),
  })
  .refine((p) => p.confidence === 'certain' || p.note !== undefined, {
    path: ['note'],
    message: 'an uncertain placement needs a note giving the reasoning',
  });
export type IndicatorPlacement = z.infer<typeof indicatorPlacement>;

/** A target the plan states for the indicator in words (増加, 介護福祉士増加); a numeric target is a `target` figure. */
export const indicatorTarget = z.strictObject({
  text: localized,
  /** The fiscal year the target is for, when the document says. */
  fiscal_year: fiscalYear.optional().describe('The fiscal year the target is for, when the document says.'),
  source: sourceRef,
});

/** The indicator as one plan lists it. */
export const indicatorListing = z.strictObject({
  /** Id of a plan in data/plans/. */
  plan: ref.describe('Id of a plan in data/plans/.'),
  /** Number as printed in the plan's list of indicators (1, 2 … 10). */
  number: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("Number as printed in the plan's list of indicators (1, 2 … 10)."),
  /** The name as this document prints it, when it differs from the indicator's `name`. Checked against the document. */
  name: localized
    .optional()
    .describe(
      "The name as this document prints it, when it differs from the indicator's `name`. Checked against the document.",
    ),
  /** The 取組/事項 of the plan the indicator evaluates. */
  evaluates: z.array(indicatorPlacement).default([]).describe('The 取組/事項 of the plan the indicator evaluates.'),
  /**
   * When the extraction lost which matrix columns the row's 〇 are in: how many 〇 the row prints, and
   * what is known. Cells without a placement then show as unknown, never as blank.
   */
  lost_marks: z
    .strictObject({ count: z.number().int().positive(), note: localized })
    .optional()
    .describe(
      "When the extraction lost which matrix columns the row's 〇 are in: how many 〇 the " +
        'row prints, and what is known. Cells without a placement then show as unknown, ' +
        'never as blank.',
    ),
  targets: z.array(indicatorTarget).default([]),
  /** Where the plan lists the indicator. */
  source: sourceRef.describe('Where the plan lists the indicator.'),
});
export type IndicatorListing = z.infer<typeof indicatorListing>;

/** A program the document reports the indicator under (e.g. the 第7期 plan's item row names 在宅医療参入促進事業). */
export const indicatorProgram = z.strictObject({
  /** Id of a program in data/programs/. */
  program: ref.describe('Id of a program in data/programs/.'),
  note: localized.optional(),
  source: sourceRef,
});

export const indicator = z.strictObject({
  /** Permanent id (kebab-case ASCII); must equal the file name. URLs are built from it. */
  id,
  /** The measure's name on this site (a document's own wording is the listing's `name`). */
  name: localized.describe("The measure's name on this site (a document's own wording is the listing's `name`)."),
  /** What exactly is counted, as a document states it (e.g. 在宅患者訪問診療料を算定した診療所数及び病院数). */
  definition: printedText
    .optional()
    .describe(
      'What exactly is counted, as a document states it (e.g. 在宅患者訪問診療料を算定した診療所数及び病院数).',
    ),
  /** The statistic the values come from, as a document names it (e.g. 厚生労働省「医療計画作成支援データブック」). */
  data_source: printedText
    .optional()
    .describe(
      'The statistic the values come from, as a document names it (e.g. 厚生労働省「医療計画作成支援データブック」).',
    ),
  /** The unit of every value in `series`, as printed; absent while no document prints a value. */
  unit: unit
    .optional()
    .describe('The unit of every value in `series`, as printed; absent while no document prints a value.'),
  /** Every plan that lists the indicator: at least one. */
  listings: z.array(indicatorListing).min(1).describe('Every plan that lists the indicator: at least one.'),
  programs: z.array(indicatorProgram).default([]),
  /**
   * Every value any document prints, each citing its own document and heading; a document reporting the
   * same value in several places is cited once. `target` figures are numeric targets.
   */
  series: z
    .array(figure)
    .default([])
    .describe(
      'Every value any document prints, each citing its own document and heading; a ' +
        'document reporting the same value in several places is cited once. `target` ' +
        'figures are numeric targets.',
    ),
  /** What a reader needs to know about the indicator as a whole (e.g. how two documents' values relate). */
  note: localized
    .optional()
    .describe("What a reader needs to know about the indicator as a whole (e.g. how two documents' values relate)."),
  changes: changeNotes,
});
export type Indicator = z.infer<typeof indicator>;
