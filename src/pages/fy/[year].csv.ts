/** The figures of one fiscal year as CSV, /fy/<year>.csv: the rows of /data/figures.csv for that year. */
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data.ts';
import { csvResponse } from '../../lib/csv.ts';
import { FIGURE_COLUMNS } from '../../lib/open-data.ts';
import { figureRowsOf } from '../../lib/data-tables.ts';
import { programYears } from '../../lib/fiscal-totals.ts';

/** The same years as the fiscal-year pages (/fy/<year>/). */
export async function getStaticPaths() {
  return programYears((await siteData()).programs).map((year) => ({ params: { year: String(year) } }));
}

export const GET: APIRoute = ({ params, locals: { data } }) =>
  csvResponse(FIGURE_COLUMNS, figureRowsOf(data, { year: Number(params.year) }));
