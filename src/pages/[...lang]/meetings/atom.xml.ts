/** /meetings/atom.xml and /en/meetings/atom.xml: every meeting as an Atom feed, newest first (lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { langStaticPaths } from '../../../lib/i18n.ts';
import { meetingsFeed } from '../../../lib/feeds.ts';
import { siteOrigin } from '../../../lib/urls.ts';
import { dataFileOf } from '../../../lib/data-dates.ts';

export const getStaticPaths = langStaticPaths;

export const GET: APIRoute = ({ locals: { data, lang } }) => {
  const fileDate = (id: string) =>
    data.dates.byFile.get(dataFileOf({ collection: 'meetings', id })) ?? data.dates.fallback;
  const feed = meetingsFeed(data, { origin: siteOrigin(), lang, updated: data.updatedOf('/meetings/') }, fileDate);
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
