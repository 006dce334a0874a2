/**
 * A plan indicator (指標): what it measures, which 取組 it evaluates, where its numbers come from,
 * and its series of values and targets. Indicators live inside their plan's file.
 */
import { z } from 'astro/zod';
import { figure } from './figure.ts';
import { id, localized, ref, sourceRef } from './common.ts';

export const indicator = z.strictObject({
  /** Id unique within the plan. */
  id,
  /** Number as printed in the plan (1, 2 … 10). */
  number: z.number().int().positive().optional(),
  name: localized,
  /** 取組 ids (within the same plan) the indicator evaluates — the 〇 of the indicator × 取組 matrix. */
  initiatives: z.array(ref).default([]),
  /**
   * `uncertain` when the extracted text lost which matrix column each 〇 is in; `matrix_note` then
   * says what is known (e.g. "three 〇 of 取組1–5, columns lost in extraction").
   */
  matrix_confidence: z.enum(['certain', 'uncertain']).default('certain'),
  matrix_note: localized.optional(),
  /** The statistic the numbers come from, as the plan states it (e.g. 厚生労働省「医療施設調査」). */
  data_source: localized.optional(),
  /** Values and targets, each with fiscal year, unit and source. */
  series: z.array(figure).default([]),
  source: sourceRef,
});
export type Indicator = z.infer<typeof indicator>;
