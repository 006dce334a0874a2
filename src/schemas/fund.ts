/** A funding source (財源), e.g. 地域医療介護総合確保基金. data/funds.yaml. */
import { z } from 'astro/zod';
import { changeNotes, id, localized } from './common.ts';

export const fund = z.strictObject({
  id,
  name: localized,
  /** true when no official English was found and the rendering is ours. */
  provisional: z.boolean().describe('true when no official English was found and the rendering is ours.'),
  description: localized.optional(),
  changes: changeNotes,
});
export type Fund = z.infer<typeof fund>;
