/**
 * The glossary in each language's order, in sections a reader can jump to: Japanese by the reading
 * of the term, in the rows of the kana table (あ か さ た な は ま や ら わ); English alphabetically
 * by the English term (A–Z, then digits). Pure; tested in tests/unit/glossary.test.ts.
 */
import { otherLang, type Lang } from './i18n.ts';

interface Term {
  id: string;
  term: { ja: string; en: string };
  reading: string;
}

/** One section of the index: its key (for the anchor), its label, and whether any term falls in it. */
export interface GlossarySection<T> {
  key: string;
  label: string;
  entries: T[];
}

/** The rows of the kana table: the row's romanized key and its first kana. */
export const KANA_ROWS = [
  ['a', 'あ', 'あいうえお'],
  ['ka', 'か', 'かきくけこ'],
  ['sa', 'さ', 'さしすせそ'],
  ['ta', 'た', 'たちつてと'],
  ['na', 'な', 'なにぬねの'],
  ['ha', 'は', 'はひふへほ'],
  ['ma', 'ま', 'まみむめも'],
  ['ya', 'や', 'やゆよ'],
  ['ra', 'ら', 'らりるれろ'],
  ['wa', 'わ', 'わをん'],
] as const;

const SMALL_KANA: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
};

/** Katakana to hiragana, voiced and small kana to their plain form: ガ → か, ぁ → あ, ヴ → う. */
export function plainKana(text: string): string {
  return [...text.normalize('NFD').replace(/[\u3099\u309A]/g, '')]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      const hira = code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : ch;
      return SMALL_KANA[hira] ?? hira;
    })
    .join('')
    .normalize('NFC');
}

/** The kana-table row of a reading, by its first kana; undefined when it starts with none. */
export function kanaRow(reading: string): (typeof KANA_ROWS)[number][0] | undefined {
  const first = plainKana(reading).charAt(0);
  return KANA_ROWS.find(([, , kana]) => kana.includes(first))?.[0];
}

/** Sort key of an English term: lower case, without leading quotes or brackets. */
const englishKey = (term: string) => term.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();

/**
 * The glossary's sections in a language, every section of the index listed (empty ones too, so the
 * jump index always shows the whole table or alphabet). Japanese: by reading (hiragana order);
 * English: A–Z by the English term, then '#' for terms that start with a digit.
 */
export function glossarySections<T extends Term>(entries: readonly T[], lang: Lang): GlossarySection<T>[] {
  if (lang === 'ja') {
    const sorted = [...entries].sort(
      (a, b) => plainKana(a.reading).localeCompare(plainKana(b.reading), 'ja') || a.id.localeCompare(b.id),
    );
    const sections = KANA_ROWS.map(([key, label]) => ({
      key,
      label,
      entries: sorted.filter((e) => kanaRow(e.reading) === key),
    }));
    const rest = sorted.filter((e) => kanaRow(e.reading) === undefined);
    return rest.length ? [...sections, { key: 'other', label: '#', entries: rest }] : sections;
  }
  const sorted = [...entries].sort(
    (a, b) => englishKey(a.term.en).localeCompare(englishKey(b.term.en), 'en') || a.id.localeCompare(b.id),
  );
  const letters = [...'abcdefghijklmnopqrstuvwxyz'].map((l) => ({
    key: l,
    label: l.toUpperCase(),
    entries: sorted.filter((e) => englishKey(e.term.en).startsWith(l)),
  }));
  const rest = sorted.filter((e) => !/^[a-z]/.test(englishKey(e.term.en)));
  return rest.length ? [...letters, { key: 'other', label: '0–9', entries: rest }] : letters;
}

/** Whether the reading adds anything to the term (the term has characters other than kana). */
export function readingHelps(term: string): boolean {
  return /[^\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC・（）\s]/u.test(term);
}

/**
 * How a term heads its entry on the page in `lang`: the term in that language first, then the other
 * language's; the reading on Japanese pages, where it helps.
 */
export function termHeading(
  entry: Term,
  lang: Lang,
): { main: string; other: string; otherLang: Lang; reading?: string } {
  const other = otherLang(lang);
  const reading = lang === 'ja' && readingHelps(entry.term.ja) ? entry.reading : undefined;
  return { main: entry.term[lang], other: entry.term[other], otherLang: other, ...(reading ? { reading } : {}) };
}

/**
 * The address of a section's page, without the language prefix: /glossary/ka-gyo/ (か行) on Japanese pages,
 * /glossary/h/ on English ones ('other': /glossary/other/ and /glossary/0-9/). The two languages file terms by
 * different facets, so their segments never coincide: no Japanese section page has an English twin at the same path.
 */
export function glossarySectionPath(key: string, lang: Lang): string {
  const slug = lang === 'ja' ? (key === 'other' ? 'other' : `${key}-gyo`) : key === 'other' ? '0-9' : key;
  return `/glossary/${slug}/`;
}

/**
 * The glossary is one index page (/glossary/: every term with its translation, by section, each under its
 * permanent anchor /glossary/#<id>) and a page per section with entries (the definitions): one page of every
 * term with its definition would outgrow the page budget of issue 14 as terms are added. Sections without
 * entries have no page.
 */
export function glossaryPages<T extends Term>(entries: readonly T[], lang: Lang) {
  return glossarySections(entries, lang)
    .filter((s) => s.entries.length > 0)
    .map((s) => ({ ...s, path: glossarySectionPath(s.key, lang) }));
}

/** Where each term is defined in a language: term id → section page path (no language prefix) with its anchor. */
export function glossaryTermPaths<T extends Term>(entries: readonly T[], lang: Lang): Map<string, string> {
  return new Map(glossaryPages(entries, lang).flatMap((p) => p.entries.map((e) => [e.id, `${p.path}#${e.id}`])));
}
