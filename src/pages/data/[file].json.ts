/** The JSON downloads /data/<name>.json: validated entries of a collection (lib/data-tables.ts JSON_FILES). */
import type { APIRoute } from 'astro';
import { JSON_FILES, JSON_FILE_NAMES, jsonText, type JsonFileName } from '../../lib/data-tables.ts';

export const getStaticPaths = () => JSON_FILE_NAMES.map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params, locals: { data } }) =>
  new Response(jsonText(JSON_FILES[params.file as JsonFileName](data)), {
    headers: { 'Content-Type': 'application/json' },
  });
