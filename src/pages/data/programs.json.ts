/** Every program as validated JSON (the same objects the pages are built from). */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ locals: { data } }) =>
  new Response(`${JSON.stringify({ programs: data.programs, sources: data.sources }, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
