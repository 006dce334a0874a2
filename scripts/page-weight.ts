/**
 * npm run weight [-- --dist DIR] [-- --top N] [-- --all]: the transfer weight of every built page, gzipped,
 * as HTML + the stylesheets it links (inline <style> is inside the HTML). Prints the heaviest pages
 * and the heaviest page of each kind, and exits 1 when the heaviest program page is over the budget
 * of issue 4 (15 KB gzipped HTML+CSS). Scripts are counted separately (pages should have none but search).
 *
 * --all applies issue 14's budget to every page: each HTML page ≤ 15 KB gzipped HTML+CSS except the full
 * text of a source document (a /sources/<id>/ page is weighed without it), and no JavaScript (linked or inline) outside /search/; it lists
 * every page over and exits 1 if there is one. Run it on a build of a generated tree
 * (`npm run generate-data -- --programs 1000 --out DIR`, then `ATLAS_DATA_DIR=DIR ATLAS_OUT_DIR=OUT npm run build`).
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 15 * 1024;

const { values } = parseArgs({
  options: { dist: { type: 'string' }, top: { type: 'string' }, all: { type: 'boolean' } },
});
const dist = resolve(values.dist ?? process.env.ATLAS_OUT_DIR ?? 'dist');
const top = Number(values.top ?? 15);
if (!existsSync(dist)) {
  console.error(`no build at ${dist}: run npm run build first (or pass --dist DIR)`);
  process.exit(2);
}

const gz = (buf: Buffer | string) => gzipSync(buf, { level: 6 }).length;
const assetCache = new Map<string, number>();
function assetGz(href: string): number {
  if (!assetCache.has(href)) {
    const path = join(dist, href.replace(/^\/+/, '').split(/[?#]/)[0]!);
    assetCache.set(href, existsSync(path) ? gz(readFileSync(path)) : 0);
  }
  return assetCache.get(href)!;
}

interface Row {
  page: string;
  kind: string;
  html: number;
  css: number;
  js: number;
  /** Inline <script> elements with code (JSON-LD data blocks are not scripts that run). */
  inlineScripts: number;
  total: number;
  /** HTML+CSS without the full text of a source document (<pre class="source-text">), which issue 14 exempts. */
  textless: number;
}
const rows: Row[] = globSync('**/*.html', { cwd: dist }).map((rel) => {
  const file = join(dist, rel);
  const text = readFileSync(file, 'utf8');
  const css = [...text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1])
    .filter((h): h is string => !!h && h.startsWith('/'))
    .reduce((n, h) => n + assetGz(h), 0);
  const js = [...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((h) => h.startsWith('/'))
    .reduce((n, h) => n + assetGz(h), 0);
  const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
  const inlineScripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    (m) => !/\bsrc=/.test(m[1]!) && !/type="application\/(ld\+)?json"/.test(m[1]!) && m[2]!.trim() !== '',
  ).length;
  const parts = page
    .replace(/^\/en\//, '/')
    .split('/')
    .filter(Boolean);
  // Further pages of a list (…/page/N/) are a kind of their own, as are the program lists under /programs/.
  const paged = parts.includes('page');
  const base = paged ? parts.slice(0, parts.indexOf('page')) : parts;
  const sub =
    base[0] === 'programs' && ['by-budget', 'by-bureau'].includes(base[1]!) ? `programs/${base[1]}` : undefined;
  const kind =
    (base.length === 0
      ? 'home'
      : sub
        ? sub
        : base.length === 1 || base[0] === '404.html'
          ? `${base[0]} (index)`
          : base[0]!) + (paged ? ' /page/N' : '');
  const html = gz(text);
  const fullText = /<pre class="source-text"[\s\S]*?<\/pre>/;
  const textless = fullText.test(text) ? gz(text.replace(fullText, '')) + css : html + css;
  return { page, kind, html, css, js, inlineScripts, total: html + css, textless };
});

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const line = (r: Row) =>
  `${kb(r.total).padStart(9)}  (html ${kb(r.html)}, css ${kb(r.css)}${r.js ? `, js ${kb(r.js)}` : ''})  ${r.page}`;
rows.sort((a, b) => b.total - a.total);
console.log(
  `Page weight, gzipped HTML + linked CSS — ${rows.length} pages in ${relative(process.cwd(), dist) || dist}\n`,
);
console.log(`Heaviest ${Math.min(top, rows.length)}:`);
for (const r of rows.slice(0, top)) console.log(line(r));
console.log('\nHeaviest of each kind:');
const seen = new Set<string>();
for (const r of rows)
  if (!seen.has(r.kind)) {
    seen.add(r.kind);
    console.log(`${r.kind.padEnd(20)} ${line(r)}`);
  }

if (values.all) {
  // Issue 14: every page within budget at any size, except the full text of a source document (a source page is
  // weighed without it: its "cited by" list is not exempt); JS only on search.
  const exempt = (r: Row) => /^(\/en)?\/sources\/[^/]+\/$/.test(r.page);
  const search = (r: Row) => /^(\/en)?\/search\/$/.test(r.page);
  const over = rows.filter((r) => (exempt(r) ? r.textless : r.total) > BUDGET_BYTES);
  const scripted = rows.filter((r) => (r.js > 0 || r.inlineScripts > 0) && !search(r));
  const jsBytes = rows.filter((r) => !search(r)).reduce((n, r) => n + r.js, 0);
  console.log(
    `\nAll pages (issue 14): ${over.length} over ${kb(BUDGET_BYTES)} (${rows.filter(exempt).length} source pages weighed without their full text); ` +
      `JavaScript outside /search/: ${jsBytes} bytes linked, ${scripted.length} pages with scripts`,
  );
  for (const r of over) console.log(`  OVER ${line(r)}`);
  for (const r of scripted) console.log(`  SCRIPT ${r.page}`);
  if (over.length > 0 || scripted.length > 0) process.exit(1);
}

const programs = rows.filter((r) => r.kind === 'programs');
const heaviest = programs[0];
if (heaviest) {
  const ok = heaviest.total <= BUDGET_BYTES;
  console.log(
    `\nBudget: heaviest program page ${kb(heaviest.total)} of ${kb(BUDGET_BYTES)} — ${ok ? 'OK' : 'OVER BUDGET'} (${heaviest.page})`,
  );
  if (!ok) process.exit(1);
}
