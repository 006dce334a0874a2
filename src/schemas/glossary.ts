/** A glossary entry: one Japanese term and the English used for it everywhere on the site. data/glossary.yaml. */
import { z } from 'astro/zod';
import { id, localized, text } from './common.ts';

export const glossaryEntry = z.strictObject({
  id,
  term: localized,
  /** Reading of the term in hiragana, when it helps (e.g. 看多機 かんたき). */
  reading: text.optional(),
  /** true when no official English was found and the rendering is ours. */
  provisional: z.boolean(),
  /** Short explanation for readers who do not know Japanese administration. */
  definition: localized.optional(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
