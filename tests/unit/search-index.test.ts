/** The copy of a page that Pagefind indexes (src/integrations/search-index.ts). */
import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  contentHash,
  countFilters,
  dataValues,
  indexCopy,
  indexedPart,
  indexInParallel,
  indexLanguage,
  PARALLEL_MAX_PAGES,
  placeIndex,
  pointSearchPage,
  withoutIds,
  type FilterCounts,
} from '../../src/integrations/search-index.ts';
import { readFragment } from '../helpers/pagefind.ts';

describe('indexCopy', () => {
  const page = (body: string) =>
    `<!DOCTYPE html><html lang="ja"><body><header>ＡＣＰ</header><main data-pagefind-body=""><div hidden data-pagefind-ignore><data value="program" data-pagefind-filter="kind[value]"></data><data value="2024" data-pagefind-filter="fy[value]"></data><data value="2025" data-pagefind-filter="fy[value]"></data></div>${body}</main></body></html>`;

  it('reads the filters from <data> elements', () => {
    expect(dataValues(page(''), 'fy')).toEqual(['2024', '2025']);
    expect(dataValues(page(''), 'kind')).toEqual(['program']);
  });

  it('adds the tokens of the covered years at the end of <main>', () => {
    const copy = indexCopy(page('<h1>ＡＣＰ推進事業</h1>'));
    expect(copy).toContain('<h1>ACP推進事業</h1><p data-pagefind-weight="0.5">nendo2024 nendo2025</p></main>');
  });
});

describe('withoutIds', () => {
  it('drops the id of every element, which Pagefind would store as an anchor, and keeps the text', () => {
    const html =
      '<main id="main" data-pagefind-body=""><h2 id="budget" class="x">予算 id="a"</h2><dt\nid="t">用語</dt></main>';
    expect(withoutIds(html)).toBe('<main data-pagefind-body=""><h2 class="x">予算 id="a"</h2><dt>用語</dt></main>');
  });
  it('leaves attributes that only end in "id" alone', () => {
    expect(withoutIds('<a data-id="x" aria-describedby="y">a</a>')).toBe('<a data-id="x" aria-describedby="y">a</a>');
  });
});

describe('indexedPart', () => {
  it('keeps the <html> tag and the indexed <main>, and drops the head, header and footer', () => {
    const page =
      '<!DOCTYPE html><html lang="ja" data-x=""><head><title>T</title><style>p{}</style></head><body>' +
      '<header>ＡＣＰ</header><main id="main" data-pagefind-body=""><h1>事業</h1></main><footer>f</footer></body></html>';
    expect(indexedPart(page)).toBe(
      '<!DOCTYPE html><html lang="ja" data-x=""><body><main id="main" data-pagefind-body=""><h1>事業</h1></main></body></html>',
    );
  });

  it('is undefined for a page whose main content is not indexed', () => {
    expect(indexedPart('<html lang="ja"><body><main id="main"><h1>検索</h1></main></body></html>')).toBeUndefined();
  });
});

describe('countFilters', () => {
  it('counts each page once per filter value, as Pagefind does, and decodes the value', () => {
    const counts: FilterCounts = {};
    const data = (name: string, value: string) =>
      `<data value="${value}" data-pagefind-filter="${name}[value]"></data>`;
    countFilters(data('kind', 'program') + data('fy', '2024') + data('fy', '2025') + data('fy', '2024'), counts);
    countFilters(data('kind', 'program') + data('fy', '2025') + data('fund', 'A &amp; B'), counts);
    countFilters('<data value="x" data-pagefind-meta="label[value]"></data>', counts);
    expect(counts).toEqual({ kind: { program: 2 }, fy: { '2024': 1, '2025': 2 }, fund: { 'A & B': 1 } });
  });
});

describe('indexInParallel', () => {
  it('indexes two languages at once on two cores while each is small', () => {
    expect(indexInParallel([1500, 1500], 2, {})).toBe(true);
    expect(indexInParallel([PARALLEL_MAX_PAGES, 10], 2, {})).toBe(true);
  });
  it('one after the other when a language has more pages than two Pagefind services can hold at once', () => {
    expect(indexInParallel([PARALLEL_MAX_PAGES + 1, 10], 2, {})).toBe(false);
  });
  it('one after the other on one core, for one language, or with ATLAS_INDEX_THREADS=0', () => {
    expect(indexInParallel([1500, 1500], 1, {})).toBe(false);
    expect(indexInParallel([1500], 2, {})).toBe(false);
    expect(indexInParallel([1500, 1500], 2, { ATLAS_INDEX_THREADS: '0' })).toBe(false);
  });
});

