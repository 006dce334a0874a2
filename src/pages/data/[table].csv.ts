/** Every open-data table as CSV (UTF-8 with BOM, CRLF) for spreadsheets: /data/<table>.csv (lib/data-tables.ts). */
import type { APIRoute } from 'astro';
import { csvResponse } from '../../lib/csv.ts';
import { TABLES, tableNamed } from '../../lib/data-tables.ts';

export const getStaticPaths = () => TABLES.map((t) => ({ params: { table: t.name } }));

export const GET: APIRoute = ({ params, locals: { data } }) => {
  const table = tableNamed(params.table!);
  return csvResponse(
    table.columns.map((c) => c.name),
    table.rows(data),
  );
};
