/** One indicator's series as CSV, /indicators/<id>.csv: the rows of /data/figures.csv for that indicator. */
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data.ts';
import { csvResponse } from '../../lib/csv.ts';
import { FIGURE_COLUMNS } from '../../lib/open-data.ts';
import { figureRowsOf } from '../../lib/data-tables.ts';

export async function getStaticPaths() {
  return (await siteData()).indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

export const GET: APIRoute = ({ params, locals: { data } }) =>
  csvResponse(FIGURE_COLUMNS, figureRowsOf(data, { owner: 'indicator', id: params.id! }));
