/** /data/datapackage.json: the Frictionless Tabular Data Package describing every CSV (lib/data-package.ts). */
import type { APIRoute } from 'astro';
import { dataPackage } from '../../lib/data-package.ts';
import { jsonText } from '../../lib/data-tables.ts';
import { siteOrigin } from '../../lib/urls.ts';

export const GET: APIRoute = ({ locals: { data } }) =>
  new Response(jsonText(dataPackage(data, siteOrigin(), data.updatedOf('/data/'))), {
    headers: { 'Content-Type': 'application/json' },
  });
