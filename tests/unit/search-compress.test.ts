/** Pagefind's metadata and WebAssembly gzipped again with Zopfli (src/integrations/search-compress.ts). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { recompressIndex } from '../../src/integrations/search-compress.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('recompressIndex', () => {
  it('leaves no process-wide error handler behind (Zopfli start-up adds two; first, so Zopfli loads here)', async () => {
    const count = () => process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection');
    const before = count();
    const dir = mkdtempSync(join(tmpdir(), 'compress-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'wasm.unknown.pagefind'), gzipSync(Buffer.from('x'.repeat(5000))));
    await recompressIndex(dir);
    expect(count()).toBe(before);
  });

  it('makes the metadata and WebAssembly smaller with the same content, and leaves other files alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compress-'));
    dirs.push(dir);
    // Numbered names, as search-names.ts writes them: the repetition Zopfli finds better than gzip -6.
    const meta = Buffer.from(Array.from({ length: 3000 }, (_, n) => `ja_0123456789/${n}:${(n * 7919) % 4099}`).join());
    const wasm = Buffer.from(Array.from({ length: 4000 }, (_, n) => String.fromCharCode(97 + ((n * n) % 26))).join(''));
    const chunk = gzipSync(meta);
    writeFileSync(join(dir, 'pagefind.ja_0123456789.pf_meta'), gzipSync(meta));
    writeFileSync(join(dir, 'wasm.unknown.pagefind'), gzipSync(wasm));
    writeFileSync(join(dir, 'chunk.pf_index'), chunk);
    const summary = await recompressIndex(dir);
    expect(summary.files).toBe(2);
    expect(summary.after).toBeLessThan(summary.before);
    const metaNow = readFileSync(join(dir, 'pagefind.ja_0123456789.pf_meta'));
    expect(metaNow.length).toBeLessThan(gzipSync(meta).length);
    expect(gunzipSync(metaNow).equals(meta)).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, 'wasm.unknown.pagefind'))).equals(wasm)).toBe(true);
    expect(readFileSync(join(dir, 'chunk.pf_index')).equals(chunk)).toBe(true);
  });
});
