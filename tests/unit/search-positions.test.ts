/** Fewer word positions in Pagefind's index chunks (src/integrations/search-positions.ts). */
import { describe, expect, it } from 'vitest';
import { capChunk, capLocations, decodeCbor, encodeCbor, type Cbor } from '../../src/integrations/search-positions.ts';

describe('CBOR as Pagefind writes it', () => {
  it('encodes integers in their shortest form, strings as UTF-8 text and arrays with their length', () => {
    expect([...encodeCbor([1, -25, 'a'])]).toEqual([0x83, 0x01, 0x38, 0x18, 0x61, 0x61]);
    expect([...encodeCbor(23)]).toEqual([0x17]);
    expect([...encodeCbor(24)]).toEqual([0x18, 0x18]);
    expect([...encodeCbor(256)]).toEqual([0x19, 0x01, 0x00]);
    expect([...encodeCbor(65536)]).toEqual([0x1a, 0x00, 0x01, 0x00, 0x00]);
    expect([...encodeCbor(-241)]).toEqual([0x38, 0xf0]);
    expect([...encodeCbor('看護')]).toEqual([0x66, ...Buffer.from('看護')]);
  });

  it('decodes what it encodes', () => {
    const values: Cbor[] = [
      0,
      23,
      24,
      255,
      256,
      65535,
      65536,
      2 ** 32,
      -1,
      -24,
      -25,
      -65537,
      '',
      '訪問看護',
      [],
      [[['x', [[0, [-25, 3, 4], []]], []]]],
    ];
    for (const v of values) expect(decodeCbor(encodeCbor(v))).toEqual(v);
    expect(decodeCbor(encodeCbor(Array.from({ length: 300 }, (_, i) => i)))).toHaveLength(300);
  });

  it('refuses bytes after the value and types Pagefind does not write', () => {
    expect(() => decodeCbor(Uint8Array.from([0x01, 0x02]))).toThrow(/after the value/);
    expect(() => decodeCbor(Uint8Array.from([0xa0]))).toThrow(/major type 5/);
  });
});

describe('capLocations', () => {
  // Runs: a weight marker -(weight + 1), then positions delta-encoded from 0 within the run.
  it('leaves a page with few positions as it is', () => {
    const locs = [-25, 3, 4, 10];
    expect(capLocations(locs, 3)).toBe(locs);
  });

  it('keeps the highest-weighted positions, then the earliest, and re-encodes each run from 0', () => {
    // weight 24 at 5, 9, 20, 40; weight 240 (a heading) at 1
    const locs = [-25, 5, 4, 11, 20, -241, 1];
    expect(capLocations(locs, 3)).toEqual([-25, 5, 4, -241, 1]);
    expect(capLocations(locs, 1)).toEqual([-241, 1]);
  });

  it('drops a run none of whose positions is kept, with its marker', () => {
    // weight 12 at 2, 3; weight 24 at 7, 8
    expect(capLocations([-13, 2, 1, -25, 7, 1], 2)).toEqual([-25, 7, 1]);
  });

  it('reads positions before any marker as one run without a marker', () => {
    expect(capLocations([2, 2, 2, 2], 2)).toEqual([2, 2]);
  });
});

describe('capChunk', () => {
  it('caps every page of every word, keeps page numbers and meta positions, and counts positions', () => {
    const chunk: Cbor = [
      [
        [
          '訪問',
          [
            [0, [-25, 1, 1, 1, 1], []],
            [3, [-25, 2], [-2, 0]],
          ],
          [],
        ],
        ['看護', [[1, [-25, 1, 1, 1], []]], []],
      ],
    ];
    const { chunk: capped, before, after } = capChunk(chunk, 2);
    expect(capped).toEqual([
      [
        [
          '訪問',
          [
            [0, [-25, 1, 1], []],
            [3, [-25, 2], [-2, 0]],
          ],
          [],
        ],
        ['看護', [[1, [-25, 1, 1], []]], []],
      ],
    ]);
    expect([before, after]).toEqual([8, 5]);
  });
});
