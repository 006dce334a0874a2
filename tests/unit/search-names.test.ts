/** Short names for a Pagefind index's pages and chunks (src/integrations/search-names.ts). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compactIndexNames } from '../../src/integrations/search-names.ts';
import { pagefindBytes, readPagefindFile, type Cbor } from '../../src/integrations/search-positions.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A one-language index as Pagefind writes it: random names, three pages, two chunks (one named twice). */
function writeIndex(fragmentText = 'a', groups: string[] = ['', '', '']): string {
  const dir = mkdtempSync(join(tmpdir(), 'names-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'fragment'));
  mkdirSync(join(dir, 'index'));
  const pages = ['ja_3f2a9c1', 'ja_00b7e4d', 'ja_c91d0a2'];
  pages.forEach((p, i) => writeFileSync(join(dir, 'fragment', `${p}.pf_fragment`), `${fragmentText}${i}`));
  for (const c of ['ja_9e8d7c6', 'ja_1b2c3d4']) writeFileSync(join(dir, 'index', `${c}.pf_index`), c);
  const meta: Cbor = [
    '1.6.0',
    pages.map((p, i) => [p, 100 + i, groups[i]!]),
    [
      ['a', 'k', 'ja_9e8d7c6'],
      ['l', 'm', 'ja_1b2c3d4'],
      ['n', 'z', 'ja_9e8d7c6'],
    ],
    [['kind', 'ja_aaaaaaa']],
    [],
    ['title'],
  ];
  writeFileSync(join(dir, 'pagefind.ja_0123456789.pf_meta'), pagefindBytes(meta));
  writeFileSync(
    join(dir, 'pagefind-entry.json'),
    JSON.stringify({ version: '1.6.0', languages: { ja: { hash: 'ja_0123456789', wasm: null, page_count: 3 } } }),
  );
  return dir;
}

const metaOf = (dir: string) => {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  return {
    hash: entry.languages.ja.hash as string,
    meta: readPagefindFile(join(dir, `pagefind.${entry.languages.ja.hash}.pf_meta`)) as Cbor[],
  };
};

describe('compactIndexNames', () => {
  it('names page n and chunk n by n in one folder, moves their files and keeps everything else', () => {
    const dir = writeIndex();
    const summary = compactIndexNames(dir);
    expect(summary).toMatchObject({ pages: 3, chunks: 2 });
    const { hash, meta } = metaOf(dir);
    expect(hash).toMatch(/^ja_[0-9a-f]{10}$/);
    expect(hash).not.toBe('ja_0123456789');
    expect(existsSync(join(dir, 'pagefind.ja_0123456789.pf_meta'))).toBe(false);
    const folder = /^(ja_[0-9a-f]{10})\/0$/.exec((meta[1] as string[][])[0]![0]!)![1]!;
    // Same order, word counts and groups; chunk boundaries kept; a chunk named twice keeps one name.
    expect(meta[1]).toEqual([
      [`${folder}/0`, 100, ''],
      [`${folder}/1`, 101, ''],
      [`${folder}/2`, 102, ''],
    ]);
    expect(meta[2]).toEqual([
      ['a', 'k', `${folder}/0`],
      ['l', 'm', `${folder}/1`],
      ['n', 'z', `${folder}/0`],
    ]);
    expect(meta.slice(3)).toEqual([[['kind', 'ja_aaaaaaa']], [], ['title']]);
    // Each file keeps its content under its new name; the old names are gone.
    expect(readFileSync(join(dir, 'fragment', folder, '2.pf_fragment'), 'utf8')).toBe('a2');
    expect(readFileSync(join(dir, 'index', folder, '1.pf_index'), 'utf8')).toBe('ja_1b2c3d4');
    expect(readdirSync(join(dir, 'fragment'))).toEqual([folder]);
    expect(readdirSync(join(dir, 'index'))).toEqual([folder]);
  });

  it('names the folder by the content, so another content never gets the same names', () => {
    const a = writeIndex('a');
    const b = writeIndex('a');
    const c = writeIndex('b');
    compactIndexNames(a);
    compactIndexNames(b);
    compactIndexNames(c);
    const first = (dir: string) => (metaOf(dir).meta[1] as string[][])[0]![0];
    expect(first(a)).toBe(first(b));
    expect(first(c)).not.toBe(first(a));
  });

  it('refuses pages in a fragment group (a Pagefind format it does not rename)', () => {
    const dir = writeIndex('a', ['', 'ja_group1', '']);
    expect(() => compactIndexNames(dir)).toThrow(/fragment group ja_group1/);
  });
});
