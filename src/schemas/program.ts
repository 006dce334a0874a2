/**
 * A program (事業) run or funded by the Tokyo Metropolitan Government. One YAML file per program in
 * data/programs/, named <id>.yaml. Sub-programs (e.g. the components of 訪問看護推進総合事業) are
 * programs of their own with `parent`.
 */
import { z } from 'astro/zod';
import { figure } from './figure.ts';
import {
  checkPeriod,
  fiscalYear,
  fiscalYearSpan,
  id,
  localized,
  monthPeriod,
  ref,
  sourceRef,
  changeNotes,
} from './common.ts';

/** A name the program had before (or after) its current one, with the fiscal years it applied. */
export const formerName = z.strictObject({
  name: localized,
  /** First fiscal year the name applied (Gregorian start year), when known. */
  from: fiscalYear.optional().describe('First fiscal year the name applied (Gregorian start year), when known.'),
  /** Last fiscal year the name applied, when known. */
  to: fiscalYear.optional().describe('Last fiscal year the name applied, when known.'),
  /** Fiscal years a source shows the name in use, when neither end of its use is known. */
  seen_in: z
    .array(fiscalYear)
    .default([])
    .describe('Fiscal years a source shows the name in use, when neither end of its use is known.'),
  /** Where the name is printed. */
  source: sourceRef.describe('Where the name is printed.'),
});

/** Membership of a program in a plan's 取組 (or a document's grouping). Many-to-many. */
export const planLink = z.strictObject({
  /** Id of a plan in data/plans/. */
  plan: ref.describe('Id of a plan in data/plans/.'),
  /** Id of an initiative (取組 / 事項 / grouping) inside that plan. */
  initiative: ref.describe('Id of an initiative (取組 / 事項 / grouping) inside that plan.'),
  /** true when the source lists the program here again as 【再掲】/（再掲）/＜一部再掲＞. */
  relisted: z
    .boolean()
    .default(false)
    .describe('true when the source lists the program here again as 【再掲】/（再掲）/＜一部再掲＞.'),
  /** `uncertain` when the grouping had to be reconstructed from a scrambled extraction; `note` says why. */
  confidence: z
    .enum(['certain', 'uncertain'])
    .default('certain')
    .describe('`uncertain` when the grouping had to be reconstructed from a scrambled extraction; `note` says why.'),
  note: localized.optional(),
  source: sourceRef,
});

/** Funding source (財源), e.g. 地域医療介護総合確保基金. */
export const fundingLink = z.strictObject({
  /** Id of an entry in data/funds.yaml. */
  fund: ref.describe('Id of an entry in data/funds.yaml.'),
  /** Fiscal years for which the source states this funding; empty means the source gives no year. */
  fiscal_years: z
    .array(fiscalYear)
    .default([])
    .describe('Fiscal years for which the source states this funding; empty means the source gives no year.'),
  source: sourceRef,
});

/** Subsidy rate (補助率) as the source prints it, e.g. 1/2, 10/10, 3/4. */
export const subsidyRate = z.strictObject({
  /** Fraction 'numerator/denominator', half-width, no spaces. */
  rate: z
    .string()
    .regex(/^\d+\/\d+$/, "a subsidy rate is written like '1/2' or '10/10'")
    .describe("Fraction 'numerator/denominator', half-width, no spaces."),
  /** What part of the program the rate applies to, when not the whole (e.g. 入退院時連携支援事業). */
  applies_to: localized
    .optional()
    .describe('What part of the program the rate applies to, when not the whole (e.g. 入退院時連携支援事業).'),
  /** A condition printed with the rate, e.g. ※4年目以降：1/2 (from the fourth year: 1/2). */
  condition: localized
    .optional()
    .describe('A condition printed with the rate, e.g. ※4年目以降：1/2 (from the fourth year: 1/2).'),
  fiscal_years: z.array(fiscalYear).default([]),
  source: sourceRef,
});

