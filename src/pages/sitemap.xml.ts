/** sitemap.xml: every page in both languages with hreflang alternates, on the configured origin. */
import type { APIRoute } from 'astro';
import { siteData } from '../lib/site-data.ts';
import { siteOrigin } from '../lib/urls.ts';
import { pagePaths, sitemapXml } from '../lib/site-map.ts';
import { programYears } from '../lib/fiscal-totals.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  const list = pagePaths({ ...data, fiscalYears: programYears(data.programs) });
  return new Response(sitemapXml(list, siteOrigin()), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
