import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawQrPath, QrCache, qrPath } from '../../src/lib/qr.ts';

describe('qrPath', () => {
  it('draws exactly the dark modules, with a 4-module quiet zone', () => {
    const url = 'https://zaitaku-atlas.example.org/programs/visiting-nursing-recruitment/';
    const { size, d } = qrPath(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size + 8);
    const dark = new Set<string>();
    for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g))
      for (let i = 0; i < Number(m[3]); i++) dark.add(`${Number(m[1]) + i - 4},${Number(m[2]) - 4}`);
    let expected = 0;
    for (let y = 0; y < modules.size; y++)
      for (let x = 0; x < modules.size; x++) {
        if (modules.get(y, x)) expected++;
        expect(dark.has(`${x},${y}`)).toBe(!!modules.get(y, x));
      }
    expect(dark.size).toBe(expected);
  });
});

describe('QrCache', () => {
  const url = 'https://zaitaku-atlas.example.org/fy/2025/';

  it('draws a URL once and serves the same path again', () => {
    const cache = new QrCache();
    const first = cache.get(url);
    expect(cache.get(url)).toBe(first);
    expect(first).toEqual(drawQrPath(url));
  });

  it('keeps paths between builds in its file, and ignores a corrupt file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-qr-')), 'qr.json');
    const first = new QrCache(file);
    first.get(url);
    first.save();
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored[url]).toEqual(drawQrPath(url));
    // A path read back is used as stored: proven by planting a different one.
    writeFileSync(file, JSON.stringify({ [url]: { size: 1, d: 'M0 0h1v1h-1z' } }));
    expect(new QrCache(file).get(url)).toEqual({ size: 1, d: 'M0 0h1v1h-1z' });
    writeFileSync(file, '{"https://x": {"size"');
    expect(new QrCache(file).get(url)).toEqual(drawQrPath(url));
  });
});
