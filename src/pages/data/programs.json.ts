/** Every program as validated JSON (the same objects the pages are built from). */
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(`${JSON.stringify({ programs: data.programs, sources: data.sources }, null, 1)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
