/**
 * Reads data/ with the `yaml` package (not js-yaml: no silent Date conversion, and every node keeps
 * its source position) and validates each entry with its zod schema. Every problem is collected,
 * never only the first, and each names file:line:column and the field path.
 *
 * Hostile or broken input is a problem to report, never a crash or a hang: the data folder may hold
 * only the collections' files (src/schemas/index.ts), only regular files are opened, their size is
 * checked before reading, they must be UTF-8, hold one YAML document, and aliases may not expand
 * without bound. Every string and number is checked as written (see checkScalars).
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  type Stats,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, Scalar } from 'yaml';
import type { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName, type CollectionSpec } from '../schemas/index.ts';
import { describeValue, textProblem } from '../schemas/common.ts';
import { fastParse } from './fast-yaml.ts';
import { contentHash, type CachedEntry, type DataCache, type FileStamp } from './cache.ts';

/**
 * The `yaml` package, loaded on first use: clean files are read by the fast path (fast-yaml.ts) or come from the
 * cache, and loading `yaml` (some forty CommonJS files) was a fifth of npm run check after one edit at 10,000
 * programs. It is needed for a file with a problem, or to place one.
 */
let yamlPackage: typeof import('yaml') | undefined;
const yaml = () => (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** Files above this size are refused: hand-curated YAML is small, a huge file is a mistake. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Values that aliases (*name) may copy into one file. Hand-written data reuses a source or a paragraph
 * a few times; a "billion laughs" file expands to billions. Counted by the loader (copiedByAliases),
 * so yaml's own per-anchor limit, which refuses 50 plain uses of one anchor, is switched off.
 */
export const MAX_ALIAS_COPIES = 10_000;

/** How `yaml` reads every file: YAML 1.2 core schema (no Date conversion), duplicate keys refused. */
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' } as const;

export interface Problem {
  /** Path relative to the project root (or the data root's parent). */
  file: string;
  /** Absent when the problem is about a file or folder as a whole (missing, not a regular file, misnamed). */
  line?: number;
  column?: number;
  /** Dotted field path, e.g. figures[2].fiscal_year. */
  field?: string;
  message: string;
}

export type Locate = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

export interface LoadedEntry<T = unknown> {
  collection: CollectionName;
  id: string;
  data: T;
  file: string;
  /** Path prefix of this entry inside its file ([] for entry-per-file, [index] for lists). */
  pathInFile: (string | number)[];
  locate: Locate;
  /**
   * Only when the loader was asked for integrity summaries (npm run check): what the integrity rules need
   * of the entry; `data` then holds only `summary.view`, and `full` reads the entry's whole data again.
   */
  summary?: IntegritySummary;
  full?: () => unknown;
}

/** What the integrity rules need of a valid entry (src/data/integrity.ts, summarize). */
export interface IntegritySummary {
  /** The fields the rules read (the whole data for most collections). */
  view: unknown;
  /** Every `{document, heading}` the entry cites, once each. */
  citations: [document: string, heading: string][];
  /** Some `{ja, en}` text of the entry has Japanese characters in its English. */
  japaneseInEnglish: boolean;
}

/** Makes an entry's integrity summary: integrity.ts's summarize, given by index.ts (load.ts does not import it). */
export type Summarize = (collection: CollectionName, data: unknown) => IntegritySummary;

export interface LoadResult {
  entries: LoadedEntry[];
  problems: Problem[];
  /** Ids of entries that exist but failed their schema, per collection: references to them are not "dangling". */
  invalid: Map<CollectionName, Set<string>>;
}

export function formatField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}  ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** Finds the nearest node for a path, falling back to its closest existing ancestor (for missing keys). */
function makeLocate(doc: Document, lineCounter: LineCounter): Locate {
  const { isMap, isPair, isScalar } = yaml();
  return (path) => {
    const keys = [...path] as (string | number)[];
    while (true) {
      const node = (keys.length ? doc.getIn(keys, true) : doc.contents) as Node | undefined;
      if (node && (node as Node).range) {
        // For a mapping value, point at its key: that is where a curator looks.
        let offset = node.range![0];
        if (keys.length) {
          const parent = doc.getIn(keys.slice(0, -1), true) as unknown;
          if (isMap(parent)) {
            const pair = parent.items.find(
              (it) => isPair(it) && isScalar(it.key) && it.key.value === keys[keys.length - 1],
            );
            if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
          }
        }
        const pos = lineCounter.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
      if (!keys.length) return undefined;
      keys.pop();
    }
  };
}

function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

// ── Files and folders ────────────────────────────────────────────────────────────────────────

/** What a path is, in words, for anything that is not a regular file or a folder. */
function describeSpecial(abs: string, stats: Stats): string {
  if (stats.isSymbolicLink()) {
    let target = '?';
    try {
      target = readlinkSync(abs);
    } catch {
      /* unreadable link: the target stays unknown */
    }
    return `a symbolic link (to ${target})`;
  }
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function lstatOrUndefined(abs: string): Stats | undefined {
  try {
    return lstatSync(abs);
  } catch {
    return undefined;
  }
}

let readBuffer: Buffer | undefined;

/**
 * Reads a regular file of at most MAX_FILE_BYTES. Opened without following a symlink and without
 * blocking, then checked again on the open descriptor, so a file swapped for a link or a FIFO after the
 * folder scan cannot make the check hang or read /dev/zero.
 */
function readRegularFile(abs: string, file: string, problems: Problem[]): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    problems.push({ file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      problems.push({ file, message: `is ${describeSpecial(abs, stats)}; only regular files are read` });
      return undefined;
    }
    const tooLarge = (size: number) =>
      problems.push({
        file,
        line: 1,
        column: 1,
        message:
          `file is ${(size / 1024 / 1024).toFixed(1)} MB; data files must be under ${MAX_FILE_BYTES / 1024} KB ` +
          '(split it, or it is not hand-curated data)',
      });
    if (stats.size > MAX_FILE_BYTES) {
      tooLarge(stats.size);
      return undefined;
    }
    // Read one byte more than allowed, in case the file grew since fstat. One buffer for every file:
    // allocating (and zeroing) a megabyte per file cost seconds at 10,000 files.
    readBuffer ??= Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
    const buffer = readBuffer;
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > MAX_FILE_BYTES) {
      tooLarge(length);
      return undefined;
    }
    // Valid until the next read: callers hash and decode it straight away.
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Decodes UTF-8 strictly; a leading byte-order mark (Windows editors write one) is accepted and dropped. */
function decodeUtf8(bytes: Uint8Array, file: string, problems: Problem[]): string | undefined {
  // Valid UTF-8 (nearly always): validated and decoded by Node's own fast paths, several times cheaper at 10,000
  // files than a fatal TextDecoder, which gives the same text (it drops a leading byte-order mark too).
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++)
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))].length + 1;
    let shiftJis = false;
    try {
      new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
      shiftJis = true;
    } catch {
      /* not Shift_JIS either */
    }
    const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    const guess = shiftJis ? 'saved as Shift_JIS?' : 'saved in another encoding, such as Shift_JIS or Windows-1252?';
    problems.push({
      file,
      line,
      column,
      message: `not UTF-8 (${guess}): byte 0x${hex} at line ${line} is not valid UTF-8; save the file as UTF-8`,
    });
    return undefined;
  }
}

