/**
 * A regulation (要綱 / 細目) with its articles and revision history. One file per regulation in
 * data/regulations/<id>.yaml. Articles keep the source's numbering (第1, 1, (1) …).
 */
import { z } from 'astro/zod';
import { id, isoDate, localized, ref, sourceRef, text } from './common.ts';

export interface Clause {
  number?: string;
  title?: { ja: string; en: string };
  text?: { ja: string; en: string };
  items?: Clause[];
}

/** An article (第1 目的), item (1) or sub-item ((1)); nested as printed. */
export const clause: z.ZodType<Clause> = z.lazy(() =>
  z.strictObject({
    /** Numbering as printed, half-width: '第3', '2', '(1)'. */
    number: text.optional(),
    title: localized.optional(),
    text: localized.optional(),
    items: z.array(clause).optional(),
  }),
);

/** One enactment or revision: the date of the notice, its number, and when it took effect (附則). */
export const revision = z.strictObject({
  kind: z.enum(['enacted', 'revised']),
  /** Date of the notice (…付). */
  date: isoDate,
  /** Notice number as printed, half-width digits: '22福保医政第95号'. */
  number: text.min(1),
  /** Effective date from the 附則 (この要綱は、…から施行する). */
  effective: isoDate.optional(),
});

export const regulation = z.strictObject({
  id,
  title: localized,
  /** 要綱 (outline) or 細目 (detailed rules). */
  kind: z.enum(['youkou', 'saimoku']),
  /** Regulation this one is based on (the 細目 is based on the 要綱). */
  based_on: ref.optional(),
  /** Committees it governs (ids in data/committees/). */
  governs: z.array(ref).default([]),
  revisions: z.array(revision).min(1),
  articles: z.array(clause).min(1),
  source: sourceRef,
});
export type Regulation = z.infer<typeof regulation>;
