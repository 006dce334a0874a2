/** Kept apart from integrity.ts so that npm run check can know the day without loading the rules. */

/**
 * The day the check runs in Japan ('YYYY-MM-DD'): the date of $SOURCE_DATE_EPOCH when set (reproducible
 * builds), else today in Asia/Tokyo. No change note may be dated after it.
 */
export function checkDay(env: Record<string, string | undefined> = process.env, now = Date.now()): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const ms = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : now;
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
}
