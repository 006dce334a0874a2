/**
 * npm run lighthouse: Lighthouse on one page of each kind against the built site, the language alternating
 * from kind to kind (Japanese, English, Japanese …) so both templates' languages are covered in half the
 * time; `-- --all` runs every kind in both languages, `-- --quick` the first three pages only.
 * Accessibility, best practices and SEO must score 100 (exit 1 otherwise). `-- --performance` adds the
 * performance category, printed as a warning only: the CI machine is shared and noisy, and page weight is
 * gated by tests/site/page-weight.test.ts instead.
 */
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

// ATLAS_PORT_BASE lets several checkouts run their servers side by side.
const PORT = Number(process.env.ATLAS_PORT_BASE ?? 4320) + 9;
const origin = `http://127.0.0.1:${PORT}`;
const pages = [
  '/',
  '/programs/',
  '/programs/visiting-nursing-comprehensive-program/',
  '/fy/2025/',
  '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/',
  '/committees/zaitaku-care-medical-collaboration-subcommittee/',
  '/regulations/zaitaku-dissemination-project-outline/',
  '/plan/tokyo-health-plan-2024-outline/',
  '/plan/elderly-plan-7-municipal-support/area-5-item-1/',
  '/indicators/clinics-hospitals-home-visit-medical-care/',
  '/sources/zaitaku-bukai-fy2024-2-materials/',
  '/glossary/',
  '/about/',
  '/search/',
];
const alternating = pages.map((p, i) => (i % 2 ? `/en${p}` : p));
const urls = process.argv.includes('--quick')
  ? pages.slice(0, 3)
  : process.argv.includes('--all')
    ? [...pages, ...pages.map((p) => `/en${p}`)]
    : alternating;
const withPerformance = process.argv.includes('--performance');
const categories = ['accessibility', 'best-practices', 'seo'] as const;

async function waitFor(url: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not start`);
}

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], {
  stdio: 'ignore',
  detached: true,
});
let failed = false;
try {
  await waitFor(`${origin}/`);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const rows: Record<string, string | number>[] = [];
    for (const path of urls) {
      const result = await lighthouse(`${origin}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: withPerformance ? ['performance', ...categories] : [...categories],
        // The report's page picture: unused here, and a screenshot of a long page is costly.
        disableFullPageScreenshot: true,
      });
      const lhr = result!.lhr;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const row: Record<string, string | number> = { page: path };
      if (withPerformance) row.performance = score('performance');
      for (const cat of categories) row[cat] = score(cat);
      rows.push(row);
      for (const cat of categories) {
        if (score(cat) < 100) {
          failed = true;
          const audits = lhr.categories[cat]!.auditRefs.filter(
            (r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1,
          ).map((r) => r.id);
          console.error(`✗ ${path}: ${cat} ${score(cat)} (failing audits: ${audits.join(', ')})`);
        }
      }
      if (withPerformance && score('performance') < 90)
        console.warn(`! ${path}: performance ${row.performance} (warning only)`);
    }
    console.table(rows);
  } finally {
    await chrome.kill();
  }
} finally {
  try {
    process.kill(-server.pid!);
  } catch {}
}
console.log(
  failed
    ? 'Lighthouse: 0 passed, 1 failed'
    : `Lighthouse: ${urls.length} pages at 100 for accessibility, best practices and SEO`,
);
process.exit(failed ? 1 : 0);
