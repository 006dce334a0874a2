/**
 * Fewer word positions in the Pagefind index: at most MAX_POSITIONS positions of a word on one page.
 *
 * Pagefind stores, for every word and page, every position of the word on the page, and its search
 * returns every position of every matching page to JavaScript (as JSON) before the first result can be
 * shown. At 10,000 programs 訪問看護 matches ~5,000 pages with ~640,000 positions: a 26 MB answer that
 * took seconds to build, parse and map, and the positions were most of the bytes of the word's index
 * chunks. Ranking needs few of them: Pagefind's term frequency saturates (a page with 8 weighted
 * mentions scores ~85 % of one with a hundred), the excerpt is taken around the positions kept, and the
 * page's word count, which sets its length, is not touched. Kept: the highest-weighted positions (a
 * heading's before body text), then the earliest. Measured in the report of issue 14.
 *
 * Pagefind's files are gzip of "pagefind_dcd" + CBOR (Pagefind 1.6):
 * - index chunk (index/<lang>_<hash>.pf_index): [[word, [[page delta, locs, meta locs], …], …], …]]
 *   where locs are runs of a weight marker -(weight + 1) (weight 24 = 1.0) followed by positions
 *   delta-encoded from 0 within the run (checked against the pages' fragments);
 * - metadata (pagefind.<lang>_<hash>.pf_meta): [version, pages, [[from word, to word, chunk hash], …], …].
 * A rewritten chunk gets a new name from its content, as Pagefind names files, so caches never keep an
 * older content under the same name; the metadata's list of chunks and its own name follow, and
 * pagefind-entry.json names the new metadata.
 */
import { createHash } from 'node:crypto';
import { existsSync, globSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Positions of one word kept per page (the figure chosen by the 114-query quality check in the report). */
export const MAX_POSITIONS = 8;

/** The CBOR that Pagefind's files use: unsigned and negative integers, text strings and arrays. */
export type Cbor = number | string | Cbor[];

export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++]!;
    if (info === 25) return ((at += 2), view.getUint16(at - 2));
    if (info === 26) return ((at += 4), view.getUint32(at - 4));
    if (info === 27) return ((at += 8), Number(view.getBigUint64(at - 8)));
    throw new Error(`CBOR: unsupported length ${info} at byte ${at}`);
  };
  const item = (): Cbor => {
    const head = bytes[at++]!;
    const type = head >> 5;
    const n = argument(head & 31);
    if (type === 0) return n;
    if (type === 1) return -1 - n;
    if (type === 3) return text.decode(bytes.subarray(at, (at += n)));
    if (type === 4) return Array.from({ length: n }, item);
    throw new Error(`CBOR: unsupported major type ${type} at byte ${at - 1}`);
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the value`);
  return value;
}

/** Encodes as minicbor (Pagefind's encoder) does: definite lengths, shortest integer forms. */
export function encodeCbor(value: Cbor): Buffer {
  let out = Buffer.allocUnsafe(1 << 16);
  let at = 0;
  const room = (n: number) => {
    if (at + n <= out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, at + n));
    out.copy(bigger, 0, 0, at);
    out = bigger;
  };
  const head = (type: number, n: number) => {
    room(9);
    const t = type << 5;
    if (n < 24) out[at++] = t | n;
    else if (n < 0x100) ((out[at++] = t | 24), (out[at++] = n));
    else if (n < 0x10000) ((out[at++] = t | 25), (at = out.writeUInt16BE(n, at)));
    else if (n < 0x100000000) ((out[at++] = t | 26), (at = out.writeUInt32BE(n, at)));
    else ((out[at++] = t | 27), (at = out.writeBigUInt64BE(BigInt(n), at)));
  };
  const item = (v: Cbor) => {
    if (typeof v === 'number') head(v < 0 ? 1 : 0, v < 0 ? -1 - v : v);
    else if (typeof v === 'string') {
      const length = Buffer.byteLength(v, 'utf8');
      head(3, length);
      room(length);
      at += out.write(v, at, 'utf8');
    } else {
      head(4, v.length);
      for (const x of v) item(x);
    }
  };
  item(value);
  return out.subarray(0, at);
}

const SIGNATURE = 'pagefind_dcd';

export function readPagefindFile(path: string): Cbor {
  const raw = gunzipSync(readFileSync(path));
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${path}: not a Pagefind file`);
  return decodeCbor(raw.subarray(SIGNATURE.length));
}

/** A Pagefind file: its signature and the CBOR of `value`, gzipped. */
export function pagefindBytes(value: Cbor): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encodeCbor(value)]), { level: 6 });
}

/**
 * One page's positions of a word (Pagefind's locs: weight markers and delta-encoded runs) with at most
 * `max` positions: the highest-weighted first, then the earliest; runs keep their order and markers.
 */
