/**
 * /_redirects for hosts that honour it (Netlify, Cloudflare Pages): real 301s from programs' former
 * ids. Files starting with "_" are not routes in src/pages, hence the one-value dynamic segment.
 * The redirect pages themselves (meta refresh) come from src/pages/[...lang]/programs/[id].astro.
 */
import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data.ts';
import { programRedirects, redirectsFile } from '../lib/site-map.ts';

export function getStaticPaths() {
  return [{ params: { redirects: '_redirects' } }];
}

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(redirectsFile(programRedirects(data.programs)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
