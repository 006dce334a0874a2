/**
 * Issue 14's page budget on the built site: every listing page (programs by plan, bureau and budget, fiscal years,
 * and their further pages at …/page/N/) is at most 15 KB gzipped with its stylesheets, and a paged list's pages
 * link to each other. On a build of a generated tree (ATLAS_OUT_DIR) this checks the pages at that size;
 * `npm run weight -- --all` checks every page kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, assertBuilt, htmlFiles, read, urlPathOf } from '../helpers/dist.ts';

beforeAll(assertBuilt);

const BUDGET = 15 * 1024;
const LISTING = /^(\/en)?\/(programs\/(by-bureau\/|by-budget\/\d{4}\/)?|fy\/\d{4}\/)(page\/\d+\/)?$/;
const gz = (text: string | Buffer) => gzipSync(text, { level: 6 }).length;
const css = new Map<string, number>();
const cssOf = (html: string) =>
  [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(\/[^"]+)"/g)].reduce((n, m) => {
    if (!css.has(m[1]!)) css.set(m[1]!, gz(readFileSync(join(DIST, m[1]!))));
    return n + css.get(m[1]!)!;
  }, 0);

describe('listing pages', () => {
  const listings = () => htmlFiles().filter((f) => LISTING.test(urlPathOf(f)));

  it('are each at most 15 KB gzipped, HTML and CSS', () => {
    const files = listings();
    expect(files.length).toBeGreaterThan(10);
    const over = files
      .map((f) => ({ path: urlPathOf(f), bytes: gz(read(f)) + cssOf(read(f)) }))
      .filter((p) => p.bytes > BUDGET)
      .map((p) => `${p.path}: ${(p.bytes / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  it('link each further page from the one before it, and back', () => {
    const problems: string[] = [];
    const byPath = new Map(listings().map((f) => [urlPathOf(f), f]));
    for (const file of byPath.values()) {
      const path = urlPathOf(file);
      const m = /^(.*\/)page\/(\d+)\/$/.exec(path);
      if (!m) continue;
      const n = Number(m[2]);
      const before = n === 2 ? m[1]! : `${m[1]}page/${n - 1}/`;
      const html = read(file);
      if (!html.includes(`<link rel="prev" href="${before}"`)) problems.push(`${path}: no rel=prev to ${before}`);
      if (!html.includes(`aria-current="page"`)) problems.push(`${path}: no current page marked`);
      const prevFile = byPath.get(before);
      if (!prevFile || !read(prevFile).includes(`href="${path}"`)) problems.push(`${before}: no link to ${path}`);
    }
    expect(problems).toEqual([]);
  });
});
