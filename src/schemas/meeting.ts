/**
 * A meeting of a committee: one file per meeting in data/meetings/<id>.yaml.
 * The label 令和6年度第2回 is built from `fiscal_year` + `ordinal`, never stored as text.
 */
import { z } from 'astro/zod';
import {
  clockTime,
  fiscalYear,
  id,
  isoDate,
  isoMonth,
  localized,
  ref,
  sourceRef,
  text,
  changeNotes,
} from './common.ts';
import { fiscalYearMonths, fiscalYearOfDate } from '../lib/fiscal-year.ts';
import { agendaAnchor } from '../lib/labels.ts';

/** A handout (配布資料): 資料1 …, 参考資料1, its sub-items 参考資料1-2 … */
export const handout = z.strictObject({
  /** Numbering as printed, half-width: '資料1', '参考資料1-2'. Also the anchor on the meeting page. */
  label: z
    .string()
    .regex(/^(資料|参考資料)\d+(-\d+)?$/, "a handout label is like '資料1' or '参考資料1-2'")
    .describe("Numbering as printed, half-width: '資料1', '参考資料1-2'. Also the anchor on the meeting page."),
  title: localized,
  /** Programs the handout is about (ids in data/programs/). */
  programs: z.array(ref).default([]).describe('Programs the handout is about (ids in data/programs/).'),
  /** Regulation the handout is (ids in data/regulations/). */
  regulation: ref.optional().describe('Regulation the handout is (ids in data/regulations/).'),
  /** Meeting the handout reports on (e.g. the minutes of the previous meeting). */
  meeting: ref.optional().describe('Meeting the handout reports on (e.g. the minutes of the previous meeting).'),
  /** Survey the handout presents (ids in data/surveys/). */
  survey: ref.optional().describe('Survey the handout presents (ids in data/surveys/).'),
});

export const agendaItem = z.strictObject({
  /** Numbering as printed, half-width: '3(1)'. Unique within the meeting: it is the item's anchor on the page. */
  number: text
    .min(1)
    .describe(
      "Numbering as printed, half-width: '3(1)'. Unique within the meeting: it is the item's anchor on the page.",
    ),
  title: localized,
  programs: z.array(ref).default([]),
  /** Labels of the handouts that belong to this item. */
  handouts: z.array(z.string()).default([]).describe('Labels of the handouts that belong to this item.'),
});

export const meeting = z
  .strictObject({
    id,
    /** Id in data/committees/. */
    committee: ref.describe('Id in data/committees/.'),
    /** Fiscal year of the meeting (Gregorian start year): 令和6年度第2回 → 2024. */
    fiscal_year: fiscalYear.describe('Fiscal year of the meeting (Gregorian start year): 令和6年度第2回 → 2024.'),
    /** Ordinal within the fiscal year: 第2回 → 2. */
    ordinal: z.number().int().positive().describe('Ordinal within the fiscal year: 第2回 → 2.'),
    /** Date as 'YYYY-MM-DD' when the source gives the day. */
    date: isoDate.optional().describe("Date as 'YYYY-MM-DD' when the source gives the day."),
    /** Month 'YYYY-MM' when the source gives only the month. */
    month: isoMonth.optional().describe("Month 'YYYY-MM' when the source gives only the month."),
    start: clockTime.optional(),
    end: clockTime.optional(),
    /** online / in-person / hybrid, when a source says so. */
    format: z
      .enum(['online', 'in-person', 'hybrid'])
      .optional()
      .describe('online / in-person / hybrid, when a source says so.'),
    format_source: sourceRef.optional(),
    /** Roster in force: a roster id of the committee. */
    roster: id.optional().describe('Roster in force: a roster id of the committee.'),
    agenda: z.array(agendaItem).default([]),
    handouts: z.array(handout).default([]),
    source: sourceRef,
    changes: changeNotes,
  })
  .superRefine((m, ctx) => {
    if (!m.date && !m.month)
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'a meeting needs a date (YYYY-MM-DD) or at least a month (YYYY-MM)',
      });
    // A meeting of 令和6年度 takes place between April 2024 and March 2025.
    for (const key of ['date', 'month'] as const) {
      const when = m[key];
      if (when && fiscalYearOfDate(when) !== m.fiscal_year) {
        const { first, last } = fiscalYearMonths(m.fiscal_year);
        const message = `${when} is outside the meeting's fiscal year ${m.fiscal_year} (${first} to ${last})`;
        ctx.addIssue({ code: 'custom', path: [key], message });
      }
    }
    // Each agenda item is an anchor on the meeting page (agendaAnchor): two items may not share one.
    const anchors = new Map<string, string>();
    m.agenda.forEach((item, i) => {
      const anchor = agendaAnchor(item.number);
      const other = anchors.get(anchor);
      if (other === undefined) {
        anchors.set(anchor, item.number);
        return;
      }
      const message =
        other === item.number
          ? `agenda number "${item.number}" is used twice in this meeting`
          : `agenda numbers "${other}" and "${item.number}" give the same anchor #${anchor} on the meeting page`;
      ctx.addIssue({ code: 'custom', path: ['agenda', i, 'number'], message });
    });
    if (m.start && m.end && m.start >= m.end)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'the meeting ends before it starts' });
  });
export type Meeting = z.infer<typeof meeting>;
