/** Pagefind's files as tests read them. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** What Pagefind stores of an indexed page (fragment/<name>.pf_fragment), fetched for each result shown. */
export interface Fragment {
  url: string;
  content: string;
  word_count: number;
  anchors?: unknown[];
}

/** A fragment file: gzip of "pagefind_dcd" and the fragment as JSON (Pagefind 1.6). */
export function readFragment(path: string): Fragment {
  const raw = gunzipSync(readFileSync(path));
  const signature = 'pagefind_dcd';
  if (raw.subarray(0, signature.length).toString() !== signature) throw new Error(`${path}: not a Pagefind file`);
  return JSON.parse(raw.subarray(signature.length).toString('utf8')) as Fragment;
}
