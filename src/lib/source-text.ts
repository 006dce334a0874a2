/**
 * Source documents as the source pages show them: the text file from seeds/, read at build time,
 * cut into segments so that every heading the data cites is wrapped in an element whose id is
 * headingAnchor(heading). Matching ignores whitespace and full-/half-width differences (NFKC), like
 * the integrity check, so "２　訪問看護人材確保事業" in the text is found for "2 訪問看護人材確保事業".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { headingAnchor } from './urls.ts';
import { searchKey } from './text.ts';

/** Reads a source file ('seeds/….txt') relative to the project root. Line endings become \n. */
export function readSourceText(file: string, root: string = process.cwd()): string {
  return readFileSync(resolve(root, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

export interface Segment {
  text: string;
  /** Set on the segment that is a cited heading: the id to give its element. */
  anchor?: string;
}

export interface SegmentedText {
  segments: Segment[];
  /** Anchor of each heading found (keyed by the heading as the data writes it). */
  found: Map<string, string>;
  /** Headings not found in the text (should not happen: the integrity check verifies them). */
  missing: string[];
}

/** Marks that combine with the character before them under NFKC (dakuten, handakuten, combining accents). */
const COMBINING = /[\u0300-\u036f\u3099\u309a\uff9e\uff9f]/;

/**
 * The text folded the way searchKey folds it, with, for each folded character, the offset in the
 * original text of the character it came from (and the end offset of that source character).
 */
function foldWithMap(text: string): { folded: string; start: number[]; end: number[] } {
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  const chars = Array.from(text);
  let offset = 0;
  for (let i = 0; i < chars.length;) {
    let chunk = chars[i]!;
    let j = i + 1;
    while (j < chars.length && COMBINING.test(chars[j]!)) chunk += chars[j++]!;
    const out = chunk.normalize('NFKC').replace(/\s+/g, '');
    for (const ch of out) {
      folded += ch;
      start.push(offset);
      end.push(offset + chunk.length);
    }
    offset += chunk.length;
    i = j;
  }
  return { folded, start, end };
}

/** What may precede a heading on its line: spaces, list bullets and marks such as ■ ○ ●. */
const LINE_LEAD = /^[\s\-–・■□●○◆◇◎※*#>]*$/;

/**
 * Index (in the folded text) of the occurrence of `key` to anchor: the first one that starts its
 * line (a heading, not a mention in a table of contents or a sentence), else the first one.
 */
function bestOccurrence(text: string, folded: string, start: number[], key: string): number {
  const first = folded.indexOf(key);
  for (let at = first; at >= 0; at = folded.indexOf(key, at + 1)) {
    const from = start[at]!;
    const lineStart = text.lastIndexOf('\n', from - 1) + 1;
    if (LINE_LEAD.test(text.slice(lineStart, from))) return at;
  }
  return first;
}

/**
 * Splits `text` at the occurrence (the first at the start of a line, else the first at all) of each
 * heading and wraps the occurrence in its own segment with the heading's anchor. A heading that
 * starts inside another one's occurrence gets an empty anchor segment at its start (ids must be
 * unique and elements cannot overlap).
 */
export function segmentSourceText(text: string, headings: Iterable<string>): SegmentedText {
  const { folded, start, end } = foldWithMap(text);
  const found = new Map<string, string>();
  const missing: string[] = [];
  const hits: { from: number; to: number; anchor: string }[] = [];
  const anchors = new Set<string>();
  for (const heading of new Set(headings)) {
    const key = searchKey(heading);
    const anchor = headingAnchor(heading);
    const at = key ? bestOccurrence(text, folded, start, key) : -1;
    if (at < 0) {
      missing.push(heading);
      continue;
    }
    found.set(heading, anchor);
    if (anchors.has(anchor)) continue;
    anchors.add(anchor);
    hits.push({ from: start[at]!, to: end[at + key.length - 1]!, anchor });
  }
  // Earlier first; at the same offset, the longer occurrence wraps and the shorter becomes an empty anchor.
  hits.sort((a, b) => a.from - b.from || b.to - a.to);
  const segments: Segment[] = [];
  let pos = 0;
  let last = { index: -1, from: -1 };
  for (const hit of hits) {
    if (hit.from < pos) {
      // Overlaps the previous wrapped heading: an empty anchor just before it (same start) or just after it.
      if (hit.from === last.from) segments.splice(last.index++, 0, { text: '', anchor: hit.anchor });
      else segments.push({ text: '', anchor: hit.anchor });
      continue;
    }
    if (hit.from > pos) segments.push({ text: text.slice(pos, hit.from) });
    last = { index: segments.length, from: hit.from };
    segments.push({ text: text.slice(hit.from, hit.to), anchor: hit.anchor });
    pos = hit.to;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos) });
  return { segments, found, missing };
}
