/**
 * Short names for the pages and index chunks of a Pagefind index, so its metadata compresses.
 *
 * Pagefind's metadata (pagefind.<lang>_<hash>.pf_meta), which the search page loads whole before the first
 * query, lists every page by the name of its fragment file — `ja_` and 7 random hex digits — with its word
 * count, and every index chunk by a name of the same kind. Random names do not compress: at 10,000 programs
 * they were ~60 % of the metadata's 97 KB. Here page n of the list is named `<lang>_<folder>/<n>` and chunk n
 * `<lang>_<folder>/<n>` (in index/): numbers in a row compress to about a third. The folder is a hash of the content of
 * every fragment and chunk, so a name is never reused for another content by a later build (browsers and
 * CDNs cache these files by name); the metadata is still named by its own content, as Pagefind names it.
 * Nothing else changes: the order of pages and chunks (the index refers to pages by their place in the
 * list), word counts, chunk boundaries, and the files' bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentName, pagefindBytes, readPagefindFile, type Cbor } from './search-positions.ts';

/** Hex digits of the per-build folder (a content hash; 40 bits keep two builds' folders apart). */
const FOLDER_HEX = 10;

export interface NamesSummary {
  pages: number;
  chunks: number;
  /** Bytes of the metadata files (gzip, as fetched) before and after. */
  metaBefore: number;
  metaAfter: number;
}

/**
 * Renames the fragments and index chunks of every language of the Pagefind index in `dir` (as written by
 * Pagefind's writeFiles, positions capped or not) to short numbered names in a folder named by their
 * content, rewrites the metadata that lists them and points pagefind-entry.json at it.
 */
export function compactIndexNames(dir: string): NamesSummary {
  const entryPath = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
  const summary: NamesSummary = { pages: 0, chunks: 0, metaBefore: 0, metaAfter: 0 };
  for (const language of Object.values(entry.languages)) {
    const metaPath = join(dir, `pagefind.${language.hash}.pf_meta`);
    summary.metaBefore += readFileSync(metaPath).length;
    const meta = readPagefindFile(metaPath) as Cbor[];
    const pages = meta[1] as [string, number, string][];
    const chunkList = meta[2] as [string, string, string][];
    // Pagefind 1.6 can put several fragments in one file (a page's third field names the group): not written
    // for our pages; a build that writes them must be looked at before their names are changed.
    const grouped = pages.find((p) => p[2] !== '');
    if (grouped) throw new Error(`${metaPath}: page ${grouped[0]} is in fragment group ${grouped[2]}: not renamed`);
    const fragmentPath = (name: string) => join(dir, 'fragment', `${name}.pf_fragment`);
    const chunkPath = (name: string) => join(dir, 'index', `${name}.pf_index`);
    const chunkNames = [...new Set(chunkList.map((c) => c[2]))];

    const hash = createHash('sha256');
    for (const [name] of pages) hash.update(`p${name.length}`).update(readFileSync(fragmentPath(name)));
    for (const name of chunkNames) hash.update(`c${name.length}`).update(readFileSync(chunkPath(name)));
    const [prefix, hex] = language.hash.split(/_(?=[^_]*$)/) as [string, string];
    const folder = `${prefix}_${hash.digest('hex').slice(0, FOLDER_HEX)}`;

    const move = (from: string, to: string) => {
      if (from === to) return;
      if (existsSync(to)) throw new Error(`${to} exists: not overwritten`);
      renameSync(from, to);
    };
    mkdirSync(join(dir, 'fragment', folder), { recursive: true });
    mkdirSync(join(dir, 'index', folder), { recursive: true });
    const pageNames = pages.map((_, n) => `${folder}/${n}`);
    pages.forEach(([name], n) => move(fragmentPath(name), fragmentPath(pageNames[n]!)));
    const chunkRenamed = new Map(chunkNames.map((name, n) => [name, `${folder}/${n}`]));
    for (const [name, next] of chunkRenamed) move(chunkPath(name), chunkPath(next));

    meta[1] = pages.map(([, words, group], n) => [pageNames[n]!, words, group]);
    meta[2] = chunkList.map(([from, to, name]) => [from, to, chunkRenamed.get(name)!]);
    const bytes = pagefindBytes(meta);
    const metaName = contentName(prefix, hex.length, bytes, (n) => existsSync(join(dir, `pagefind.${n}.pf_meta`)));
    writeFileSync(join(dir, `pagefind.${metaName}.pf_meta`), bytes);
    rmSync(metaPath);
    language.hash = metaName;
    summary.pages += pages.length;
    summary.chunks += chunkNames.length;
    summary.metaAfter += bytes.length;
  }
  writeFileSync(entryPath, JSON.stringify(entry));
  return summary;
}