const temporary: string[] = [];
afterAll(() => temporary.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** A directory with `files` (path → text). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-index-place-'));
  temporary.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('contentHash', () => {
  it('is the same for the same files and differs when a byte or a name differs', () => {
    const files = { 'pagefind-entry.json': '{}', 'fragment/0.pf_fragment': 'a', 'index/0.pf_index': 'b' };
    const a = contentHash(tree(files));
    expect(a).toMatch(/^[0-9a-f]{10}$/);
    expect(contentHash(tree(files))).toBe(a);
    expect(contentHash(tree({ ...files, 'index/0.pf_index': 'c' }))).not.toBe(a);
    expect(
      contentHash(tree({ 'pagefind-entry.json': '{}', 'fragment/1.pf_fragment': 'a', 'index/0.pf_index': 'b' })),
    ).not.toBe(a);
  });
});

describe('placeIndex', () => {
  it("moves a language's index into a folder named by its content and Pagefind's scripts beside it, once", () => {
    const out = join(tree({}), 'pagefind');
    const lang = (l: string) =>
      tree({ 'pagefind.js': 'js', 'pagefind-ui.css': 'css', 'pagefind-entry.json': l, 'fragment/0.pf_fragment': l });
    const ja = placeIndex(lang('ja'), out, 'ja');
    const en = placeIndex(lang('en'), out, 'en');
    expect(ja).toMatch(/^ja_[0-9a-f]{10}$/);
    expect(readdirSync(out).sort()).toEqual([en, ja, 'pagefind-ui.css', 'pagefind.js'].sort());
    // The folder's name is the hash of what is in it.
    expect(ja).toBe(`ja_${contentHash(join(out, ja))}`);
    expect(readdirSync(join(out, ja)).sort()).toEqual(['fragment', 'pagefind-entry.json']);
    expect(readFileSync(join(out, en, 'fragment', '0.pf_fragment'), 'utf8')).toBe('en');
    expect(() => placeIndex(lang('ja'), out, 'ja')).toThrow(/exists/);
  });
});

describe('pointSearchPage', () => {
  it("points each language's search page at its folder and leaves the other page alone", () => {
    const page = '<div id="search" data-lang="ja" data-index="/pagefind/" data-state="idle"></div>';
    const root = tree({ 'search/index.html': page, 'en/search/index.html': page });
    expect(pointSearchPage(root, 'en', '/pagefind/en_0000000002/')).toBe(true);
    expect(readFileSync(join(root, 'en/search/index.html'), 'utf8')).toContain('data-index="/pagefind/en_0000000002/"');
    expect(readFileSync(join(root, 'search/index.html'), 'utf8')).toBe(page);
  });
  it('is false without a search page, and fails on a search page that names no index to point', () => {
    expect(pointSearchPage(tree({}), 'ja', '/pagefind/ja_1/')).toBe(false);
    expect(() => pointSearchPage(tree({ 'search/index.html': '<div id="search"></div>' }), 'ja', '/x/')).toThrow(
      /data-index/,
    );
  });
});

describe('indexLanguage', () => {
  it("returns only once its Pagefind service's process has ended and been waited for", async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-index-language-'));
    const started: ChildProcess[] = [];
    const collect = (message: unknown) => started.push((message as { process: ChildProcess }).process);
    subscribe('child_process', collect);
    try {
      mkdirSync(join(root, 'a'));
      writeFileSync(
        join(root, 'a', 'index.html'),
        '<!DOCTYPE html><html lang="ja"><body><main data-pagefind-body><h1>訪問看護</h1><p>本文</p></main></body></html>',
      );
      const result = await indexLanguage(root, 'ja', ['a/index.html'], join(root, 'pagefind'));
      expect(result.pages).toBe(1);
      const services = started.filter((p) => /pagefind/.test(p.spawnfile));
      expect(services).toHaveLength(1);
      // Set by Node only when the process has been waited for: its CPU time then counts in this process's.
      expect(services[0]!.signalCode ?? services[0]!.exitCode).not.toBeNull();
    } finally {
      unsubscribe('child_process', collect);
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('indexes the text of adjacent table cells as separate words, and nothing marked data-pagefind-ignore', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-index-cells-'));
    try {
      mkdirSync(join(root, 'a'));
      writeFileSync(
        join(root, 'a', 'index.html'),
        '<!DOCTYPE html><html lang="en"><body><main data-pagefind-body><h1>Visiting nursing</h1><table>' +
          '<tr><th>Item</th><th>FY2018</th></tr><tr><td>Budget</td><td>¥1,000 thousand<sup data-pagefind-ignore>1</sup></td>' +
          '<td data-pagefind-ignore>none</td></tr></table></main></body></html>',
      );
      await indexLanguage(root, 'en', ['a/index.html'], join(root, 'pagefind'));
      const [fragment] = readdirSync(join(root, 'pagefind', 'fragment'));
      const { content } = readFragment(join(root, 'pagefind', 'fragment', fragment!));
      expect(content).toBe('Visiting nursing. Item FY2018 nendo2018 Budget. ¥1,000 thousand.');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
