/**
 * The build steps around Astro's own, so that `astro build` is the whole build:
 * - before anything is built, the data check (src/data/): every problem printed as file:line:column,
 *   and the build stops; the content loader reuses the checked data (src/data/index.ts, checkedData);
 * - programs' former ids become Astro `redirects` (meta-refresh pages in a static build);
 * - when the pages are written: `_redirects` (real 301s on hosts that read it), sitemap.xml from the
 *   pages the build wrote, and the Pagefind search index.
 * The last steps work on the output directory Astro reports, never on a fixed dist/. Each step prints
 * "[atlas:phase] <name> start|done", the markers by which `npm run bench` times the phases of a build.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkedData } from '../data/index.ts';
import { entriesOf, formatProblem } from '../data/load.ts';
import type { Program } from '../schemas/program.ts';
import { astroRedirects, programRedirects, redirectsFile, sitemapXml, type Redirect } from '../lib/site-map.ts';
import { siteOrigin } from '../lib/urls.ts';
import { buildSearchIndex } from './search-index.ts';

/** Pages that ask not to be indexed (404, redirect pages) stay out of the sitemap. */
const NOINDEX = /<meta name="robots" content="noindex"/;

export default function atlas(): AstroIntegration {
  let redirects: Redirect[] = [];
  return {
    name: 'zaitaku-atlas',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        logger.info('[atlas:phase] check start');
        const started = performance.now();
        const checked = checkedData(fileURLToPath(config.root));
        const ms = Math.round(performance.now() - started);
        logger.info('[atlas:phase] check done');
        if (checked.problems.length) {
          for (const p of checked.problems) console.error(formatProblem(p));
          const n = checked.problems.length;
          throw new AstroError(
            `${n} problem${n === 1 ? '' : 's'} in the data. Nothing was built.`,
            'Run `npm run check` after fixing them.',
          );
        }
        logger.info(`data is valid: ${checked.entries.length} entries (${ms} ms)`);
        redirects = programRedirects(entriesOf<Program>(checked, 'programs').map((e) => e.data));
        updateConfig({ redirects: astroRedirects(redirects) });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        writeFileSync(join(outDir, '_redirects'), redirectsFile(redirects));
        // A page is /path/index.html, or /404.html for the page Astro reports as 404/.
        const fileOf = (path: string) =>
          [join(outDir, path, 'index.html'), join(outDir, `${path.slice(0, -1)}.html`)].find(existsSync);
        const indexable = pages
          .map((p) => `/${p.pathname}`.replace(/\/?$/, '/'))
          .filter((path) => {
            const file = fileOf(path);
            return file !== undefined && !NOINDEX.test(readFileSync(file, 'utf8'));
          });
        writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(indexable, siteOrigin()));
        logger.info(`sitemap.xml: ${indexable.length} pages; _redirects: ${redirects.length} redirects`);
        logger.info('[atlas:phase] search-index start');
        const started = Date.now();
        const index = await buildSearchIndex(outDir);
        logger.info('[atlas:phase] search-index done');
        const counts = [...index.pages].map(([lang, n]) => `${n} ${lang}`).join(', ');
        logger.info(`search index: ${counts} pages (${index.skipped} not indexed) in ${Date.now() - started} ms`);
      },
    },
  };
}