/**
 * Offset of the first byte that makes the text invalid UTF-8:
 * the longest prefix that still decodes (as a stream) ends there.
 */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decodes = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length)) {
    // Only the end is cut off in the middle of a character: point at that character's first byte.
    let i = bytes.length - 1;
    while (i > 0 && (bytes[i]! & 0xc0) === 0x80) i--;
    return i;
  }
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (decodes(mid)) good = mid;
    else bad = mid;
  }
  // bad - 1 is the byte that broke the text; if it cut short a sequence begun earlier (é in Windows-1252
  // is 0xE9, a UTF-8 lead byte), point at that sequence's first byte.
  const broke = bad - 1;
  let lead = broke - 1;
  while (lead >= 0 && broke - lead < 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  const length = (b: number) => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2);
  return lead >= 0 && bytes[lead]! >= 0xc0 && length(bytes[lead]!) > broke - lead ? lead : broke;
}

// ── YAML ─────────────────────────────────────────────────────────────────────────────────────

interface ParsedFile {
  doc: Document;
  locate: Locate;
  value: unknown;
  /** Fields (formatField) already reported by checkScalars: schema issues there would only repeat them. */
  reported: Set<string>;
}

/** The full path: parses with `yaml`, keeping every position, and reports every problem of the file. */
function parseText(text: string, file: string, problems: Problem[]): ParsedFile | undefined {
  if (text.trim() === '') {
    problems.push({ file, line: 1, column: 1, message: 'file is empty' });
    return undefined;
  }
  const { isScalar, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...YAML_OPTIONS });
  if (doc.errors.length) {
    const lines = text.split('\n');
    for (const err of doc.errors) {
      const pos = lineCounter.linePos(err.pos[0]);
      const lineText = lines[pos.line - 1] ?? '';
      if (err.code === 'MULTIPLE_DOCS') {
        const marker = lineText.startsWith('---') ? 'a second `---`' : 'a second document';
        const message = `a file holds one YAML document; found ${marker} at line ${pos.line}`;
        problems.push({ file, line: pos.line, column: pos.col, message });
        continue;
      }
      const tab = /\t/.test(lineText) ? ' (tabs are not allowed for indentation in YAML: use spaces)' : '';
      problems.push({
        file,
        line: pos.line,
        column: pos.col,
        message: `YAML syntax: ${err.message.split('\n')[0]}${tab}`,
      });
    }
    return undefined;
  }
  for (const warn of doc.warnings) {
    const pos = lineCounter.linePos(warn.pos[0]);
    problems.push({ file, line: pos.line, column: pos.col, message: `YAML: ${warn.message.split('\n')[0]}` });
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const pos = doc.contents?.range ? lineCounter.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
    const onlyComments = /^\s*#/m.test(text) && doc.contents === null;
    const message = onlyComments ? 'file has no data (only comments)' : 'file has no data';
    problems.push({ file, line: pos.line, column: pos.col, message });
    return undefined;
  }
  const position = (node: Node) => {
    const pos = lineCounter.linePos(node.range![0]);
    return { line: pos.line, column: pos.col };
  };
  if (!checkAliases(doc, file, position, problems)) return undefined;
  const reported = checkScalars(doc, text, lineCounter, file, problems);
  let value: unknown;
  try {
    // Aliases were bounded by checkAliases; yaml's own count would refuse ordinary reuse.
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    // Not expected after the checks above; still a problem with a file name, never a stack trace.
    const message = `cannot be read as data: ${(error as Error).message.split('\n')[0]}`;
    problems.push({ file, line: 1, column: 1, message });
    return undefined;
  }
  return { doc, locate: makeLocate(doc, lineCounter), value, reported };
}

