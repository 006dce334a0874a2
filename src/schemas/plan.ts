/**
 * A plan or a document's structure of work: 東京都保健医療計画 (課題 → 取組), the 高齢者保健福祉計画
 * support areas (領域 → 事項), or a year's 在宅療養推進に向けた都の取組 (its headings). One file per
 * plan in data/plans/<id>.yaml. Programs link to initiatives with `plan_links`; indicators (data/indicators/)
 * list the plans that report them and the initiatives they evaluate.
 */
import { z } from 'astro/zod';
import { figure } from './figure.ts';
import { fiscalYear, fiscalYearSpan, id, isoDate, localized, ref, sourceRef, changeNotes } from './common.ts';

/** 課題 (issue) or 領域 (area): the top level of a plan. */
export const planIssue = z.strictObject({
  id,
  /** Number as printed (課題1 → 1). */
  number: z.number().int().positive().optional().describe('Number as printed (課題1 → 1).'),
  title: localized,
  source: sourceRef,
});

/** Narrative about one fiscal year of an initiative: what was done, and the self-evaluation. */
export const initiativeYear = z.strictObject({
  fiscal_year: fiscalYear,
  /** 取組の実施内容・実績. */
  activities: localized.optional().describe('取組の実施内容・実績.'),
  /** 自己評価と今後の課題・対応策. */
  self_evaluation: localized.optional().describe('自己評価と今後の課題・対応策.'),
  source: sourceRef,
});

/**
 * An entry of the 参考資料 column (別紙N) of the 第7期 plan table: an annex the item refers to.
 * `uncertain` when the extraction lost which item's row the 別紙 was printed in; `note` then says
 * what the text does show (e.g. the area prints one 別紙 for its two items).
 */
export const initiativeReference = z
  .strictObject({
    /** As printed, half-width digits: {ja: 別紙1, en: Annex 1}. The check verifies `ja` occurs in the source document. */
    label: localized.describe(
      'As printed, half-width digits: {ja: 別紙1, en: Annex 1}. The check verifies `ja` occurs in the source document.',
    ),
    confidence: z.enum(['certain', 'uncertain']).default('certain'),
    note: localized.optional(),
    source: sourceRef,
  })
  .refine((r) => r.confidence === 'certain' || r.note !== undefined, {
    path: ['note'],
    message: 'an uncertain reference needs a note saying what the extraction shows',
  });
export type InitiativeReference = z.infer<typeof initiativeReference>;

/** 取組 / 事項 / a grouping heading: the level programs belong to. */
export const initiative = z.strictObject({
  id,
  number: z.number().int().positive().optional(),
  /** Parent 課題/領域 id within the same plan. */
  issue: ref.optional().describe('Parent 課題/領域 id within the same plan.'),
  title: localized,
  /** 目標 — the goal (a sentence) or target (e.g. 年1回以上). */
  goal: localized.optional().describe('目標 — the goal (a sentence) or target (e.g. 年1回以上).'),
  /** これまでの取組 — past work, one item per bullet. */
  past_work: z.array(localized).default([]).describe('これまでの取組 — past work, one item per bullet.'),
  /** 課題 / 目標設定するに至った現状と課題 — issues and rationale, one item per bullet. */
  challenges: z
    .array(localized)
    .default([])
    .describe('課題 / 目標設定するに至った現状と課題 — issues and rationale, one item per bullet.'),
  /** 今後の方向性 — directions, one item per bullet. */
  directions: z.array(localized).default([]).describe('今後の方向性 — directions, one item per bullet.'),
  /** 令和2年度までに目指すべきビジョン and similar. */
  vision: localized.optional().describe('令和2年度までに目指すべきビジョン and similar.'),
  years: z.array(initiativeYear).default([]),
  /**
   * Numbers the document prints for the 取組 / 事項 itself rather than for a program under it (e.g.
   * the hearings, area meetings and 情報交換会 of an item without a program, or a goal such as 年1回以上
   * as a `target` for each year of the plan). A program's numbers stay on the program. Same rules as
   * program figures: unit from src/lib/units.ts, source heading that occurs in the document.
   */
  figures: z
    .array(figure)
    .default([])
    .describe(
      'Numbers the document prints for the 取組 / 事項 itself rather than for a program ' +
        'under it (e.g. the hearings, area meetings and 情報交換会 of an item without a ' +
        'program, or a goal such as 年1回以上 as a `target` for each year of the plan). A ' +
        "program's numbers stay on the program. Same rules as program figures: unit from " +
        'src/lib/units.ts, source heading that occurs in the document.',
    ),
  /** 参考資料: the annexes (別紙N) the document lists for this item, in its order. */
  references: z
    .array(initiativeReference)
    .default([])
    .describe('参考資料: the annexes (別紙N) the document lists for this item, in its order.'),
  source: sourceRef,
});

