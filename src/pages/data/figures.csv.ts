/** Every figure as CSV (UTF-8 with BOM, CRLF) for spreadsheets. */
import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/csv.ts';
import { FIGURE_COLUMNS, figureRows } from '../../lib/open-data.ts';

export const GET: APIRoute = ({ locals: { data } }) =>
  new Response(toCsv(FIGURE_COLUMNS, figureRows(data.programs, data.plans, data.indicators)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
