/**
 * Pages in order of length and short names for the pages and index chunks of a Pagefind index, so that its
 * metadata compresses.
 *
 * Pagefind's metadata (pagefind.<lang>_<hash>.pf_meta), which the search page loads whole before the first
 * query, lists every page by the name of its fragment file — `ja_` and 7 random hex digits — with its word
 * count, and every index chunk by a name of the same kind. Random names do not compress: at 10,000 programs
 * they were ~60 % of the metadata's 97 KB. Here page n of the list is named `<n>` and so is chunk n (in index/),
 * and the pages are listed by word count within blocks, so that names and word counts rise in small steps. The
 * index of each language is then served from a folder named by its whole content (placeIndex and contentHash in
 * search-index.ts), so a name is never reused for another content by a later build (browsers and CDNs cache these
 * files by name); the metadata and filter files are still named by their content, as Pagefind names them.
 *
 * The index refers to a page by its place in the list: each word's pages in the index chunks, each filter
 * value's pages and each sort's order are renumbered with it. Positions and chunk boundaries stay as they were;
 * the word counts are rounded to steps of 1/32 in their logarithm (roundedWordCount), which moves scores by
 * about 1 % at most; pages with equal scores may come in another order (Pagefind keeps the list's order among
 * them).
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentName, pagefindBytes, readPagefindFile, type Cbor } from './search-positions.ts';

/**
 * Pages ordered by word count within blocks of this many (in Pagefind's order). At 10,000 programs, against
 * Pagefind's order: blocks of 256 took 5.5 KB off the metadata and left the index chunks as they were; one
 * block (all pages by word count) took 15 KB off the metadata but added 10 KB to the two chunks 訪問看護 loads
 * and 13 % to the chunks overall, as a word's pages were no longer near each other (report of issue 14).
 */
const ORDER_BLOCK = 256;

/** Steps per unit of the natural logarithm of a page's word count in the metadata (roundedWordCount). */
const WORD_COUNT_STEPS = 32;

/**
 * A page's word count as the metadata gives it: the e^(k/32) nearest to it, as a whole number, so within 1.6 %
 * and half a word (exact up to 32). Pagefind reads the word count only to weigh a page's length against the
 * average in its score (BM25, weight 0.75), where 1.6 % moves a score by ~1 %; rounded counts repeat, and the
 * list of pages that every search loads first compresses better: at 10,000 programs 37.4 → 24.6 KB (Japanese)
 * and 31.3 → 20.9 KB (English) of metadata (report of issue 14).
 */
export function roundedWordCount(count: number): number {
  if (count <= WORD_COUNT_STEPS) return count;
  return Math.round(Math.exp(Math.round(Math.log(count) * WORD_COUNT_STEPS) / WORD_COUNT_STEPS));
}

export interface NamesSummary {
  pages: number;
  chunks: number;
  /** Bytes of the metadata files (gzip, as fetched) before and after. */
  metaBefore: number;
  metaAfter: number;
}

/**
 * Orders the pages of every language of the Pagefind index in `dir` (as written by Pagefind's writeFiles,
 * positions capped or not) by word count within blocks of ORDER_BLOCK, renames its fragments and index
 * chunks to their numbers, rounds the word counts (roundedWordCount), rewrites the files that refer to them and
 * points pagefind-entry.json at the new metadata.
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

    // Within each block of ORDER_BLOCK pages, pages in order of their word count: the list's word counts then
    // rise in small steps and compress, and the pages a word is on stay about as close together as Pagefind put
    // them (by URL), which keeps the index chunks as small. Every reference to a page by its place follows.
    const block = (n: number) => Math.floor(n / ORDER_BLOCK);
    const order = pages.map((_, n) => n).sort((a, b) => block(a) - block(b) || pages[a]![1] - pages[b]![1] || a - b);
    const place = new Array<number>(pages.length);
    order.forEach((old, n) => (place[old] = n));
    for (const name of chunkNames)
      writeFileSync(chunkPath(name), pagefindBytes(renumberChunk(readPagefindFile(chunkPath(name)), place)));
    meta[3] = (meta[3] as [string, string][]).map(([filter, name]) => {
      const path = join(dir, 'filter', `${name}.pf_filter`);
      const bytes = pagefindBytes(renumberFilter(readPagefindFile(path), place));
      const [filterPrefix, filterHex] = name.split(/_(?=[^_]*$)/) as [string, string];
      const next = contentName(filterPrefix, filterHex.length, bytes, (n) =>
        existsSync(join(dir, 'filter', `${n}.pf_filter`)),
      );
      rmSync(path);
      writeFileSync(join(dir, 'filter', `${next}.pf_filter`), bytes);
      return [filter, next];
    });
    meta[4] = (meta[4] as [string, number[]][]).map(([key, sorted]) => [key, sorted.map((n) => place[n]!)]);
    pages.splice(0, pages.length, ...order.map((old) => pages[old]!));

    const [prefix, hex] = language.hash.split(/_(?=[^_]*$)/) as [string, string];
    const move = (from: string, to: string) => {
      if (from === to) return;
      if (existsSync(to)) throw new Error(`${to} exists: not overwritten`);
      renameSync(from, to);
    };
    // Pagefind's names start with the language (ja_…), so they never collide with the numbers.
    const pageNames = pages.map((_, n) => String(n));
    pages.forEach(([name], n) => move(fragmentPath(name), fragmentPath(pageNames[n]!)));
    const chunkRenamed = new Map(chunkNames.map((name, n) => [name, String(n)]));
    for (const [name, next] of chunkRenamed) move(chunkPath(name), chunkPath(next));

    meta[1] = pages.map(([, words, group], n) => [pageNames[n]!, roundedWordCount(words), group]);
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

/**
 * An index chunk with its pages renumbered (`place[old]` is a page's new place): each word's pages, and those of
 * its diacritic variants, are listed by place, each as the step from the one before (from 0), as Pagefind does.
 */
export function renumberChunk(chunk: Cbor, place: readonly number[]): Cbor {
  const [words, ...rest] = chunk as [Cbor[][], ...Cbor[]];
  const renumberPages = (entries: Cbor[][]) => {
    let page = 0;
    const placed = entries.map(([step, ...more]) => ((page += step as number), { at: place[page]!, more }));
    placed.sort((a, b) => a.at - b.at);
    let last = 0;
    return placed.map(({ at, more }) => {
      const step = at - last;
      last = at;
      return [step, ...more];
    });
  };
  return [
    words.map(([word, entries, variants, ...more]) => [
      word!,
      renumberPages(entries as Cbor[][]),
      ...(variants === undefined
        ? []
        : [
            (variants as Cbor[][]).map(([v, vEntries, ...vMore]) => [
              v!,
              renumberPages(vEntries as Cbor[][]),
              ...vMore,
            ]),
          ]),
      ...more,
    ]),
    ...rest,
  ];
}

/** A filter chunk ([filter, [[value, [page, …]], …]], pages by place in ascending order) renumbered. */
export function renumberFilter(chunk: Cbor, place: readonly number[]): Cbor {
  const [filter, values, ...rest] = chunk as [string, [string, number[]][], ...Cbor[]];
  return [filter, values.map(([value, pages]) => [value, pages.map((n) => place[n]!).sort((a, b) => a - b)]), ...rest];
}