/**
 * A mark the document gives to some of a group of programs without saying which: the 国庫負担
 * column of a page of the evaluation table prints N 〇 for the M programs on that page, and the
 * extraction lost the rows. Records only that: the programs, and how many of them are marked.
 * Pages show "N of these M programs are marked; the document does not show which", never "Yes".
 */
export const nationalSubsidyGroup = z
  .strictObject({
    /** Id unique within the plan. */
    id,
    /** Program ids, in the document's order; each must be linked to this plan (plan_links). */
    programs: z
      .array(ref)
      .min(2)
      .describe("Program ids, in the document's order; each must be linked to this plan (plan_links)."),
    /** How many 〇 the column prints for these programs. */
    marked_count: z.number().int().nonnegative().describe('How many 〇 the column prints for these programs.'),
    /** What is known and why the rows cannot be told (e.g. the marks come before the rows in the extraction). */
    note: localized.describe(
      'What is known and why the rows cannot be told (e.g. the marks come before the rows in the extraction).',
    ),
    source: sourceRef,
  })
  .refine((g) => g.marked_count < g.programs.length, {
    path: ['marked_count'],
    message:
      'marked_count must be smaller than the number of programs (when every program is marked, mark each program)',
  });
export type NationalSubsidyGroup = z.infer<typeof nationalSubsidyGroup>;

export const plan = z.strictObject({
  id,
  name: localized,
  /** health-medical-plan: 保健医療計画; elderly-welfare-plan: 高齢者保健福祉計画; annual-initiatives: a year's 都の取組. */
  kind: z
    .enum(['health-medical-plan', 'elderly-welfare-plan', 'annual-initiatives'])
    .describe(
      "health-medical-plan: 保健医療計画; elderly-welfare-plan: 高齢者保健福祉計画; annual-initiatives: a year's 都の取組.",
    ),
  /** Fiscal years the plan covers. */
  period: fiscalYearSpan.describe('Fiscal years the plan covers.'),
  /** Date of the revision or document (e.g. 平成30年3月改定 → '2018-03'), when stated. */
  revised: z
    .union([isoDate, z.string().regex(/^\d{4}-\d{2}$/)])
    .optional()
    .describe("Date of the revision or document (e.g. 平成30年3月改定 → '2018-03'), when stated."),
  /** Draft (案/骨子) rather than adopted. */
  draft: z.boolean().default(false).describe('Draft (案/骨子) rather than adopted.'),
  summary: localized,
  /** Labels the document uses for its levels, e.g. {ja: 課題, en: Issue} / {ja: 取組, en: Initiative}. */
  level_names: z
    .strictObject({ issue: localized, initiative: localized })
    .describe('Labels the document uses for its levels, e.g. {ja: 課題, en: Issue} / {ja: 取組, en: Initiative}.'),
  issues: z.array(planIssue).default([]),
  initiatives: z.array(initiative).min(1),
  /** 国庫負担 marks the document gives to a group of programs without saying which (see nationalSubsidyGroup). */
  national_subsidy_groups: z
    .array(nationalSubsidyGroup)
    .default([])
    .describe(
      '国庫負担 marks the document gives to a group of programs without saying which (see nationalSubsidyGroup).',
    ),
  /** Planning notes printed with the plan (e.g. 訪問診療必要量の見直し). */
  notes: z
    .array(z.strictObject({ text: localized, source: sourceRef }))
    .default([])
    .describe('Planning notes printed with the plan (e.g. 訪問診療必要量の見直し).'),
  source: sourceRef,
  changes: changeNotes,
});
export type Plan = z.infer<typeof plan>;
