/** The figures of one fiscal year as CSV, /fy/<year>.csv: the rows of /data/figures.csv for that year. */
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data.ts';
import { toCsv } from '../../lib/csv.ts';
import { FIGURE_COLUMNS } from '../../lib/open-data.ts';
import { FIGURE_COLUMN, figureRowsWhere } from '../../lib/data-tables.ts';
import { programYears } from '../../lib/fiscal-totals.ts';

/** The same years as the fiscal-year pages (/fy/<year>/). */
export async function getStaticPaths() {
  return programYears((await siteData()).programs).map((year) => ({ params: { year: String(year) } }));
}

const YEAR = FIGURE_COLUMN('fiscal_year');

export const GET: APIRoute = ({ params, locals: { data } }) =>
  new Response(
    toCsv(
      FIGURE_COLUMNS,
      figureRowsWhere(data, (row) => row[YEAR] === Number(params.year)),
    ),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