/** An upper limit of a subsidy (補助上限額 / 補助基準額), e.g. 1時間あたり 1,700円. */
export const subsidyCap = z.strictObject({
  /** The amount as printed (no commas). */
  amount: z.number().nonnegative().describe('The amount as printed (no commas).'),
  /** Unit as printed: 円, 千円, 万円. */
  unit: z.enum(['円', '千円', '万円']).describe('Unit as printed: 円, 千円, 万円.'),
  /** What the cap is per, e.g. {ja: 1時間あたり, en: per hour}. */
  per: localized.describe('What the cap is per, e.g. {ja: 1時間あたり, en: per hour}.'),
  /** Band or condition, e.g. {ja: 職員数1～10人, en: 1–10 staff}. */
  band: localized.optional().describe('Band or condition, e.g. {ja: 職員数1～10人, en: 1–10 staff}.'),
  applies_to: localized.optional(),
  fiscal_years: z.array(fiscalYear).default([]),
  source: sourceRef,
});

/** A marker the source puts on the program for a year: 【新規】 new, 【拡充】 expanded. */
export const programMark = z.strictObject({
  mark: z.enum(['new', 'expanded']),
  fiscal_year: fiscalYear,
  /** What is new or expanded, when the mark is on a part of the program. */
  note: localized.optional().describe('What is new or expanded, when the mark is on a part of the program.'),
  source: sourceRef,
});

/** Narrative text for a fiscal year: results, plans, or the self-evaluation (自己評価). */
export const narrative = z
  .strictObject({
    fiscal_year: fiscalYear,
    kind: z.enum(['result', 'plan', 'self-evaluation', 'issue']),
    text: localized,
    /** Part of the year the text covers (e.g. 4月～12月 → {from: '2024-04', to: '2024-12'}); inside `fiscal_year`. */
    period: monthPeriod
      .optional()
      .describe(
        "Part of the year the text covers (e.g. 4月～12月 → {from: '2024-04', to: '2024-12'}); inside `fiscal_year`.",
      ),
    source: sourceRef,
  })
  .superRefine(checkPeriod);

/** A designated site (e.g. an 教育ステーション) with its municipality and designation cohort. */
export const site = z
  .strictObject({
    name: localized,
    /** Id in data/municipalities.yaml. */
    municipality: ref.describe('Id in data/municipalities.yaml.'),
    /** Fiscal year the site was designated, when the source gives it. */
    designated_in: fiscalYear.optional().describe('Fiscal year the site was designated, when the source gives it.'),
    /** The source only says "designated in or before this fiscal year" (e.g. 令和5年度以前指定). */
    designated_by: fiscalYear
      .optional()
      .describe('The source only says "designated in or before this fiscal year" (e.g. 令和5年度以前指定).'),
    /**
     * `uncertain` when the source conveys the cohort only by something the text lost (e.g. map
     * colours); `note` says what is known.
     */
    confidence: z
      .enum(['certain', 'uncertain'])
      .default('certain')
      .describe(
        '`uncertain` when the source conveys the cohort only by something the text lost ' +
          '(e.g. map colours); `note` says what is known.',
      ),
    note: localized.optional(),
    source: sourceRef,
  })
  .refine((s) => !(s.designated_in && s.designated_by), 'give designated_in or designated_by, not both');

/** A bullet of the program's content (事業内容), e.g. a menu item of a subsidy. */
export const detail = z.strictObject({
  text: localized,
  /** Marks printed on the item (【新規】, 【拡充】). */
  mark: z.enum(['new', 'expanded']).optional().describe('Marks printed on the item (【新規】, 【拡充】).'),
  fiscal_year: fiscalYear.optional(),
  source: sourceRef,
});

