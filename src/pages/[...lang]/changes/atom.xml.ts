/** /changes/atom.xml and /en/changes/atom.xml: every change note as an Atom feed (lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { langStaticPaths } from '../../../lib/i18n.ts';
import { changesFeed } from '../../../lib/feeds.ts';
import { allChanges } from '../../../lib/changes.ts';
import { siteOrigin } from '../../../lib/urls.ts';

export const getStaticPaths = langStaticPaths;

export const GET: APIRoute = ({ locals: { data, lang } }) => {
  // The feed changes when a note is added: its date is the newest note's (else the data's date).
  const updated = allChanges(data)[0]?.date ?? data.updatedOf('/');
  return new Response(changesFeed(data, { origin: siteOrigin(), lang, updated }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