/**
 * Every alias must name an anchor set before it, must not sit inside the node it names (a loop), and
 * all aliases of a file together may copy at most MAX_ALIAS_COPIES values. Walks the document once, in
 * order, resolving each alias as YAML does (the latest anchor of that name before it). Returns false
 * after reporting, so the document is never expanded.
 */
function checkAliases(
  doc: Document,
  file: string,
  position: (node: Node) => { line: number; column: number },
  problems: Problem[],
): boolean {
  const anchors = new Map<string, Node>();
  const size = new Map<Node, number>();
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  const open = new Set<Node>();
  let copied = 0;
  let ok = true;
  const report = (node: Node, message: string) => {
    ok = false;
    problems.push({ file, ...position(node), message });
  };
  const measure = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) {
        report(node, `alias *${node.source} refers to no anchor &${node.source} set before it (a typo?)`);
        return 1;
      }
      if (open.has(target)) {
        report(node, `alias *${node.source} sits inside the value it refers to, which would repeat forever`);
        return 1;
      }
      const n = size.get(target) ?? 1;
      copied += n;
      if (copied > MAX_ALIAS_COPIES) {
        report(
          node,
          `aliases copy more than ${MAX_ALIAS_COPIES} values into this file (a "billion laughs"?); ` +
            'write the values out or alias less',
        );
        throw copied;
      }
      return n;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return 0;
    if (node.anchor) anchors.set(node.anchor, node);
    open.add(node);
    let n = 1;
    if (isMap(node)) for (const pair of node.items) n += measure(pair.key) + measure(pair.value);
    else if (isSeq(node)) for (const item of node.items) n += measure(item);
    open.delete(node);
    size.set(node, n);
    return n;
  };
  try {
    measure(doc.contents);
  } catch (stop) {
    if (stop !== copied) throw stop;
  }
  return ok;
}

