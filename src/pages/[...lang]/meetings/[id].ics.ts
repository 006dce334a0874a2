/** /meetings/<id>.ics (and /en/…): one meeting for a calendar; only meetings whose day is known (lib/calendar.ts). */
import type { APIRoute } from 'astro';
import { LANG_PARAMS } from '../../../lib/i18n.ts';
import { siteData } from '../../../lib/site-data.ts';
import { hasCalendarDay, meetingsCalendar } from '../../../lib/calendar.ts';
import { calendarContext } from '../../../lib/calendar-context.ts';

export async function getStaticPaths() {
  const { meetings } = await siteData();
  return LANG_PARAMS.flatMap((params) =>
    meetings.filter(hasCalendarDay).map((meeting) => ({ params: { ...params, id: meeting.id }, props: { meeting } })),
  );
}

export const GET: APIRoute = ({ props: { meeting }, locals: { data, lang } }) =>
  new Response(meetingsCalendar([meeting], calendarContext(data, lang)), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
