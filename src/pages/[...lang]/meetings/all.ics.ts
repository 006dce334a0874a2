/** /meetings/all.ics (and /en/…): every meeting whose day is known, one calendar (lib/calendar.ts). */
import type { APIRoute } from 'astro';
import { langStaticPaths } from '../../../lib/i18n.ts';
import { meetingsCalendar } from '../../../lib/calendar.ts';
import { calendarContext } from '../../../lib/calendar-context.ts';

export const getStaticPaths = langStaticPaths;

export const GET: APIRoute = ({ locals: { data, lang, t } }) =>
  new Response(
    meetingsCalendar(data.meetings, calendarContext(data, lang), `${t('nav.meetings')} | ${t('site.shortName')}`) ?? '',
    { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } },
  );
