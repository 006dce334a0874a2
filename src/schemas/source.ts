/** A source document: one of the text extractions in seeds/, cited by every figure. data/sources.yaml. */
import { z } from 'astro/zod';
import { fiscalYear, id, isoDate, localized } from './common.ts';

export const source = z.strictObject({
  id,
  /** Path of the text file in the repository, e.g. 'seeds/001_83c674697988f0e9.txt'. */
  file: z
    .string()
    .regex(/^seeds\/[\w.-]+\.txt$/, "a source file is 'seeds/<name>.txt'")
    .describe("Path of the text file in the repository, e.g. 'seeds/001_83c674697988f0e9.txt'."),
  title: localized,
  /** What the document is (e.g. meeting materials, plan progress evaluation). */
  kind: z.enum([
    'meeting-materials',
    'plan-evaluation',
    'plan-draft',
    'initiatives-overview',
    'plan-support-evaluation',
  ]),
  /** Date of the document (or the meeting it was handed out at), when known. */
  date: isoDate.optional().describe('Date of the document (or the meeting it was handed out at), when known.'),
  /** Fiscal year the document is about. */
  fiscal_year: fiscalYear.optional().describe('Fiscal year the document is about.'),
  /** Who issued it. */
  publisher: localized.describe('Who issued it.'),
  /** One paragraph: what is in it and how it was extracted. */
  description: localized.describe('One paragraph: what is in it and how it was extracted.'),
});
export type Source = z.infer<typeof source>;
