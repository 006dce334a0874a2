/**
 * Building blocks shared by every entity schema. Every object is strict: an unknown key is an
 * error, because in hand-written YAML it is almost always a typo.
 */
import { z } from 'astro/zod';
import { UNIT_KEYS } from '../lib/units.ts';
import { fiscalYearMonths } from '../lib/fiscal-year.ts';

/** Permanent ASCII id: lowercase kebab-case. URLs are built from it, so it never changes once published. */
export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lowercase ASCII kebab-case, e.g. "visiting-nurse-education-stations"');

/** A reference to another entry's id (checked by the integrity check, not by Astro, which only logs). */
export const ref = id;

/**
 * Characters no data text may contain: C0 controls except tab and line feed (a CR, NUL or ESC is a
 * copy-paste accident), DEL and C1 controls (bytes of another encoding read as Latin-1), bidi
 * embeddings, overrides and isolates U+202A–202E / U+2066–2069 (they reorder what a reader sees, so a
 * page could show text other than what was reviewed), and U+FFFD, the mark of text already garbled by
 * a wrong conversion.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]/u;
/** Whitespace and zero-width characters: text made only of these looks present but shows nothing. */
const INVISIBLE_ONLY = /^[\s\u200B-\u200D\u2060\uFEFF]+$/u;

function codePointName(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const names: Record<string, string> = {
    '0000': 'NUL',
    '000D': 'carriage return',
    '001B': 'escape',
    '007F': 'DEL',
    '202A': 'left-to-right embedding',
    '202B': 'right-to-left embedding',
    '202C': 'pop directional formatting',
    '202D': 'left-to-right override',
    '202E': 'right-to-left override',
    '2066': 'left-to-right isolate',
    '2067': 'right-to-left isolate',
    '2068': 'first strong isolate',
    '2069': 'pop directional isolate',
    FFFD: 'replacement character',
  };
  return `U+${hex}${names[hex] ? ` (${names[hex]})` : ''}`;
}

/**
 * Why a text cannot be published, or undefined when it can; `char` is the offending character. One rule
 * for every string in data/: the loader applies it to every scalar (with its line), the schemas to
 * every text field.
 */
export function textProblem(text: string): { message: string; char?: string } | undefined {
  const bad = FORBIDDEN_CHARACTER.exec(text);
  if (bad) {
    const what = /[\u202A-\u202E\u2066-\u2069]/.test(bad[0])
      ? 'a bidirectional control character, which can make a page show text in another order than written'
      : bad[0] === '\uFFFD'
        ? 'the replacement character �, left where text was converted from another encoding; ' +
          'copy it again from the source'
        : 'a control character';
    const at = [...text.slice(0, bad.index)].length + 1;
    return { message: `text contains ${codePointName(bad[0])}, ${what} (character ${at})`, char: bad[0] };
  }
  if (!text.isWellFormed()) {
    return { message: 'text contains a lone surrogate (an unpaired \\uD800–\\uDFFF escape); write the character' };
  }
  if (INVISIBLE_ONLY.test(text)) {
    return { message: 'text is only whitespace or zero-width characters: it looks present but shows nothing' };
  }
  return undefined;
}

/** Adds textProblem as an issue: for `.superRefine` on any string schema. */
export function refineText(
  value: string,
  ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void },
): void {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
}

/** A string that passes textProblem: for text fields that are not `localized` (names, headings, numbering). */
export const text = z.string().superRefine(refineText);

/**
 * Text that must exist in both languages. `ja` is as in the source; `en` is written for a reader who
 * knows no Japanese administration.
 */
export const localized = z.strictObject({
  ja: z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? 'Japanese text is missing'
          : `Japanese text must be a string, found ${describeValue(iss.input)}`,
    })
    .trim()
    .min(1, 'Japanese text is empty')
    .superRefine(refineText),
  en: z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? 'English text is missing: every ja text needs an en version'
          : `English text must be a string, found ${describeValue(iss.input)}`,
    })
    .trim()
    .min(1, 'English text is missing: every ja text needs an en version')
    .superRefine(refineText),
});
export type Localized = z.infer<typeof localized>;

/** A value in plain words for messages: "the number 20250205", "a mapping (key: value pairs)", "not a number". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'not a number (.nan)';
    if (!Number.isFinite(value)) return `infinity (${value < 0 ? '-' : ''}.inf), which is not a number`;
    return `the number ${Object.is(value, -0) ? '-0' : String(value)}`;
  }
  if (typeof value === 'boolean') return `${value} (a yes/no value)`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping (key: value pairs)';
  return String(value);
}

/**
 * Fiscal year as the Gregorian year in which it starts (April–March): 令和元年度 = 平成31年度 = 2019.
 * Written as a plain integer in YAML; 令和7 or "2025年度" are errors (the curator converts).
 */
export const fiscalYear = z
  .number({
    error: (iss) =>
      `a fiscal year is a Gregorian integer such as 2019 (令和元年度 = 2019), found ${describeValue(iss.input)}`,
  })
  .int('a fiscal year is a whole number')
  .min(2000, 'fiscal year before 2000: this atlas covers programs from 平成12年度 (2000) on')
  .max(2035, 'fiscal year after 2035');

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Years a date in this atlas can have: 平成 and 令和 documents (a year like 0099 is a typo, not history). */
export const DATE_YEARS = { from: 1989, to: 2099 } as const;