/** A number written as a plain decimal: 4347, 0, 27.0, 155.5, -3 (never 0x1F, 1e3, 0777, +5, .5). */
const PLAIN_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Why a number as written in the file cannot be taken as it reads, or undefined. */
function numberProblem(source: string, value: number, format: string | undefined): string | undefined {
  if (Number.isNaN(value)) return `not a number (${source}): write the number as the source prints it`;
  if (!Number.isFinite(value)) return `not a number (${source} is infinity): write the number as the source prints it`;
  const kinds: Record<string, string> = { HEX: 'hexadecimal', OCT: 'octal', EXP: 'exponent notation' };
  if (format && kinds[format]) {
    return `${source} is written in ${kinds[format]}; write numbers as plain decimals as printed (${value})`;
  }
  if (Object.is(value, -0)) return `${source} is minus zero; write 0`;
  if (!PLAIN_DECIMAL.test(source)) {
    if (/^[-+]?0[0-9]/.test(source)) {
      return `${source} has a leading zero (read as octal by some YAML readers); write ${value}`;
    }
    return `${source} is not written as a plain decimal; write ${value}`;
  }
  if (/^-?[0-9]+$/.test(source) && !Number.isSafeInteger(value))
    return (
      `${source} is larger than ${Number.MAX_SAFE_INTEGER} and would be read as ${BigInt(value)}; ` +
      'no figure in this atlas is that large'
    );
  return undefined;
}

/**
 * Checks every scalar as written: text must pass textProblem (no control or bidi characters, not
 * invisible), numbers must be plain decimals that are read exactly. Keys are checked like values.
 * Anchored values are checked where they are written, not again at each alias.
 */
function checkScalars(
  doc: Document,
  text: string,
  lineCounter: LineCounter,
  file: string,
  problems: Problem[],
): Set<string> {
  const { isMap, isScalar, isSeq } = yaml();
  const reported = new Set<string>();
  const report = (node: Scalar, path: (string | number)[], message: string, badChar?: string) => {
    // Point at the offending character itself when it is written literally (in a multi-line text).
    let offset = node.range![0];
    if (badChar) {
      const at = text.slice(node.range![0], node.range![1]).indexOf(badChar);
      if (at >= 0) offset += at;
    }
    const pos = lineCounter.linePos(offset);
    const field = formatField(path);
    reported.add(field);
    problems.push({ file, line: pos.line, column: pos.col, field: field || undefined, message });
  };
  const checkScalar = (node: Scalar, path: (string | number)[]) => {
    if (!node.range) return;
    if (typeof node.value === 'string') {
      const problem = textProblem(node.value);
      if (problem) report(node, path, problem.message, problem.char);
    } else if (typeof node.value === 'number' && node.type === 'PLAIN' && node.source !== undefined) {
      const problem = numberProblem(node.source, node.value, node.format);
      if (problem) report(node, path, problem);
    }
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key : undefined;
        const keyPath = [...path, key ? String(key.value) : '?'];
        if (key) checkScalar(key, keyPath);
        walk(pair.value, keyPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node)) {
      checkScalar(node, path);
    }
  };
  walk(doc.contents, []);
  return reported;
}

// ── Schemas ──────────────────────────────────────────────────────────────────────────────────

function validate(
  collection: CollectionName,
  schema: z.ZodType,
  raw: unknown,
  file: string,
  pathInFile: (string | number)[],
  parsed: ParsedFile,
  problems: Problem[],
): unknown | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    let path = [...pathInFile, ...issue.path] as (string | number)[];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      // Point at the first unknown key itself.
      path = [...path, issue.keys[0]!];
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      const s = issue.keys.length > 1 ? 's' : '';
      message = `unknown key${s} ${keys} (a typo? the schema for ${collection} is in src/schemas/)`;
    } else if (issue.code === 'invalid_type' && getAt(raw, issue.path) === undefined) {
      const expected = issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '');
      message = `is required but missing (${expected})`;
    } else if (!/found/.test(message)) {
      message = `${message} (found ${describeValue(getAt(raw, issue.path))})`;
    }
    // The value as written was already reported with a plainer message (e.g. ".nan is not a number").
    if (parsed.reported.has(formatField(path))) continue;
    const pos = parsed.locate(path);
    problems.push({ file, line: pos?.line, column: pos?.column, field: formatField(path), message });
  }
  return undefined;
}

// ── Fast path and cache ──────────────────────────────────────────────────────────────────────

