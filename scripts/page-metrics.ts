/**
 * npm run metrics [-- --dist DIR] [-- --all-programs]: for one page of each kind, in both languages, the
 * number of A4 pages it prints on (Chromium's print to PDF, the page's own @page size) and its height
 * in CSS pixels at 1280 and 375 px wide. Serves DIR (default $ATLAS_OUT_DIR or dist) itself, so two
 * builds (e.g. before and after a change, built with ATLAS_OUT_DIR) can be compared. --all-programs
 * adds the printed page count of every program page. A benchmark: it prints figures, asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values } = parseArgs({
  options: { dist: { type: 'string' }, 'all-programs': { type: 'boolean' } },
});
const dist = resolve(values.dist ?? process.env.ATLAS_OUT_DIR ?? 'dist');
if (!existsSync(dist)) {
  console.error(`no build at ${dist}: run npm run build first (or pass --dist DIR)`);
  process.exit(2);
}

/** One page of each kind (Japanese path; the English one is /en + it). */
const KINDS: [string, string][] = [
  ['program (richest)', '/programs/visiting-nursing-education-stations/'],
  ['parent program', '/programs/visiting-nursing-comprehensive-program/'],
  ['plan', '/plan/tokyo-health-plan-2024-outline/'],
  ['取組 item', '/plan/tokyo-health-plan-2024-outline/smooth-transition-to-in-home-care/'],
  ['indicator', '/indicators/clinics-hospitals-home-visit-medical-care/'],
  ['meeting', '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/'],
  ['committee', '/committees/zaitaku-care-medical-collaboration-subcommittee/'],
  ['fiscal year', '/fy/2025/'],
  ['glossary', '/glossary/'],
  ['home', '/'],
  ['programs index', '/programs/'],
  ['search', '/search/?q=訪問看護'],
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = join(dist, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const work = mkdtempSync(join(tmpdir(), 'page-metrics-'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext();
const page = await context.newPage();

/** Pages of the PDF the page prints to (pdfinfo from poppler-utils). */
async function printedPages(url: string): Promise<number> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  const file = join(work, 'page.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, format: 'A4', printBackground: true }));
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

async function heightAt(url: string, width: number): Promise<number> {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(url, { waitUntil: 'load' });
  if (url.includes('/search/')) await page.waitForTimeout(1500);
  return page.evaluate(() => document.documentElement.scrollHeight);
}

console.log(`build: ${dist}\n`);
console.log('| page kind | path | A4 pages ja | A4 pages en | height 1280 ja | en | height 375 ja | en |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [kind, path] of KINDS) {
  const urls = { ja: origin + path, en: `${origin}/en${path}` };
  const pages = { ja: await printedPages(urls.ja), en: await printedPages(urls.en) };
  const wide = { ja: await heightAt(urls.ja, 1280), en: await heightAt(urls.en, 1280) };
  const narrow = { ja: await heightAt(urls.ja, 375), en: await heightAt(urls.en, 375) };
  console.log(
    `| ${kind} | ${path} | ${pages.ja} | ${pages.en} | ${wide.ja} | ${wide.en} | ${narrow.ja} | ${narrow.en} |`,
  );
}

if (values['all-programs']) {
  const ids = globSync('programs/*/index.html', { cwd: dist })
    .map((p) => p.split('/')[1]!)
    .filter((id) => !/^by-/.test(id))
    .sort();
  const counts: string[] = [];
  let worst = 0;
  for (const id of ids) {
    for (const prefix of ['', '/en']) {
      const n = await printedPages(`${origin}${prefix}/programs/${id}/`);
      worst = Math.max(worst, n);
      counts.push(`${prefix || '/'}${prefix ? '/' : ''}programs/${id}/: ${n}`.replace('//', '/'));
    }
  }
  console.log(`\nprinted A4 pages of every program page (${counts.length} pages), most: ${worst}`);
  for (const line of counts) console.log(`  ${line}`);
}

await browser.close();
server.close();
rmSync(work, { recursive: true, force: true });
