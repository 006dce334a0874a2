/** The site's data as lib/calendar.ts needs it: committees by id, the day each meeting's file last changed. */
import type { SiteData } from './site-data.ts';
import type { CalendarContext } from './calendar.ts';
import type { Lang } from './i18n.ts';
import { dataFileOf } from './data-dates.ts';
import { paths, siteOrigin } from './urls.ts';

export function calendarContext(data: SiteData, lang: Lang): CalendarContext {
  return {
    origin: siteOrigin(),
    lang,
    committees: data.byId.committees,
    changed: (id) => data.dates.byFile.get(dataFileOf({ collection: 'meetings', id })) ?? data.dates.fallback,
    pagePath: (id) => paths.meeting(lang, id),
  };
}
