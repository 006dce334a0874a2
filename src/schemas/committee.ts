/**
 * A committee: 東京都在宅療養推進会議 (the council) and its 部会 (subcommittees). One file per
 * committee in data/committees/<id>.yaml, with its rosters by term in the source's order (五十音順).
 */
import { z } from 'astro/zod';
import { member } from './member.ts';
import { fiscalYear, id, isoDate, localized, ref, sourceRef, changeNotes } from './common.ts';

export const roster = z.strictObject({
  /** Id unique within the committee, e.g. 'fy2024'. Meetings point at it to show the roster in force. */
  id,
  /** Fiscal year of the meeting materials the roster was printed in. */
  fiscal_year: fiscalYear.describe('Fiscal year of the meeting materials the roster was printed in.'),
  /** Date the roster is known to be in force (the meeting date it was handed out at). */
  as_of: isoDate
    .optional()
    .describe('Date the roster is known to be in force (the meeting date it was handed out at).'),
  /** Members in the source's order. */
  members: z.array(member).min(1).describe("Members in the source's order."),
  /** The note printed under the roster, e.g. ※◎：部会長 五十音順. */
  note: localized.optional().describe('The note printed under the roster, e.g. ※◎：部会長 五十音順.'),
  source: sourceRef,
});

export const committee = z.strictObject({
  id,
  name: localized,
  /** Earlier names with the fiscal years they applied (e.g. 東京都訪問看護推進部会 until 令和6年度). */
  former_names: z
    .array(
      z.strictObject({
        name: localized,
        from: fiscalYear.optional(),
        to: fiscalYear.optional(),
        source: sourceRef,
      }),
    )
    .default([]),
  /** council: 会議; subcommittee: 部会; working-group: ワーキンググループ; liaison: 連絡会. */
  kind: z
    .enum(['council', 'subcommittee', 'working-group', 'liaison'])
    .describe('council: 会議; subcommittee: 部会; working-group: ワーキンググループ; liaison: 連絡会.'),
  /** Parent body (the 推進会議 for a 部会). */
  parent: ref.optional().describe('Parent body (the 推進会議 for a 部会).'),
  purpose: localized,
  purpose_source: sourceRef,
  /** Regulations (要綱/細目) that govern it: ids in data/regulations/. */
  regulations: z.array(ref).default([]).describe('Regulations (要綱/細目) that govern it: ids in data/regulations/.'),
  rosters: z.array(roster).default([]),
  changes: changeNotes,
});
export type Committee = z.infer<typeof committee>;
