/** One program as JSON, /programs/<id>.json: the validated entry the program page is built from. */
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data.ts';
import { jsonText } from '../../lib/data-tables.ts';
import { LICENCE } from '../../lib/publication.ts';
import { absoluteUrl, paths } from '../../lib/urls.ts';

export async function getStaticPaths() {
  return (await siteData()).programs.map((program) => ({ params: { id: program.id }, props: { program } }));
}

export const GET: APIRoute = ({ props: { program } }) =>
  new Response(
    jsonText({
      program,
      page: { ja: absoluteUrl(paths.program('ja', program.id)), en: absoluteUrl(paths.program('en', program.id)) },
      license: LICENCE.url,
    }),
    { headers: { 'Content-Type': 'application/json' } },
  );
