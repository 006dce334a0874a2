/**
 * A survey (調査) run by the Tokyo Metropolitan Government, e.g. 令和6年度訪問看護の人材確保・定着等に
 *関する調査. One file per survey in data/surveys/<id>.yaml.
 */
import { z } from 'astro/zod';
import { figure, undatedFigure } from './figure.ts';
import { fiscalYear, id, isoDate, isoMonth, localized, ref, sourceRef } from './common.ts';

export const survey = z.strictObject({
  id,
  title: localized,
  fiscal_year: fiscalYear,
  purpose: localized,
  /** Who is surveyed (e.g. every home-visit nursing office in Tokyo as of 1 October). */
  target: localized,
  /** Questionnaires (調査票), e.g. 管理者, 常勤職員, 非常勤職員. */
  questionnaires: z.array(localized).default([]),
  /** How it is sent and answered. */
  method: localized,
  schedule: z
    .array(z.strictObject({ date: isoDate.optional(), month: isoMonth.optional(), text: localized }))
    .default([]),
  /** Main items asked, grouped by questionnaire; `new` marks items added this time. */
  items: z.array(z.strictObject({ group: localized, text: localized, new: z.boolean().default(false) })).default([]),
  /** Numbers about the survey: target count, previous response rates … */
  figures: z.array(figure).default([]),
  /**
   * The previous survey of the same kind, as far as this document describes it (e.g. 前回は郵送回収,
   * 前回の回収率). `fiscal_year` only when a document states when it was held; absent means unknown,
   * and its figures are undated (never filed under this survey's year).
   */
  previous_survey: z
    .strictObject({
      fiscal_year: fiscalYear.optional(),
      /** What the document says about how it was run. */
      note: localized.optional(),
      figures: z.array(undatedFigure).default([]),
      source: sourceRef,
    })
    .optional(),
  /** Programs the survey informs. */
  programs: z.array(ref).default([]),
  source: sourceRef,
});
export type Survey = z.infer<typeof survey>;