/**
 * Positions for entries read by the fast path or from the cache: the file is parsed with `yaml` only
 * when a problem found later (integrity) needs a line and column, once per file.
 */
function lazyLocate(abs: string): Locate {
  let locate: Locate | undefined;
  return (path) => {
    if (!locate) {
      let text = '';
      try {
        // Decoded as the loader does (a byte-order mark dropped), so columns on line 1 agree.
        text = new TextDecoder('utf-8').decode(readFileSync(abs));
      } catch {
        /* gone since: no position */
      }
      const { LineCounter, parseDocument } = yaml();
      const lineCounter = new LineCounter();
      locate = makeLocate(parseDocument(text, { lineCounter, ...YAML_OPTIONS }), lineCounter);
    }
    return locate(path);
  };
}

/**
 * The full data of an entry known by its summary: the file is read and validated again (it was clean
 * when summarised), once per file, only when integrity found a problem it must place.
 */
function lazyFull(abs: string, spec: CollectionSpec): (pathInFile: (string | number)[]) => () => unknown {
  let value: unknown;
  let read = false;
  return (pathInFile) => () => {
    if (!read) {
      read = true;
      let text = '';
      try {
        text = new TextDecoder('utf-8').decode(readFileSync(abs));
      } catch {
        /* gone since: nothing to read */
      }
      value = fastParse(text) ?? yaml().parseDocument(text, YAML_OPTIONS).toJS({ maxAliasCount: -1 });
    }
    const raw = getAt(value, pathInFile);
    const result = spec.schema.safeParse(raw);
    return result.success ? result.data : raw;
  };
}

type Read = { clean: CachedEntry[] } | { text: string; hash: string; stamp: FileStamp } | undefined;

/**
 * What reading one file ahead of the loader found (load-parallel.ts, in worker threads): the hash of its bytes, and
 * its entries when the fast path read it clean. The loader uses it only if the file's stamp is still the one read.
 */
export interface Preread {
  hash: string;
  stamp: FileStamp;
  clean?: CachedEntry[];
}

/** Files read ahead of the loader, by the loader's name for them (`file`). */
export type Prereads = ReadonlyMap<string, Preread>;

/**
 * The fast path on a file's text: its entries (summaries with `summarize`) when it parses as plain data and every
 * entry is valid (with `stem`, an id equal to the file name); undefined when the full path must read it.
 */
function cleanEntriesOf(
  text: string,
  spec: CollectionSpec,
  stem: string | undefined,
  summarize: ((data: unknown) => IntegritySummary) | undefined,
): CachedEntry[] | undefined {
  const value = fastParse(text);
  if (value === undefined) return undefined;
  const clean: CachedEntry[] = [];
  const items = spec.layout === 'list' ? value : [value];
  if (!Array.isArray(items) || items.length === 0) return undefined;
  for (const [index, raw] of items.entries()) {
    const result = spec.schema.safeParse(raw);
    if (!result.success) return undefined;
    const id = (result.data as { id: string }).id;
    if (stem !== undefined && id !== stem) return undefined;
    clean.push({
      id,
      data: summarize ? summarize(result.data) : result.data,
      pathInFile: stem === undefined ? [index] : [],
    });
  }
  return clean;
}

/**
 * Reads one file ahead of the loader, as readEntries would (load-parallel.ts runs it in worker threads): undefined
 * when it cannot be read or decoded (the loader reads it again and reports why), the hash alone when its bytes are
 * the `knownHash` the cache has or the fast path does not take it clean.
 */
export function prereadFile(
  abs: string,
  file: string,
  spec: CollectionSpec,
  stem: string | undefined,
  stamp: FileStamp,
  knownHash: string | undefined,
  summarize: ((data: unknown) => IntegritySummary) | undefined,
): Preread | undefined {
  const problems: Problem[] = [];
  const bytes = readRegularFile(abs, file, problems);
  if (!bytes || problems.length > 0) return undefined;
  const hash = contentHash(bytes);
  if (hash === knownHash) return { hash, stamp };
  const text = decodeUtf8(bytes, file, problems);
  if (text === undefined || problems.length > 0) return undefined;
  const clean = cleanEntriesOf(text, spec, stem, summarize);
  return clean ? { hash, stamp, clean } : { hash, stamp };
}

