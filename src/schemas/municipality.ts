/** One of Tokyo's 62 municipalities (区市町村). data/municipalities.yaml. */
import { z } from 'astro/zod';
import { id, localized } from './common.ts';

export const municipality = z.strictObject({
  /** Romanized name, e.g. 'hino', 'shinjuku'. */
  id,
  name: localized,
  kind: z.enum(['ward', 'city', 'town', 'village']),
  /** 区部 (the 23 special wards), 多摩 (Tama), 島しょ (islands). */
  area: z.enum(['wards', 'tama', 'islands']),
});
export type Municipality = z.infer<typeof municipality>;
