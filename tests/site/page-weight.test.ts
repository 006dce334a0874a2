/**
 * Issue 14's page budget on the built site: every listing page (programs by plan, bureau and budget, fiscal years,
 * the entries citing a source, and their further pages at …/page/N/), every glossary page, and a source page without
 * the full text of its document are at most 15 KB gzipped with their stylesheets, and a paged list's pages link to
 * each other. On a build of a generated tree (ATLAS_OUT_DIR) this checks the pages at that size;
 * `npm run weight -- --all` checks every page kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, assertBuilt, fileFor, htmlFiles, read, urlPathOf } from '../helpers/dist.ts';

beforeAll(assertBuilt);

const BUDGET = 15 * 1024;
const LISTING =
  /^(\/en)?\/(programs\/(by-bureau\/|by-budget\/\d{4}\/)?|fy\/\d{4}\/|sources\/[^/]+\/cited-by\/)(page\/\d+\/)?$/;
const GLOSSARY = /^(\/en)?\/glossary\/([^/]+\/)?$/;
const SOURCE = /^(\/en)?\/sources\/[^/]+\/$/;
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

const weight = (html: string) => gz(html) + cssOf(html);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('glossary pages', () => {
  const pages = () => htmlFiles().filter((f) => GLOSSARY.test(urlPathOf(f)));

  it('are each at most 15 KB gzipped, HTML and CSS', () => {
    const files = pages();
    expect(files.length).toBeGreaterThan(4);
    const over = files.filter((f) => weight(read(f)) > BUDGET).map((f) => `${urlPathOf(f)}: ${kb(weight(read(f)))}`);
    expect(over).toEqual([]);
  });

  it('keep every term at its old anchor on /glossary/, leading to its definition on a section page', () => {
    for (const prefix of ['', '/en']) {
      const index = read(fileFor(`${prefix}/glossary/`)!);
      const terms = [...index.matchAll(/<li id="([^"]+)"><a href="([^"#]+)#([^"]+)">/g)];
      expect(terms.length, prefix).toBeGreaterThan(100);
      const problems: string[] = [];
      for (const [, id, page, target] of terms) {
        if (target !== id) problems.push(`${id}: links to #${target}`);
        const file = fileFor(page!);
        if (!file) problems.push(`${id}: ${page} does not exist`);
        else if (!new RegExp(`<dt id="${id}">[\\s\\S]*?</dt>\\s*<dd>`).test(read(file)))
          problems.push(`${id}: no definition at ${page}#${id}`);
      }
      expect(problems, prefix).toEqual([]);
    }
  });
});

describe('source pages', () => {
  const sources = () => htmlFiles().filter((f) => SOURCE.test(urlPathOf(f)));
  const citedBy = (html: string) => html.slice(html.indexOf('id="cited-by"'), html.indexOf('id="text"'));

  it('are at most 15 KB gzipped without the full text of the document (exempt)', () => {
    const over = sources()
      .map((f) => ({
        path: urlPathOf(f),
        bytes: weight(read(f).replace(/<pre class="source-text"[\s\S]*?<\/pre>/, '')),
      }))
      .filter((p) => p.bytes > BUDGET)
      .map((p) => `${p.path}: ${kb(p.bytes)}`);
    expect(over).toEqual([]);
  });

  it('list at most 20 citing entries, and link to the whole list when there are more', () => {
    const problems: string[] = [];
    for (const file of sources()) {
      const path = urlPathOf(file);
      const section = citedBy(read(file));
      const entries = [...section.matchAll(/<li><a href="(?!#)/g)].length;
      const all = fileFor(`${path}cited-by/`);
      if (entries > 20) problems.push(`${path}: lists ${entries} citing entries`);
      if (all && !section.includes(`href="${path}cited-by/"`)) problems.push(`${path}: no link to ${path}cited-by/`);
    }
    expect(problems).toEqual([]);
  });
});
