/**
 * npm run weight [-- --dist DIR] [-- --top N]: the transfer weight of every built page, gzipped,
 * as HTML + the stylesheets it links (inline <style> is inside the HTML). Prints the heaviest pages
 * and the heaviest page of each kind, and exits 1 when the heaviest program page is over the budget
 * of issue 4 (15 KB gzipped HTML+CSS). Scripts are counted separately (pages should have none but search).
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 15 * 1024;

const { values } = parseArgs({ options: { dist: { type: 'string' }, top: { type: 'string' } } });
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
  total: number;
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
  const parts = page
    .replace(/^\/en\//, '/')
    .split('/')
    .filter(Boolean);
  const kind =
    parts.length === 0 ? 'home' : parts.length === 1 || parts[0] === '404.html' ? `${parts[0]} (index)` : parts[0]!;
  const html = gz(text);
  return { page, kind, html, css, js, total: html + css };
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

const programs = rows.filter((r) => r.kind === 'programs' && !/\/programs\/by-budget\/$/.test(r.page));
const heaviest = programs[0];
if (heaviest) {
  const ok = heaviest.total <= BUDGET_BYTES;
  console.log(
    `\nBudget: heaviest program page ${kb(heaviest.total)} of ${kb(BUDGET_BYTES)} — ${ok ? 'OK' : 'OVER BUDGET'} (${heaviest.page})`,
  );
  if (!ok) process.exit(1);
}
