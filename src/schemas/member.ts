/**
 * A member of a committee roster (名簿). Names of people stay as the source writes them (no
 * romanization is published, and a guessed reading could be wrong); affiliations are translated.
 */
import { z } from 'astro/zod';
import { localized, text } from './common.ts';

/** 部会長/会長 → chair, 委員 → member, 幹事 → secretary (a Tokyo government official), オブザーバー → observer. */
export const MEMBER_ROLES = ['chair', 'vice-chair', 'member', 'secretary', 'observer'] as const;

export const member = z.strictObject({
  /** Name as printed, with the space between family and given name kept (e.g. 山田 雅子). */
  name: text
    .trim()
    .min(1)
    .describe('Name as printed, with the space between family and given name kept (e.g. 山田 雅子).'),
  role: z.enum(MEMBER_ROLES),
  /** Affiliation and title as printed (所属). */
  affiliation: localized.describe('Affiliation and title as printed (所属).'),
  /** Extra role text printed with the name, e.g. 東京都在宅療養推進会議 会長. */
  role_note: localized.optional().describe('Extra role text printed with the name, e.g. 東京都在宅療養推進会議 会長.'),
});
export type Member = z.infer<typeof member>;
