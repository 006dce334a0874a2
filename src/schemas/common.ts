/**
 * Building blocks shared by every entity schema. Every object is strict: an unknown key is an
 * error, because in hand-written YAML it is almost always a typo.
 */
import { z } from 'astro/zod';
import { UNIT_KEYS } from '../lib/units.ts';

/** Permanent ASCII id: lowercase kebab-case. URLs are built from it, so it never changes once published. */
export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lowercase ASCII kebab-case, e.g. "visiting-nurse-education-stations"');

/** A reference to another entry's id (checked by the integrity check, not by Astro, which only logs). */
export const ref = id;

/**
 * Text that must exist in both languages. `ja` is as in the source; `en` is written for a reader who
 * knows no Japanese administration.
 */
export const localized = z.strictObject({
  ja: z.string({ error: (iss) => (iss.input === undefined ? 'Japanese text is missing' : 'Japanese text must be a string') }).trim().min(1, 'Japanese text is empty'),
  en: z
    .string({ error: (iss) => (iss.input === undefined ? 'English text is missing: every ja text needs an en version' : 'English text must be a string') })
    .trim()
    .min(1, 'English text is missing: every ja text needs an en version'),
});
export type Localized = z.infer<typeof localized>;

/**
 * Fiscal year as the Gregorian year in which it starts (April–March): 令和元年度 = 平成31年度 = 2019.
 * Written as a plain integer in YAML; 令和7 or "2025年度" are errors (the curator converts).
 */
export const fiscalYear = z
  .number({ error: (iss) => `a fiscal year is a Gregorian integer such as 2019 (令和元年度 = 2019), found ${JSON.stringify(iss.input)}` })
  .int('a fiscal year is a whole number')
  .min(2000, 'fiscal year before 2000: this atlas covers programs from 平成12年度 (2000) on')
  .max(2035, 'fiscal year after 2035');

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date written as a quoted string 'YYYY-MM-DD' that exists (2025-13-40 is rejected). Never a YAML Date. */
export const isoDate = z
  .string({
    error: (iss) =>
      `a date is a quoted string 'YYYY-MM-DD', found ` +
      (typeof iss.input === 'object' ? 'a non-string' : JSON.stringify(iss.input)),
  })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is written 'YYYY-MM-DD'")
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    return isRealDate(y!, m!, d!);
  }, 'this date does not exist in the calendar');

/** A calendar month 'YYYY-MM', for events the source dates only to the month (e.g. 令和6年7月). */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month is written 'YYYY-MM'");

/** Clock time 'HH:MM' (24-hour). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time is written 'HH:MM' (24-hour)");

/**
 * Where a statement comes from: a source document id (data/sources.yaml) and the heading it sits
 * under, copied exactly as the document prints it (the check verifies the heading text occurs in the document).
 */
export const sourceRef = z.strictObject({
  /** Id of an entry in data/sources.yaml. */
  document: ref,
  /** The heading (見出し) in the document, character for character as extracted. */
  heading: z.string().trim().min(1),
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
