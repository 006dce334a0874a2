/** A glossary entry: one Japanese term and the English used for it everywhere on the site. data/glossary.yaml. */
import { z } from 'astro/zod';
import { id, localized, text } from './common.ts';

export const glossaryEntry = z.strictObject({
  id,
  term: localized,
  /**
   * Reading of the whole term in kana: hiragana for kanji, loanwords in katakana as written, letters
   * and digits spelled out (ACP エーシーピー, 5疾病 ごしっぺい); ・ and （） may separate parts. It orders
   * the Japanese glossary and files the term under its row of the あかさたな index; the page shows
   * it beside terms that are not all kana.
   */
  reading: text.regex(
    /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC・（）]+$/u,
    'a reading is written in kana only (hiragana, katakana, ー, ・, （）): spell out letters and digits',
  ),
  /** true when no official English was found and the rendering is ours. */
  provisional: z.boolean(),
  /** Short explanation for readers who do not know Japanese administration. */
  definition: localized.optional(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
