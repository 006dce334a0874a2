/**
 * QR code of a URL as SVG rectangles drawn at build time: no script, and no string rendered as markup.
 *
 * Drawing one costs about 0.85 ms of CPU (measured over 2,000 program URLs), which was ~8% of the
 * Astro phase of a build: each URL is drawn once per process (memo), and the paths are kept between
 * builds in node_modules/.cache/zaitaku-atlas/qr-*.json (reading one back costs ~0.005 ms), keyed by
 * the URL, in a file named after this module's code and the qrcode version, so a change to either
 * draws everything anew.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';

export interface QrPath {
  size: number;
  d: string;
}

/** Draws the code of `text` (error correction M, 4-module quiet zone). */
export function drawQrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  // One rectangle per horizontal run of dark modules (about half the bytes of one per module).
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size;) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && modules.get(y, x + run)) run++;
      d += `M${x + 4} ${y + 4}h${run}v1h-${run}z`;
      x += run;
    }
  }
  // 4-module quiet zone on each side.
  return { size: size + 8, d };
}

/** Paths by URL, read from and written to one file; `undefined` dir keeps them in memory only. */
export class QrCache {
  private readonly file: string | undefined;
  private paths: Map<string, QrPath> | undefined;
  private added = 0;

  constructor(file?: string) {
    this.file = file;
  }

  get(text: string): QrPath {
    this.paths ??= this.read();
    let path = this.paths.get(text);
    if (!path) {
      this.paths.set(text, (path = drawQrPath(text)));
      this.added++;
    }
    return path;
  }

  /** Writes the paths if any was drawn in this process. Never fails a build: the cache is only a saving. */
  save(): void {
    if (!this.file || !this.paths || this.added === 0) return;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.paths)));
      renameSync(temporary, this.file);
      this.added = 0;
    } catch {
      /* read-only checkout: the next build draws them again */
    }
  }

  private read(): Map<string, QrPath> {
    if (!this.file) return new Map();
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, QrPath>;
      const valid = Object.entries(stored).filter(([, p]) => typeof p?.size === 'number' && typeof p?.d === 'string');
      return new Map(valid);
    } catch {
      return new Map(); // no cache yet, or a corrupt one: drawn again and rewritten
    }
  }
}

/** The build's cache file: named after this module's source and the qrcode version. */
function cacheFile(root: string): string | undefined {
  try {
    const hash = createHash('sha1')
      .update(readFileSync(join(root, 'src/lib/qr.ts')))
      .update(readFileSync(join(root, 'node_modules/qrcode/package.json')))
      .digest('base64url')
      .slice(0, 16);
    return join(root, 'node_modules/.cache/zaitaku-atlas', `qr-${hash}.json`);
  } catch {
    return undefined; // not run from the project root: memory only
  }
}

let shared: QrCache | undefined;

/** The QR path of a URL, drawn once per URL and kept between builds (saved when the process exits). */
export function qrPath(text: string): QrPath {
  if (!shared) {
    shared = new QrCache(cacheFile(process.cwd()));
    const cache = shared;
    process.once('exit', () => cache.save());
  }
  return shared.get(text);
}
