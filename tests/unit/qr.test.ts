import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { qrPath } from '../../src/lib/qr.ts';

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
