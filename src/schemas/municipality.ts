/** One of Tokyo's 62 municipalities (区市町村). data/municipalities.yaml. */
import { z } from 'astro/zod';
import { id, localized } from './common.ts';
import { isValidLocalGovernmentCode } from '../lib/local-government-code.ts';

export const municipality = z.strictObject({
  /** Romanized name, e.g. 'hino', 'shinjuku'. */
  id: id.describe("Romanized name, e.g. 'hino', 'shinjuku'; never changes"),
  /**
   * 全国地方公共団体コード (総務省): six digits as a quoted string, the last a check digit (千代田区 '131016').
   * The schema verifies the check digit.
   */
  code: z
    .string()
    .regex(/^\d{6}$/, "a local government code is six digits in quotes, e.g. '131016'")
    .refine(isValidLocalGovernmentCode, 'the check digit (the sixth digit) is wrong: copy the code again from 総務省')
    .describe("全国地方公共団体コード: six digits in quotes, the last a check digit (千代田区 '131016')"),
  name: localized,
  kind: z.enum(['ward', 'city', 'town', 'village']).describe('ward (特別区), city, town or village'),
  /** 区部 (the 23 special wards), 多摩 (Tama), 島しょ (islands). */
  area: z.enum(['wards', 'tama', 'islands']).describe('区部 wards (the 23 special wards), 多摩 tama, 島しょ islands'),
});
export type Municipality = z.infer<typeof municipality>;