/**
 * Reads a file for the loader: its entries straight away when it is clean (from the cache, or by the
 * fast path with every entry valid), else its text for the full path; undefined when it cannot be read
 * (reported). `stem` is the file name an entry-per-file entry's id must equal; lists have none. `ahead`: what
 * reading it ahead found (load-parallel.ts), used when the stamp is the same.
 */
function readEntries(
  abs: string,
  file: string,
  spec: CollectionSpec,
  stem: string | undefined,
  problems: Problem[],
  cache: DataCache | undefined,
  stats: Stats,
  summarize: ((data: unknown) => IntegritySummary) | undefined,
  ahead?: Preread,
): Read {
  const stamp = { size: stats.size, mtimeMs: stats.mtimeMs };
  const unchanged = cache?.byStamp(file, stamp);
  if (unchanged) return { clean: unchanged };
  const readAhead = ahead && ahead.stamp.size === stamp.size && ahead.stamp.mtimeMs === stamp.mtimeMs;
  if (readAhead) {
    const cached = cache?.byHash(file, ahead.hash, stamp);
    if (cached) return { clean: cached };
    if (ahead.clean) {
      cache?.set(file, ahead.hash, stamp, ahead.clean);
      return { clean: ahead.clean };
    }
  }
  const bytes = readRegularFile(abs, file, problems);
  if (!bytes) return undefined;
  const hash = cache || readAhead ? contentHash(bytes) : '';
  // The same bytes as read ahead: looked up in the cache already (a miss is counted once), and not clean.
  const sameAsAhead = readAhead && hash === ahead.hash;
  const cached = sameAsAhead ? undefined : cache?.byHash(file, hash, stamp);
  if (cached) return { clean: cached };
  const text = decodeUtf8(bytes, file, problems);
  if (text === undefined) return undefined;
  const clean = sameAsAhead ? undefined : cleanEntriesOf(text, spec, stem, summarize);
  if (!clean) return { text, hash, stamp };
  cache?.set(file, hash, stamp, clean);
  return { clean };
}

/** A clean file's entries as readCleanFile read them, with the hash and stamp of the bytes they were made from. */
export interface CleanFile {
  hash: string;
  stamp: FileStamp;
  entries: CachedEntry[];
}

/**
 * The entries of one clean file of an entry-per-file collection (`rel`, relative to `dataRoot`), as the cache
 * keeps them (summaries with `summarize`), with the hash of the bytes they were made from; undefined when the
 * file has a problem, is not such a file, or changed while it was read. npm run check compares an edited
 * file's summaries with those it had (check-result.ts) instead of checking the whole tree again.
 */
export function readCleanFile(dataRoot: string, rel: string, summarize?: Summarize): CleanFile | undefined {
  const [folder, fileName, ...deeper] = rel.split('/');
  const found = (Object.entries(COLLECTIONS) as [CollectionName, CollectionSpec][]).find(
    ([, spec]) => spec.layout === 'entry-per-file' && spec.path === folder,
  );
  if (!found || !fileName || deeper.length > 0 || !fileName.endsWith('.yaml') || fileName === '.yaml') return undefined;
  const [name, spec] = found;
  const abs = join(dataRoot, rel);
  const hashOf = () => {
    try {
      return contentHash(readFileSync(abs));
    } catch {
      return undefined;
    }
  };
  const before = hashOf();
  const stats = lstatOrUndefined(abs);
  if (before === undefined || !stats?.isFile()) return undefined;
  const problems: Problem[] = [];
  const summarizeOne = summarize ? (data: unknown) => summarize(name, data) : undefined;
  const read = readEntries(
    abs,
    rel,
    spec,
    fileName.slice(0, -'.yaml'.length),
    problems,
    undefined,
    stats,
    summarizeOne,
  );
  if (!read || !('clean' in read) || problems.length > 0 || hashOf() !== before) return undefined;
  return { hash: before, stamp: { size: stats.size, mtimeMs: stats.mtimeMs }, entries: read.clean };
}

/**
 * A clean file's entries as read or cached: whole, or (`summarized`) as summaries that can read the rest. `abs` is
 * the file, `file` its name as problems show it.
 */
export function cleanEntries(
  collection: CollectionName,
  abs: string,
  file: string,
  clean: readonly CachedEntry[],
  summarized: boolean,
): LoadedEntry[] {
  const locate = lazyLocate(abs);
  if (!summarized) return clean.map((e) => ({ collection, ...e, file, locate }));
  const full = lazyFull(abs, COLLECTIONS[collection]);
  return clean.map(({ id, data, pathInFile }) => {
    const summary = data as IntegritySummary;
    return { collection, id, data: summary.view, file, pathInFile, locate, summary, full: full(pathInFile) };
  });
}

