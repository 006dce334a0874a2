/** Short names for a Pagefind index's pages and chunks (src/integrations/search-names.ts). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compactIndexNames, roundedWordCount } from '../../src/integrations/search-names.ts';
import { pagefindBytes, readPagefindFile, type Cbor } from '../../src/integrations/search-positions.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A one-language index as Pagefind writes it: random names; pages A, B, C of 300, 100 and 200 words (so B, C, A by
 * length); two chunks (one named twice in the list), one filter.
 */
function writeIndex(fragmentText = 'a', groups: string[] = ['', '', '']): string {
  const dir = mkdtempSync(join(tmpdir(), 'names-'));
  dirs.push(dir);
  for (const sub of ['fragment', 'index', 'filter']) mkdirSync(join(dir, sub));
  const pages = ['ja_3f2a9c1', 'ja_00b7e4d', 'ja_c91d0a2'];
  pages.forEach((p, i) => writeFileSync(join(dir, 'fragment', `${p}.pf_fragment`), `${fragmentText}${i}`));
  // Pages of a word: each the step from the one before (A = 0, then C = 0 + 2); a diacritic variant likewise.
  const chunks: Record<string, Cbor> = {
    ja_9e8d7c6: [
      [
        [
          'apple',
          [
            [0, [-25, 1], []],
            [2, [-25, 5], []],
          ],
          [],
        ],
      ],
    ],
    ja_1b2c3d4: [[['yoko', [[1, [-25, 3], []]], [['yōkō', [[2, [-13, 11], []]]]]]]],
  };
  for (const [name, chunk] of Object.entries(chunks))
    writeFileSync(join(dir, 'index', `${name}.pf_index`), pagefindBytes(chunk));
  const filter: Cbor = [
    'kind',
    [
      ['about', [1]],
      ['program', [0, 2]],
    ],
  ];
  writeFileSync(join(dir, 'filter', 'ja_aaaaaaa.pf_filter'), pagefindBytes(filter));
  const meta: Cbor = [
    '1.6.0',
    pages.map((p, i) => [p, [300, 100, 200][i]!, groups[i]!]),
    [
      ['a', 'k', 'ja_9e8d7c6'],
      ['l', 'm', 'ja_1b2c3d4'],
      ['n', 'z', 'ja_9e8d7c6'],
    ],
    [['kind', 'ja_aaaaaaa']],
    [['date', [2, 0, 1]]],
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

describe('roundedWordCount', () => {
  it('keeps a count within 1.6 % and half a word (exact up to 32 words), never lowers a longer page below a shorter one', () => {
    let before = 0;
    for (let count = 0; count <= 100_000; count++) {
      const rounded = roundedWordCount(count);
      if (count <= 32) expect(rounded).toBe(count);
      expect(Math.abs(rounded - count)).toBeLessThanOrEqual(count * 0.016 + 0.5);
      expect(rounded).toBeGreaterThanOrEqual(before);
      before = rounded;
    }
  });

  it('gives few distinct counts: 32 steps for each factor e', () => {
    const distinct = new Set(Array.from({ length: 10_000 }, (_, i) => roundedWordCount(1_000 + i)));
    // From 1,000 to 10,999 words: ln(11) × 32 ≈ 77 steps.
    expect(distinct.size).toBeLessThanOrEqual(78);
  });
});

describe('compactIndexNames', () => {
  it('orders pages by length, names page n and chunk n by n, and keeps what refers to them', () => {
    const dir = writeIndex();
    const summary = compactIndexNames(dir);
    expect(summary).toMatchObject({ pages: 3, chunks: 2 });
    const { hash, meta } = metaOf(dir);
    expect(hash).toMatch(/^ja_[0-9a-f]{10}$/);
    expect(hash).not.toBe('ja_0123456789');
    expect(existsSync(join(dir, 'pagefind.ja_0123456789.pf_meta'))).toBe(false);
    // B, C, A: shortest first, word counts rounded; chunk boundaries kept; a chunk named twice keeps one name.
    expect(meta[1]).toEqual([
      ['0', 99, ''],
      ['1', 203, ''],
      ['2', 305, ''],
    ]);
    expect(meta[2]).toEqual([
      ['a', 'k', '0'],
      ['l', 'm', '1'],
      ['n', 'z', '0'],
    ]);
    // Each page's fragment under its new number; the old names are gone.
    expect(['0', '1', '2'].map((n) => readFileSync(join(dir, 'fragment', `${n}.pf_fragment`), 'utf8'))).toEqual([
      'a1',
      'a2',
      'a0',
    ]);
    expect(readdirSync(join(dir, 'fragment')).sort()).toEqual(['0.pf_fragment', '1.pf_fragment', '2.pf_fragment']);
    expect(readdirSync(join(dir, 'index')).sort()).toEqual(['0.pf_index', '1.pf_index']);
    // apple was on A and C (now 2 and 1): listed C, A, as steps 1, 1; yoko on B (now 0), its variant on C (now 1).
    expect(readPagefindFile(join(dir, 'index', '0.pf_index'))).toEqual([
      [
        [
          'apple',
          [
            [1, [-25, 5], []],
            [1, [-25, 1], []],
          ],
          [],
        ],
      ],
    ]);
    expect(readPagefindFile(join(dir, 'index', '1.pf_index'))).toEqual([
      [['yoko', [[0, [-25, 3], []]], [['yōkō', [[1, [-13, 11], []]]]]]],
    ]);
    // The filter's pages and the sort's follow, the filter file renamed by its new content.
    const [filterName, filterFile] = (meta[3] as string[][])[0]!;
    expect(filterName).toBe('kind');
    expect(filterFile).not.toBe('ja_aaaaaaa');
    expect(readPagefindFile(join(dir, 'filter', `${filterFile}.pf_filter`))).toEqual([
      'kind',
      [
        ['about', [0]],
        ['program', [1, 2]],
      ],
    ]);
    expect(readdirSync(join(dir, 'filter'))).toEqual([`${filterFile}.pf_filter`]);
    expect(meta[4]).toEqual([['date', [1, 2, 0]]]);
    expect(meta[5]).toEqual(['title']);
  });

  it('refuses pages in a fragment group (a Pagefind format it does not rename)', () => {
    const dir = writeIndex('a', ['', 'ja_group1', '']);
    expect(() => compactIndexNames(dir)).toThrow(/fragment group ja_group1/);
  });
});
