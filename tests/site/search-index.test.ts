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
import { contentHash } from '../../src/integrations/search-index.ts';
import { t } from '../../src/lib/i18n.ts';
import { normalizeCounters, YEAR_TOKEN_PATTERN } from '../../src/lib/search.ts';
import { assertBuilt, DIST, htmlFiles, read, urlPathOf } from '../helpers/dist.ts';
import { readFragment } from '../helpers/pagefind.ts';
import { SEARCH_QUERIES } from '../search-queries.ts';

beforeAll(assertBuilt);

const PAGEFIND = join(DIST, 'pagefind');
const indexed = () => htmlFiles().filter((f) => /<main\b[^>]*data-pagefind-body/.test(read(f)));

/** Each language's index folder, as its search page names it (data-index, set by the index step). */
function indexes(): { lang: 'ja' | 'en'; base: string; dir: string }[] {
  return (['ja', 'en'] as const).map((lang) => {
    const file = htmlFiles().find((f) => urlPathOf(f) === (lang === 'ja' ? '/search/' : '/en/search/'))!;
    const base = /\bdata-index="([^"]+)"/.exec(read(file))?.[1] ?? '';
    return { lang, base, dir: join(DIST, base) };
  });
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; page_count: number }>;
}
const entryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;

describe('search index', () => {
  it('has one index per language, in a folder named by its content that its search page names', () => {
    const pages = indexed().map(urlPathOf);
    for (const { lang, base, dir } of indexes()) {
      // A folder named by a hash of every file in it: a later build never serves other content under its names.
      expect(base).toMatch(new RegExp(`^/pagefind/${lang}_[0-9a-f]{10}/$`));
      expect(base).toBe(`/pagefind/${lang}_${contentHash(dir)}/`);
      const entry = entryOf(dir);
      expect(entry.version).toBe('1.6.0');
      expect(Object.keys(entry.languages)).toEqual([lang]);
      expect(entry.languages[lang]!.page_count).toBe(
        pages.filter((p) => p.startsWith('/en/') === (lang === 'en')).length,
      );
    }
    // Pagefind's scripts once, beside the folders; nothing else.
    const top = readdirSync(PAGEFIND).filter((f) => !/^(ja|en)_[0-9a-f]{10}$/.test(f));
    expect(
      top.every((f) => /^pagefind[\w-]*\.(js|css)$/.test(f)),
      top.join(' '),
    ).toBe(true);
    expect(top).toContain('pagefind.js');
    expect(readdirSync(PAGEFIND).length - top.length).toBe(2);
  });

  it('writes no table of every page beside the index: ranking data does not grow with the site', () => {
    // The title boost re-ranks the results shown from their own fragments (orderByTitle); the suggestions
    // are fetched only when nothing is found; filters-<lang>.json has a count per filter value.
    for (const { lang, dir } of indexes())
      expect(
        readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort(),
      ).toEqual([`filters-${lang}.json`, 'pagefind-entry.json', `suggest-${lang}.json`]);
  });

  it('stores at most MAX_POSITIONS positions of a word per page, in chunks the metadata names', () => {
    const problems: string[] = [];
    let chunks = 0;
    for (const { dir } of indexes()) {
      const { hash } = Object.values(entryOf(dir).languages)[0]!;
      const meta = readPagefindFile(join(dir, `pagefind.${hash}.pf_meta`)) as Cbor[];
      for (const [, , chunk] of meta[2] as string[][]) {
        const path = join(dir, 'index', `${chunk}.pf_index`);
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

  it('orders pages by length, rounds their word counts and names pages and chunks by their number', () => {
    // search-names.ts: numbered names compress in the metadata loaded before the first query.
    const problems: string[] = [];
    for (const { lang, dir } of indexes()) {
      const { hash, page_count } = Object.values(entryOf(dir).languages)[0]!;
      const meta = readPagefindFile(join(dir, `pagefind.${hash}.pf_meta`)) as Cbor[];
      const pages = meta[1] as string[][];
      expect(pages).toHaveLength(page_count);
      pages.forEach(([name], n) => {
        if (name !== String(n)) problems.push(`${lang}: page ${n} named ${name}`);
        else if (!existsSync(join(dir, 'fragment', `${name}.pf_fragment`)))
          problems.push(`${lang} ${name}: no fragment`);
        else {
          // Its word count rounded (roundedWordCount): within 1.6 % and half a word of the fragment's own.
          const { word_count } = readFragment(join(dir, 'fragment', `${name}.pf_fragment`));
          const words = pages[n]![1] as unknown as number;
          if (Math.abs(words - word_count) > word_count * 0.016 + 0.5)
            problems.push(`${lang} ${name}: ${words} words in the metadata, ${word_count} in its fragment`);
        }
      });
      if (readdirSync(join(dir, 'fragment')).length !== pages.length)
        problems.push(`${lang}: fragments not named by the metadata`);
      const words = pages.map((p) => p[1] as unknown as number);
      // By word count within blocks of 256 pages (ORDER_BLOCK).
      if (words.some((w, n) => n % 256 > 0 && w < words[n - 1]!)) problems.push(`${lang}: pages not by word count`);
      const chunks = [...new Set((meta[2] as string[][]).map((c) => c[2]!))];
      chunks.forEach((name, n) => {
        if (name !== String(n)) problems.push(`${lang}: chunk ${n} named ${name}`);
        // A word's pages are steps from the one before (from 0), as renumberChunk reads and writes them.
        for (const [word, entries] of (readPagefindFile(join(dir, 'index', `${name}.pf_index`)) as Cbor[][][])[0]!) {
          let page = -1;
          for (const [i, [step]] of (entries as number[][]).entries()) {
            page = i === 0 ? step! : page + step!;
            if ((i > 0 && step! <= 0) || page >= pages.length) problems.push(`${lang} ${name} ${word}: page ${page}`);
          }
        }
      });
      if (readdirSync(join(dir, 'index')).length !== chunks.length)
        problems.push(`${lang}: chunks not named by the metadata`);
    }
    expect(problems).toEqual([]);
  });

  it('stores no anchors in the fragments every result fetches (the search page shows no sub-results)', () => {
    const withAnchors: string[] = [];
    let fragments = 0;
    for (const { lang, dir } of indexes())
      for (const file of readdirSync(join(dir, 'fragment'))) {
        const fragment = readFragment(join(dir, 'fragment', file));
        fragments++;
        if (!Array.isArray(fragment.anchors) || fragment.anchors.length) withAnchors.push(`${lang}/${file}`);
      }
    expect(fragments).toBe(indexed().length);
    expect(withAnchors).toEqual([]);
  });

  it("leaves out of a program page's index only figures, notes and sources its indexed text has elsewhere", () => {
    // The table of all figures (a <details> not indexed) repeats the year sheet, its footnotes and the source list.
    const comparable = (text: string) =>
      normalizeCounters(text.normalize('NFKC'))
        .replace(YEAR_TOKEN_PATTERN, '')
        .replace(/[\s\u200b.。]/g, '');
    const decoded = (text: string) =>
      text.replace(
        /&(amp|lt|gt|quot|#39);/g,
        (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
      );
    const contentOf = new Map<string, string>();
    for (const { dir } of indexes())
      for (const file of readdirSync(join(dir, 'fragment'))) {
        const { url, content } = readFragment(join(dir, 'fragment', file));
        contentOf.set(url, comparable(content));
      }
    const missing: string[] = [];
    let tables = 0;
    for (const file of indexed()) {
      const table = /<details class="all-figures[^"]*"[^>]*>([\s\S]*?)<\/details>/.exec(read(file))?.[1];
      if (!table) continue;
      tables++;
      const content = contentOf.get(urlPathOf(file)) ?? '';
      expect(content, urlPathOf(file)).not.toContain(comparable(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(table)![1]!));
      const periodLabel = `${t(urlPathOf(file).startsWith('/en/') ? 'en' : 'ja', 'table.period')}: `;
      for (const [, cell] of table.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g))
        // Marks (badges) are how this table shows what the sheet says in its footnotes; a period has its own label.
        for (const run of cell!.replace(/<(a|span) class="badge[^"]*"[^>]*>[\s\S]*?<\/\1>/g, '').split(/<[^>]*>/)) {
          const text = comparable(decoded(run).replace(periodLabel, ''));
          if (text && !content.includes(text)) missing.push(`${urlPathOf(file)}: ${decoded(run).trim()}`);
        }
    }
    expect(tables).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('serves metadata and WebAssembly that unzip to Pagefind 1.6 files (regzipped by search-compress.ts)', () => {
    const files = indexes().flatMap(({ dir }) =>
      readdirSync(dir)
        .filter((f) => /^(pagefind\..*\.pf_meta|wasm\..*\.pagefind)$/.test(f))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const content = gunzipSync(readFileSync(f)).toString('latin1');
      expect(content.startsWith(/\/wasm\.[^/]*$/.test(f) ? 'pagefind_dcd\0asm' : 'pagefind_dcd'), f).toBe(true);
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

  it('writes nothing into the built pages but the index folder of each search page (the folded copy is only indexed)', () => {
    expect(existsSync(join(PAGEFIND, 'pagefind.js'))).toBe(true);
    for (const { dir } of indexes()) expect(existsSync(join(dir, 'pagefind-entry.json')), dir).toBe(true);
    const sample = htmlFiles().find((f) => urlPathOf(f) === '/fy/2024/');
    if (sample) expect(read(sample)).not.toMatch(/nendo20\d\d/);
  });
});
