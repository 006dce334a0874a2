/** One indicator's series as CSV, /indicators/<id>.csv: the rows of /data/figures.csv for that indicator. */
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data.ts';
import { toCsv } from '../../lib/csv.ts';
import { FIGURE_COLUMNS } from '../../lib/open-data.ts';
import { FIGURE_COLUMN, figureRowsWhere } from '../../lib/data-tables.ts';

export async function getStaticPaths() {
  return (await siteData()).indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

const KIND = FIGURE_COLUMN('owner_kind');
const OWNER = FIGURE_COLUMN('owner_id');

export const GET: APIRoute = ({ params, locals: { data } }) =>
  new Response(
    toCsv(
      FIGURE_COLUMNS,
      figureRowsWhere(data, (row) => row[KIND] === 'indicator' && row[OWNER] === params.id),
    ),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