function yearOutside(dateOrMonth: string): string {
  return `year ${dateOrMonth.slice(0, 4)} is outside ${DATE_YEARS.from}–${DATE_YEARS.to} (平成 and 令和): a typo?`;
}

/** A calendar date written as a quoted string 'YYYY-MM-DD' that exists (2025-13-40 is rejected). Never a YAML Date. */
export const isoDate = z
  .string({ error: (iss) => `a date is a quoted string 'YYYY-MM-DD', found ${describeValue(iss.input)}` })
  .superRefine((s, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `a date is written 'YYYY-MM-DD', found ${describeValue(s)}` });
      return;
    }
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    if (y < DATE_YEARS.from || y > DATE_YEARS.to) ctx.addIssue({ code: 'custom', message: yearOutside(s) });
    else if (!isRealDate(y, m, d)) {
      ctx.addIssue({ code: 'custom', message: `${s}: this date does not exist in the calendar` });
    }
  });

/** A calendar month 'YYYY-MM', for events the source dates only to the month (e.g. 令和6年7月). */
export const isoMonth = z
  .string({ error: (iss) => `a month is a quoted string 'YYYY-MM', found ${describeValue(iss.input)}` })
  .superRefine((s, ctx) => {
    const year = Number(s.slice(0, 4));
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `a month is written 'YYYY-MM', found ${describeValue(s)}` });
    } else if (year < DATE_YEARS.from || year > DATE_YEARS.to) {
      ctx.addIssue({ code: 'custom', message: yearOutside(s) });
    }
  });

/** Part of a fiscal year, by month: R6 results for 4月～12月 are {from: '2024-04', to: '2024-12'}. */
export const monthPeriod = z.strictObject({ from: isoMonth, to: isoMonth });

/**
 * A period must run forwards and lie inside the fiscal year of what it qualifies (April of that year
 * to March of the next). For the superRefine of an object with `fiscal_year` and `period`.
 */
export function checkPeriod(
  value: { fiscal_year: number; period?: { from: string; to: string } },
  ctx: { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void },
): void {
  const { period, fiscal_year: year } = value;
  if (!period) return;
  if (period.from > period.to) {
    const message = `the period runs backwards: ${period.from} is after ${period.to}`;
    ctx.addIssue({ code: 'custom', path: ['period', 'to'], message });
  }
  const { first, last } = fiscalYearMonths(year);
  for (const end of ['from', 'to'] as const) {
    if (period[end] < first || period[end] > last) {
      const message = `${period[end]} is outside fiscal year ${year} (${first} to ${last})`;
      ctx.addIssue({ code: 'custom', path: ['period', end], message });
    }
  }
}

/** Clock time 'HH:MM' (24-hour). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time is written 'HH:MM' (24-hour)");

/**
 * Where a statement comes from: a source document id (data/sources.yaml) and the heading it sits
 * under, copied exactly as the document prints it (the check verifies the heading text occurs in the document).
 */
export const sourceRef = z.strictObject({
  /** Id of an entry in data/sources.yaml. */
  document: ref.describe('Id of an entry in data/sources.yaml.'),
  /** The heading (見出し) in the document, character for character as extracted. */
  heading: z
    .string()
    .trim()
    .min(1)
    .superRefine(refineText)
    .describe('The heading (見出し) in the document, character for character as extracted.'),
});
export type SourceRef = z.infer<typeof sourceRef>;

/** Unit exactly as the source prints it (千円, 人, 回, か所, 箇所, 事業所 …); the list with English forms is src/lib/units.ts. */
export const unit = z.enum(UNIT_KEYS as [string, ...string[]], {
  error: (iss) =>
    `unit ${JSON.stringify(iss.input)} is not in the list in src/lib/units.ts ` +
    '(add it there with its English form if the source really uses it)',
});

/** Inclusive range of fiscal years. */
export const fiscalYearSpan = z
  .strictObject({ from: fiscalYear.optional(), to: fiscalYear.optional() })
  .refine((s) => s.from === undefined || s.to === undefined || s.from <= s.to, '`from` is after `to`');

/**
 * A change note (GOV.UK style): a change to an entry that a reader should know about — a correction, a
 * figure or mark withdrawn, a statement removed — dated by the day it was made (the commit date,
 * Asia/Tokyo), in both languages. Not for typo fixes. Notes are listed oldest first; the data check
 * refuses a date after today, one out of order, and one before the event a meeting records.
 */
export const changeNote = z
  .strictObject({
    date: isoDate.describe("The day the change was made, 'YYYY-MM-DD' (Asia/Tokyo)"),
    ja: localized.shape.ja.describe('What changed and why, in Japanese (one or two sentences)'),
    en: localized.shape.en.describe('What changed and why, in English'),
  })
  .describe('A change a reader should know about (a correction, a figure or statement withdrawn)');
export type ChangeNote = z.infer<typeof changeNote>;

/** The change notes of an entry, oldest first. */
export const changeNotes = z
  .array(changeNote)
  .default([])
  .describe('Change notes for readers, oldest first (shown on the page, on /changes/ and in the Atom feed)');