// ── The data folder ──────────────────────────────────────────────────────────────────────────

/**
 * Loads and validates every collection under `dataRoot`. `displayRoot` is what file names are shown
 * relative to. With a cache, unchanged clean files are not read again (the cache is saved at the end).
 * `prereads`: files read ahead in worker threads (load-parallel.ts); the result is the same with or without.
 */
export function loadData(
  dataRoot: string,
  displayRoot = join(dataRoot, '..'),
  cache?: DataCache,
  summarize?: Summarize,
  prereads?: Prereads,
): LoadResult {
  const entries: LoadedEntry[] = [];
  const pushClean = (collection: CollectionName, abs: string, file: string, clean: CachedEntry[]) =>
    entries.push(...cleanEntries(collection, abs, file, clean, summarize !== undefined));
  const summarizer = (collection: CollectionName) =>
    summarize ? (data: unknown) => summarize(collection, data) : undefined;
  /** What the cache keeps of a clean entry: its data, or (with summarize) its summary. */
  const stored = (collection: CollectionName, data: unknown) => (summarize ? summarize(collection, data) : data);
  const problems: Problem[] = [];
  const invalid = new Map<CollectionName, Set<string>>();
  const markInvalid = (name: CollectionName, id: unknown) => {
    if (typeof id !== 'string') return;
    invalid.set(name, (invalid.get(name) ?? new Set()).add(id));
  };
  const show = (abs: string) => relative(displayRoot, abs) || abs;

  const rootStats = lstatOrUndefined(dataRoot);
  if (!rootStats?.isDirectory()) {
    const what = !rootStats
      ? 'does not exist'
      : `is ${rootStats.isFile() ? 'a file' : describeSpecial(dataRoot, rootStats)}, not a folder`;
    problems.push({ file: show(dataRoot), message: `the data folder ${what}; nothing can be built without data` });
    return { entries, problems, invalid };
  }

  // Anything in data/ that is not a collection's folder or file would be silently ignored: refuse it.
  const known = new Map<string, CollectionSpec>(Object.values(COLLECTIONS).map((spec) => [spec.path, spec]));
  for (const name of readdirSync(dataRoot).sort()) {
    if (known.has(name)) continue;
    const abs = join(dataRoot, name);
    const stem = name
      .toLowerCase()
      .replace(/\.(ya?ml|bak|orig|old|tmp)$/, '')
      .replace(/~$/, '');
    const meant = [...known.keys()].find((k) => k.replace(/\.yaml$/, '') === stem);
    problems.push({
      file: show(abs),
      message:
        `is not part of the data (data/ holds only ${[...known.keys()].join(', ')})` +
        `${meant ? `; did you mean ${meant}?` : ''}: move it out of data/ or rename it`,
    });
  }

  for (const [name, spec] of Object.entries(COLLECTIONS) as [CollectionName, CollectionSpec][]) {
    const target = join(dataRoot, spec.path);
    const stats = lstatOrUndefined(target);
    let found = 0;
    if (spec.layout === 'entry-per-file') {
      if (!stats) {
        const message = `folder is missing: ${name} are one file each in ${show(target)}/<id>.yaml`;
        problems.push({ file: show(target), message });
        continue;
      }
      if (!stats.isDirectory()) {
        const what = stats.isFile() ? 'a file' : describeSpecial(target, stats);
        const message = `is ${what} where the folder of ${name} belongs (${show(target)}/<id>.yaml)`;
        problems.push({ file: show(target), message });
        continue;
      }
      // relative() per file was a tenth of a warm check at 10,000 files; a folder's files share its prefix.
      const shownFolder = show(target);
      for (const fileName of readdirSync(target).sort()) {
        const abs = join(target, fileName);
        const file = `${shownFolder}/${fileName}`;
        const entryStats = lstatOrUndefined(abs);
        const stem = fileName.replace(/\.ya?ml$/i, '');
        if (!fileName.endsWith('.yaml') || fileName === '.yaml') {
          const why = entryStats?.isDirectory()
            ? `is a folder; ${name} are files directly in ${show(target)}/ and subfolders are not read`
            : /\.ya?ml$/i.test(fileName)
              ? `has the extension ${fileName.slice(stem.length)}; rename it to ${stem}.yaml ` +
                '(only .yaml files are read)'
              : 'is not a data file (only <id>.yaml files are read here): a backup? move it out of data/';
          problems.push({ file, message: why });
          // It may well be meant as an entry: references to it are not reported as dangling on top.
          if (/\.ya?ml$/i.test(fileName)) markInvalid(name, stem);
          continue;
        }
        found++;
        if (!entryStats?.isFile()) {
          const what = entryStats?.isDirectory() ? 'a folder' : entryStats ? describeSpecial(abs, entryStats) : 'gone';
          problems.push({ file, message: `is ${what}; only regular files are read` });
          markInvalid(name, stem);
          continue;
        }
        const ahead = prereads?.get(file);
        const read = readEntries(abs, file, spec, stem, problems, cache, entryStats, summarizer(name), ahead);
        if (read && 'clean' in read) {
          pushClean(name, abs, file, read.clean);
          continue;
        }
        const before = problems.length;
        const parsed = read && parseText(read.text, file, problems);
        if (!parsed) {
          markInvalid(name, stem);
          continue;
        }
        const data = validate(name, spec.schema, parsed.value, file, [], parsed, problems);
        if (!data) markInvalid(name, stem);
        const id = (parsed.value as { id?: unknown })?.id;
        if (typeof id === 'string' && id !== stem) {
          const pos = parsed.locate(['id']);
          problems.push({
            file,
            line: pos?.line,
            column: pos?.column,
            field: 'id',
            message: `id "${id}" must equal the file name "${stem}"`,
          });
        }
        if (data)
          entries.push({
            collection: name,
            id: (data as { id: string }).id,
            data,
            file,
            pathInFile: [],
            locate: parsed.locate,
          });
        // Clean after all (e.g. it uses aliases, which the fast path leaves to yaml): read it once.
        if (data && problems.length === before)
          cache?.set(file, read.hash, read.stamp, [{ id: stem, data: stored(name, data), pathInFile: [] }]);
      }
      if (found === 0) {
        const message = `holds no ${name} (<id>.yaml files); the site needs at least one`;
        problems.push({ file: show(target), message });
      }
    } else {
      const file = show(target);
      if (!stats) {
        problems.push({ file, message: `is missing: the ${name} list lives in this file, and the site needs it` });
        continue;
      }
      if (!stats.isFile()) {
        const what = stats.isDirectory() ? 'a folder' : describeSpecial(target, stats);
        problems.push({ file, message: `is ${what}; the ${name} list must be a regular file` });
        continue;
      }
      const ahead = prereads?.get(file);
      const read = readEntries(target, file, spec, undefined, problems, cache, stats, summarizer(name), ahead);
      if (read && 'clean' in read) {
        pushClean(name, target, file, read.clean);
        continue;
      }
      const before = problems.length;
      const parsed = read && parseText(read.text, file, problems);
      if (!parsed) continue;
      if (!Array.isArray(parsed.value)) {
        const message = `${spec.path} must be a YAML list of entries (found ${describeValue(parsed.value)})`;
        problems.push({ file, line: 1, column: 1, message });
        continue;
      }
      if (parsed.value.length === 0) {
        problems.push({ file, line: 1, column: 1, message: `holds no ${name} entries; the site needs at least one` });
      }
      const listed: CachedEntry[] = [];
      parsed.value.forEach((raw, index) => {
        const data = validate(name, spec.schema, raw, file, [index], parsed, problems);
        if (!data) markInvalid(name, (raw as { id?: unknown })?.id);
        if (data) listed.push({ id: (data as { id: string }).id, data, pathInFile: [index] });
      });
      for (const e of listed) entries.push({ collection: name, ...e, file, locate: parsed.locate });
      if (problems.length === before)
        cache?.set(
          file,
          read.hash,
          read.stamp,
          listed.map((e) => ({ ...e, data: stored(name, e.data) })),
        );
    }
  }
  cache?.save();
  return { entries, problems, invalid };
}

/** Validated entries of one collection, sorted by id (getCollection order is not guaranteed either). */
export function entriesOf<T>(result: LoadResult, collection: CollectionName): LoadedEntry<T>[] {
  return (result.entries.filter((e) => e.collection === collection) as LoadedEntry<T>[]).sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}