export function capLocations(locs: readonly number[], max: number): readonly number[] {
  let count = 0;
  for (const n of locs) if (n >= 0) count++;
  if (count <= max) return locs;
  // Every position with its run and weight, absolute (runs are delta-encoded from 0).
  const found: { run: number; position: number; weight: number }[] = [];
  const markers: (number | undefined)[] = [];
  let weight = 24;
  let position = 0;
  for (const n of locs) {
    if (n < 0) {
      markers.push(n);
      weight = -n - 1;
      position = 0;
    } else {
      if (!markers.length) markers.push(undefined);
      position += n;
      found.push({ run: markers.length - 1, position, weight });
    }
  }
  const kept = [...found]
    .sort((a, b) => b.weight - a.weight || a.position - b.position || a.run - b.run)
    .slice(0, max)
    .sort((a, b) => a.run - b.run || a.position - b.position);
  const out: number[] = [];
  let run = -1;
  for (const k of kept) {
    if (k.run !== run) {
      run = k.run;
      position = 0;
      const marker = markers[run];
      if (marker !== undefined) out.push(marker);
    }
    out.push(k.position - position);
    position = k.position;
  }
  return out;
}

/** An index chunk with every page's positions of every word capped; counts positions before and after. */
export function capChunk(chunk: Cbor, max: number): { chunk: Cbor; before: number; after: number } {
  let before = 0;
  let after = 0;
  const positions = (locs: readonly number[]) => locs.reduce((c, n) => (n >= 0 ? c + 1 : c), 0);
  const [words, ...rest] = chunk as [Cbor[][], ...Cbor[]];
  const capped = words.map(([word, pages, ...more]) => [
    word!,
    (pages as Cbor[][]).map(([page, locs, ...pageRest]) => {
      const out = capLocations(locs as number[], max) as Cbor[];
      before += positions(locs as number[]);
      after += positions(out as number[]);
      return [page!, out, ...pageRest];
    }),
    ...more,
  ]);
  return { chunk: [capped, ...rest], before, after };
}

/** `<lang>_<hex>` named from the content, as long as the name it replaces, longer if that is taken. */
export function contentName(prefix: string, length: number, bytes: Buffer, taken: (name: string) => boolean): string {
  const hex = createHash('sha256').update(bytes).digest('hex');
  for (let n = length; ; n++) if (!taken(`${prefix}_${hex.slice(0, n)}`)) return `${prefix}_${hex.slice(0, n)}`;
}

export interface CapSummary {
  chunks: number;
  positionsBefore: number;
  positionsAfter: number;
}

/**
 * Caps the positions in every index chunk of the Pagefind index in `dir` (one language, as written by
 * Pagefind's writeFiles), renaming chunks and metadata by their new content and updating the entry.
 */
export function capIndexPositions(dir: string, max = MAX_POSITIONS): CapSummary {
  const entryPath = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
  const summary: CapSummary = { chunks: 0, positionsBefore: 0, positionsAfter: 0 };
  for (const language of Object.values(entry.languages)) {
    const metaPath = join(dir, `pagefind.${language.hash}.pf_meta`);
    const meta = readPagefindFile(metaPath) as Cbor[];
    const chunkList = meta[2] as [string, string, string][];
    const renamed = new Map<string, string>();
    const names = new Set(globSync('*.pf_index', { cwd: join(dir, 'index') }).map((f) => f.replace(/\.pf_index$/, '')));
    for (const name of new Set(chunkList.map((c) => c[2]))) {
      const path = join(dir, 'index', `${name}.pf_index`);
      const { chunk, before, after } = capChunk(readPagefindFile(path), max);
      summary.chunks++;
      summary.positionsBefore += before;
      summary.positionsAfter += after;
      if (before === after) continue;
      const bytes = pagefindBytes(chunk);
      const [prefix, hex] = name.split(/_(?=[^_]*$)/) as [string, string];
      const next = contentName(prefix, hex.length, bytes, (n) => names.has(n));
      names.add(next);
      rmSync(path);
      writeFileSync(join(dir, 'index', `${next}.pf_index`), bytes);
      renamed.set(name, next);
    }
    if (!renamed.size) continue;
    meta[2] = chunkList.map(([from, to, hash]) => [from, to, renamed.get(hash) ?? hash]);
    const metaBytes = pagefindBytes(meta);
    const [prefix, hex] = language.hash.split(/_(?=[^_]*$)/) as [string, string];
    const metaName = contentName(prefix, hex.length, metaBytes, (n) => existsSync(join(dir, `pagefind.${n}.pf_meta`)));
    writeFileSync(join(dir, `pagefind.${metaName}.pf_meta`), metaBytes);
    rmSync(metaPath);
    language.hash = metaName;
  }
  writeFileSync(entryPath, JSON.stringify(entry));
  return summary;
}