export const program = z.strictObject({
  /** Permanent id (kebab-case ASCII, never derived from a title). Must equal the file name. */
  id,
  /** Ids this program was published under before; each becomes a redirect. */
  former_ids: z.array(id).default([]).describe('Ids this program was published under before; each becomes a redirect.'),
  /** Current name (the latest the sources use). */
  name: localized.describe('Current name (the latest the sources use).'),
  former_names: z.array(formerName).default([]),
  /** Bureau or department in charge (所管): id in data/bureaus.yaml, when a source states it. */
  bureau: ref
    .optional()
    .describe('Bureau or department in charge (所管): id in data/bureaus.yaml, when a source states it.'),
  /** Parent program id when this is a component (e.g. of 訪問看護推進総合事業). */
  parent: ref.optional().describe('Parent program id when this is a component (e.g. of 訪問看護推進総合事業).'),
  /**
   * Fiscal years in which the source budgets this component on its own, outside its parent's amount
   * (e.g. before it became a component): totals then count its amount instead of taking it to be
   * included in the parent's. Only with `parent`.
   */
  separate_budget_in: z
    .array(fiscalYear)
    .default([])
    .describe(
      "Fiscal years in which the source budgets this component on its own, outside its parent's amount " +
        '(e.g. before it became a component): totals then count its amount instead of taking it to be ' +
        "included in the parent's. Only with `parent`.",
    ),
  /** Committee this program is (a budget line for a 部会), id in data/committees/. */
  committee: ref.optional().describe('Committee this program is (a budget line for a 部会), id in data/committees/.'),
  /** Fiscal years in which the program is known to run; figures outside it are an error. */
  span: fiscalYearSpan
    .optional()
    .describe('Fiscal years in which the program is known to run; figures outside it are an error.'),
  /** One or two sentences: what the program does and for whom. */
  summary: localized.describe('One or two sentences: what the program does and for whom.'),
  /** Where the summary comes from. */
  summary_source: sourceRef.describe('Where the summary comes from.'),
  details: z.array(detail).default([]),
  plan_links: z.array(planLink).default([]),
  funding: z.array(fundingLink).default([]),
  subsidy_rates: z.array(subsidyRate).default([]),
  subsidy_caps: z.array(subsidyCap).default([]),
  /**
   * 国庫負担 (national government share) as marked for this program in the plan evaluation table.
   * Only for a mark (or a blank) the layout ties to this program's row. When the extraction lost
   * which rows a column's marks belong to, do not put `marked: true` here: record what the document
   * does say as a plan's `national_subsidy_groups` entry ("3 of these 8 programs are marked").
   * `uncertain` (allowed with `marked: false` only) says the blank's row is not certain either.
   */
  national_subsidy: z
    .strictObject({
      marked: z.boolean(),
      confidence: z.enum(['certain', 'uncertain']).default('certain'),
      note: localized.optional(),
      source: sourceRef,
    })
    .refine((n) => !(n.marked && n.confidence === 'uncertain'), {
      path: ['marked'],
      message:
        'an uncertain 国庫負担 mark would show "Yes" for a program the document may not mark: ' +
        "record it as a plan's national_subsidy_groups entry (N of these programs are marked)",
    })
    .optional(),
  marks: z.array(programMark).default([]),
  sites: z.array(site).default([]),
  /**
   * A note that applies to all the sites (or every uncertain one), said once here rather than on each
   * site: e.g. that the source shows the designation cohorts by colour only. The data check refuses the
   * same note on several sites.
   */
  sites_note: localized
    .optional()
    .describe(
      'A note that applies to all the sites (or every uncertain one), said once here ' +
        'rather than on each site: e.g. that the source shows the designation cohorts by ' +
        'colour only. The data check refuses the same note on several sites.',
    ),
  narratives: z.array(narrative).default([]),
  /** Every number the sources print for this program, by fiscal year. */
  figures: z.array(figure).default([]).describe('Every number the sources print for this program, by fiscal year.'),
  changes: changeNotes,
});
export type Program = z.infer<typeof program>;
