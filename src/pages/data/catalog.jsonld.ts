/** /data/catalog.jsonld: the DCAT catalogue of the dataset for CKAN's DCAT harvester (lib/data-package.ts). */
import type { APIRoute } from 'astro';
import { dcatCatalog } from '../../lib/data-package.ts';
import { jsonText } from '../../lib/data-tables.ts';
import { siteOrigin } from '../../lib/urls.ts';

export const GET: APIRoute = ({ locals: { data } }) =>
  new Response(jsonText(dcatCatalog(data, siteOrigin(), data.updatedOf('/data/'))), {
    headers: { 'Content-Type': 'application/ld+json' },
  });
