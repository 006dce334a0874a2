/** One program's figures as CSV, /programs/<id>.csv: the rows of /data/figures.csv for that program. */
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data.ts';
import { csvResponse } from '../../lib/csv.ts';
import { FIGURE_COLUMNS } from '../../lib/open-data.ts';
import { figureRowsOf } from '../../lib/data-tables.ts';

export async function getStaticPaths() {
  return (await siteData()).programs.map((program) => ({ params: { id: program.id } }));
}

export const GET: APIRoute = ({ params, locals: { data } }) =>
  csvResponse(FIGURE_COLUMNS, figureRowsOf(data, { owner: 'program', id: params.id! }));
