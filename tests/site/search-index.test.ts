/**
 * The search index of the built site (src/integrations/search-index.ts, run by `npm run build`): one index per
 * language, nothing beside it that ranking would fetch, which pages are indexed, and that every page the query set
 * expects exists and is indexed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import {
  decodeCbor,
  encodeCbor,
  MAX_POSITIONS,
  readPagefindFile,
  type Cbor,
} from '../../src/integrations/search-positions.ts';
import { assertBuilt, DIST, htmlFiles, read, urlPathOf } from '../helpers/dist.ts';
import { SEARCH_QUERIES } from '../search-queries.ts';

beforeAll(assertBuilt);

const PAGEFIND = join(DIST, 'pagefind');
const indexed = () => htmlFiles().filter((f) => /<main\b[^>]*data-pagefind-body/.test(read(f)));

describe('search index', () => {
  it('has one index per language, with the pages of that language', () => {
    const entry = JSON.parse(readFileSync(join(PAGEFIND, 'pagefind-entry.json'), 'utf8')) as {
      version: string;
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.version).toBe('1.6.0');
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ja']);
    const pages = indexed().map(urlPathOf);
    expect(entry.languages.ja!.page_count).toBe(pages.filter((p) => !p.startsWith('/en/')).length);
    expect(entry.languages.en!.page_count).toBe(pages.filter((p) => p.startsWith('/en/')).length);
  });

  it('writes no table of every page beside the index: ranking data does not grow with the site', () => {
    // The title boost re-ranks the results shown from their own fragments (orderByTitle); the suggestions
    // are fetched only when nothing is found; filters-<lang>.json has a count per filter value.
    const json = readdirSync(PAGEFIND).filter((f) => f.endsWith('.json'));
    expect(json.sort()).toEqual([
      'filters-en.json',
      'filters-ja.json',
      'pagefind-entry.json',
      'suggest-en.json',
      'suggest-ja.json',
    ]);
  });

  it('stores at most MAX_POSITIONS positions of a word per page, in chunks the metadata names', () => {
    const entry = JSON.parse(readFileSync(join(PAGEFIND, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    const problems: string[] = [];
    let chunks = 0;
    for (const { hash } of Object.values(entry.languages)) {
      const meta = readPagefindFile(join(PAGEFIND, `pagefind.${hash}.pf_meta`)) as Cbor[];
      for (const [, , chunk] of meta[2] as string[][]) {
        const path = join(PAGEFIND, 'index', `${chunk}.pf_index`);
        if (!existsSync(path)) {
          problems.push(`${chunk}: named by the metadata, missing`);
          continue;
        }
        chunks++;
        // Decoding and encoding give back Pagefind's bytes: the codec reads Pagefind 1.6's files as they are.
        const raw = gunzipSync(readFileSync(path)).subarray('pagefind_dcd'.length);
        if (!encodeCbor(decodeCbor(raw)).equals(raw)) problems.push(`${chunk}: not read as written`);
        for (const [word, pages] of (decodeCbor(raw) as Cbor[][][])[0]!)
          for (const [, locs] of pages as number[][][])
            if (locs!.filter((n) => n >= 0).length > MAX_POSITIONS) problems.push(`${chunk} ${word}`);
      }
    }
    expect(chunks).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('orders pages by length and names pages and chunks by number in one folder per language', () => {
    // search-names.ts: numbered names compress in the metadata loaded before the first query; the folder is a
    // hash of the content, so a later build never reuses a name for another content.
    const entry = JSON.parse(readFileSync(join(PAGEFIND, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; page_count: number }>;
    };
    const problems: string[] = [];
    const folders = new Set<string>();
    for (const [lang, { hash, page_count }] of Object.entries(entry.languages)) {
      const meta = readPagefindFile(join(PAGEFIND, `pagefind.${hash}.pf_meta`)) as Cbor[];
      const pages = meta[1] as string[][];
      const folder = /^([a-z-]+_[0-9a-f]{10})\/0$/.exec(pages[0]![0]!)?.[1];
      if (!folder?.startsWith(`${lang}_`)) problems.push(`${lang}: first page named ${pages[0]![0]}`);
      folders.add(folder ?? '');
      expect(pages).toHaveLength(page_count);
      pages.forEach(([name], n) => {
        if (name !== `${folder}/${n}`) problems.push(`${lang}: page ${n} named ${name}`);
        else if (!existsSync(join(PAGEFIND, 'fragment', `${name}.pf_fragment`))) problems.push(`${name}: no fragment`);
      });
      if (readdirSync(join(PAGEFIND, 'fragment', folder ?? '-')).length !== pages.length)
        problems.push(`${lang}: fragments not named by the metadata`);
      const words = pages.map((p) => p[1] as unknown as number);
      // By word count within blocks of 256 pages (ORDER_BLOCK).
      if (words.some((w, n) => n % 256 > 0 && w < words[n - 1]!)) problems.push(`${lang}: pages not by word count`);
      const chunks = [...new Set((meta[2] as string[][]).map((c) => c[2]!))];
      chunks.forEach((name, n) => {
        if (name !== `${folder}/${n}`) problems.push(`${lang}: chunk ${n} named ${name}`);
        // A word's pages are steps from the one before (from 0), as renumberChunk reads and writes them.
        for (const [word, entries] of (
          readPagefindFile(join(PAGEFIND, 'index', `${name}.pf_index`)) as Cbor[][][]
        )[0]!) {
          let page = -1;
          for (const [i, [step]] of (entries as number[][]).entries()) {
            page = i === 0 ? step! : page + step!;
            if ((i > 0 && step! <= 0) || page >= pages.length) problems.push(`${name} ${word}: page ${page}`);
          }
        }
      });
    }
    expect(problems).toEqual([]);
    expect(folders.size).toBe(Object.keys(entry.languages).length);
    // Pagefind's own per-page files live only in the named folders.
    expect(readdirSync(join(PAGEFIND, 'fragment')).sort()).toEqual([...folders].sort());
  });

  it('stores no anchors in the fragments every result fetches (the search page shows no sub-results)', () => {
    const withAnchors: string[] = [];
    let fragments = 0;
    for (const folder of readdirSync(join(PAGEFIND, 'fragment')))
      for (const file of readdirSync(join(PAGEFIND, 'fragment', folder))) {
        const bytes = gunzipSync(readFileSync(join(PAGEFIND, 'fragment', folder, file)));
        const fragment = JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as { anchors?: unknown[] };
        fragments++;
        if (!Array.isArray(fragment.anchors) || fragment.anchors.length) withAnchors.push(`${folder}/${file}`);
      }
    expect(fragments).toBe(indexed().length);
    expect(withAnchors).toEqual([]);
  });

  it('serves metadata and WebAssembly that unzip to Pagefind 1.6 files (regzipped by search-compress.ts)', () => {
    const files = readdirSync(PAGEFIND).filter((f) => /^(pagefind\..*\.pf_meta|wasm\..*\.pagefind)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const content = gunzipSync(readFileSync(join(PAGEFIND, f))).toString('latin1');
      expect(content.startsWith(f.startsWith('wasm.') ? 'pagefind_dcd\0asm' : 'pagefind_dcd'), f).toBe(true);
    }
  });

  it('indexes the main content of content pages only, each with its kind and title', () => {
    const problems: string[] = [];
    for (const file of indexed()) {
      const html = read(file);
      const path = urlPathOf(file);
      if (!/<data value="[^"]+" data-pagefind-filter="kind\[value\]">/.test(html))
        problems.push(`${path}: no kind filter`);
      if (!/data-pagefind-meta="label\[value\]"/.test(html)) problems.push(`${path}: no label`);
      if ((html.match(/data-pagefind-body/g) ?? []).length !== 1)
        problems.push(`${path}: data-pagefind-body more than once`);
      if (/<(header|footer)\b[^>]*data-pagefind-body/.test(html)) problems.push(`${path}: chrome indexed`);
    }
    expect(problems).toEqual([]);
    for (const path of ['/search/', '/en/search/']) {
      const file = htmlFiles().find((f) => urlPathOf(f) === path)!;
      expect(read(file), path).not.toContain('data-pagefind-body');
    }
  });

  it('fiscal-year filters are start years and every filter value is non-empty', () => {
    const problems: string[] = [];
    for (const file of indexed()) {
      for (const m of read(file).matchAll(/<data value="([^"]*)" data-pagefind-filter="(\w+)\[value\]">/g)) {
        if (!m[1]!.trim()) problems.push(`${urlPathOf(file)}: empty ${m[2]}`);
        if (m[2] === 'fy' && !/^(19|20)\d\d$/.test(m[1]!)) problems.push(`${urlPathOf(file)}: fy ${m[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every page the query set expects exists and is indexed', () => {
    const pages = new Set(indexed().map(urlPathOf));
    const missing = [...new Set(SEARCH_QUERIES.map((q) => q.expect))].filter((p) => !pages.has(p));
    expect(missing).toEqual([]);
  });

  it('writes nothing into the built pages themselves (the folded copy is only indexed)', () => {
    expect(existsSync(join(PAGEFIND, 'pagefind.js'))).toBe(true);
    const sample = htmlFiles().find((f) => urlPathOf(f) === '/fy/2024/');
    if (sample) expect(read(sample)).not.toMatch(/nendo20\d\d/);
  });
});
