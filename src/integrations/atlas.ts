/**
 * The build steps around Astro's own, so that `astro build` is the whole build:
 * - before anything is built, the data check (src/data/): every problem printed as file:line:column,
 *   and the build stops; the content loader reuses the checked data (src/data/index.ts, checkedData);
 * - programs' former ids become Astro `redirects` (meta-refresh pages in a static build);
 * - when the pages are written: `_redirects` (real 301s on hosts that read it), `_headers` (security headers
 *   and each path's CSP, src/lib/csp.ts), sitemap.xml from the pages the build wrote, and cheap checks over the
 *   output (src/integrations/output-checks.ts) — a failure stops the build before the minutes of indexing;
 * - then the Pagefind index and its check (src/integrations/finish-build.ts), and only then is it published.
 *
 * Publishing is atomic (src/integrations/publish.ts): Astro writes into dist.staging-<pid> beside the output
 * directory (dist/, or $ATLAS_OUT_DIR), which replaces it by renames only when every step has succeeded. A
 * failure at any step leaves the previous output untouched and the staging directory removed; leftovers of
 * a build that was killed are repaired at the start of the next one.
 *
 * `npm run build` (scripts/build.ts) runs the index and publishing itself, after this process has ended (so the
 * Astro process's memory is returned before the index's is taken): it holds the lock, chooses the staging
 * directory and passes it as ATLAS_BUILD_STAGING, and this integration then stops after the checks. A bare
 * `astro build` does every step here, with the index in a child process (search-index-process.ts).
 *
 * Each step prints "[atlas:phase] <name> start|done", the markers by which `npm run bench` times a build.
 * ATLAS_TEST_FAULT makes one step fail on purpose (tests only: faultOf in finish-build.ts).
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkedData, type CheckedData } from '../data/index.ts';
import { entriesOf, formatProblem } from '../data/load.ts';
import type { Program } from '../schemas/program.ts';
import { astroRedirects, programRedirects, redirectsFile, sitemapXml, type Redirect } from '../lib/site-map.ts';
import { siteOrigin } from '../lib/urls.ts';
import { headersFile, metaPolicyOf, type Policy } from '../lib/csp.ts';
import { buildSearchIndexInChild } from './search-index-process.ts';
import { checkOutput, expectedPages, htmlFileOf, inspectPage } from './output-checks.ts';
import { acquireLock, discard, prepareStaging, publish, recover } from './publish.ts';
import { faultOf, indexSite, OutputProblems, STAGING_ENV } from './finish-build.ts';

export default function atlas(): AstroIntegration {
  let redirects: Redirect[] = [];
  let checked: CheckedData | undefined;
  /**
   * Set for `astro build` only: where it really publishes, and where Astro writes meanwhile; `deferred` when
   * scripts/build.ts indexes and publishes after this process (it holds the lock and removes what fails).
   */
  let target:
    { outDir: string; staging: string; published: boolean; release: () => void; deferred: boolean } | undefined;
  const fault = faultOf();
  return {
    name: 'zaitaku-atlas',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, injectRoute, logger }) => {
        const outDir = resolve(fileURLToPath(config.outDir)).replace(/\/+$/, '');
        const deferredTo = process.env[STAGING_ENV];
        if (command === 'build' && deferredTo) {
          target = { outDir, staging: deferredTo, published: false, release: () => {}, deferred: true };
          updateConfig({ outDir: pathToFileURL(`${deferredTo}/`) });
        } else if (command === 'build') {
          const release = acquireLock(outDir);
          for (const action of recover(outDir)) logger.warn(action);
          const staging = prepareStaging(outDir);
          target = { outDir, staging, published: false, release, deferred: false };
          // Whatever ends the process (a data problem, a page that throws, a failed step), an unpublished
          // staging directory goes and the lock is released; dist/ is never touched on the way.
          process.on('exit', () => {
            if (!target) return;
            if (!target.published) discard(target.staging);
            target.release();
          });
          updateConfig({ outDir: pathToFileURL(`${staging}/`) });
        }
        logger.info('[atlas:phase] check start');
        const started = performance.now();
        checked = checkedData(fileURLToPath(config.root));
        const ms = Math.round(performance.now() - started);
        logger.info('[atlas:phase] check done');
        if (checked.problems.length) {
          for (const p of checked.problems) console.error(formatProblem(p));
          const n = checked.problems.length;
          throw new AstroError(
            `${n} problem${n === 1 ? '' : 's'} in the data. Nothing was built; the published site is unchanged.`,
            'Run `npm run check` after fixing them.',
          );
        }
        logger.info(`data is valid: ${checked.entries.length} entries (${ms} ms)`);
        redirects = programRedirects(entriesOf<Program>(checked, 'programs').map((e) => e.data));
        updateConfig({ redirects: astroRedirects(redirects) });
        if (fault === 'page')
          injectRoute({ pattern: '/atlas-test-fault/', entrypoint: new URL('./fault-page.astro', import.meta.url) });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir).replace(/\/+$/, '');
        writeFileSync(join(outDir, '_redirects'), redirectsFile(redirects));
        // One read of each page: noindex (sitemap), its CSP (_headers), and the per-page output checks.
        const problems: string[] = [];
        const indexable: string[] = [];
        const policies = new Map<string, Policy>();
        if (fault === 'output-check') writeFileSync(htmlFileOf(outDir, '/about/'), '');
        for (const page of pages) {
          // A page is /path/index.html, or /404.html for the page Astro reports as 404/.
          const path = page.pathname === '404/' ? '/404.html' : `/${page.pathname}`.replace(/\/?$/, '/');
          let html: string;
          try {
            html = readFileSync(htmlFileOf(outDir, path), 'utf8');
          } catch {
            continue; // not an HTML page (an endpoint such as sitemap data or CSV)
          }
          const facts = inspectPage(path, html);
          problems.push(...facts.problems);
          if (!facts.noindex && !facts.redirect) indexable.push(path);
          const policy = metaPolicyOf(html);
          if (policy && !facts.redirect) policies.set(path, policy);
        }
        writeFileSync(join(outDir, 'sitemap.xml'), sitemapXml(indexable, siteOrigin()));
        writeFileSync(join(outDir, '_headers'), headersFile(policies));
        logger.info(
          `sitemap.xml: ${indexable.length} pages; _redirects: ${redirects.length} redirects; ` +
            `_headers: ${policies.size} pages`,
        );
        logger.info('[atlas:phase] output-check start');
        problems.push(...checkOutput(outDir, expectedPages(checked!)));
        if (problems.length) {
          for (const p of problems) console.error(`output check: ${p}`);
          throw new AstroError(new OutputProblems(problems, target?.outDir ?? outDir).message);
        }
        logger.info('[atlas:phase] output-check done');
        if (target?.deferred) {
          logger.info('search index and publishing: next, by scripts/build.ts once this process has ended');
          return;
        }
        await indexSite(outDir, target?.outDir ?? outDir, buildSearchIndexInChild, (m) => logger.info(m));
        if (target) {
          logger.info('[atlas:phase] publish start');
          publish(target.staging, target.outDir);
          target.published = true;
          target.release();
          logger.info('[atlas:phase] publish done');
          logger.info(`published ${target.outDir}`);
        }
      },
    },
  };
}
