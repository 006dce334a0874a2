/** A bureau (局) or department (部) / section (課) of the Tokyo Metropolitan Government. data/bureaus.yaml. */
import { z } from 'astro/zod';
import { id, localized, ref } from './common.ts';

export const bureau = z.strictObject({
  id,
  name: localized,
  kind: z.enum(['bureau', 'department', 'section']),
  /** The bureau a department belongs to, or the department a section belongs to. */
  parent: ref.optional(),
});
export type Bureau = z.infer<typeof bureau>;
