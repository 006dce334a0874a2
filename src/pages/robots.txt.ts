/** robots.txt naming the sitemap on the configured origin (SITE_URL, see src/lib/urls.ts). */
import type { APIRoute } from 'astro';
import { siteOrigin } from '../lib/urls.ts';
import { robotsTxt } from '../lib/site-map.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(siteOrigin()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
