/**
 * The language of every page is set once per request, from the i18n config's locale for the URL
 * (Astro.currentLocale), as Starlight does: components read `lang`, the bound translation function
 * `t`, the formatting helpers `fmt` and the site's data with its relations (`data`, read once per
 * build and cached) from Astro.locals instead of receiving them as props.
 */
import { defineMiddleware } from 'astro:middleware';
import { langOf, translator } from './lib/i18n.ts';
import { formatter } from './lib/format.ts';
import { siteData } from './lib/site-data.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const lang = langOf(context.currentLocale);
  context.locals.lang = lang;
  context.locals.t = translator(lang);
  context.locals.fmt = formatter(lang);
  context.locals.data = await siteData();
  return next();
});
