/**
 * The language of every page is set once per request, from the i18n config's locale for the URL
 * (Astro.currentLocale), as Starlight does: components read `lang`, the bound translation function
 * `t`, the formatting helpers `fmt` and the site's data with its relations (`data`, read once per
 * build and cached) from Astro.locals instead of receiving them as props.
 *
 * Then each rendered page gets its own Content-Security-Policy (src/lib/csp.ts): the meta Astro writes
 * moves to right after <meta charset>, and a page that runs no script gets script-src 'none'.
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import { langOf, translator } from './lib/i18n.ts';
import { formatter } from './lib/format.ts';
import { siteData } from './lib/site-data.ts';
import { finishPageCsp } from './lib/csp.ts';

const locals = defineMiddleware(async (context, next) => {
  const lang = langOf(context.currentLocale);
  context.locals.lang = lang;
  context.locals.t = translator(lang);
  context.locals.fmt = formatter(lang);
  context.locals.data = await siteData();
  return next();
});

const pageCsp = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = finishPageCsp(await response.text());
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

export const onRequest = sequence(pageCsp, locals);
