/**
 * Search normalization shared by the indexer (src/integrations/search-index.ts) and the search page's client
 * script, so the index and the query are folded the same way. Pure and small: it ships to the browser.
 *
 * Pagefind 1.6 does not fold full-width and half-width forms (ＡＣＰ ≠ ACP) and splits fiscal years
 * written as 令和6年度 / R6 / 2024年度 / FY2024 differently. So:
 * - the indexer NFKC-folds the text of every indexed page (foldHtmlText) — the built pages stay as they are;
 * - a fiscal year is one token, yearToken(2024) = 'nendo2024': the indexer puts it after every fiscal
 *   year the text writes out (令和6年度, 2024年度, FY2024 …; so a year in a title weighs like a title word)
 *   and adds the tokens of the years the page covers (its `fy` filter); normalizeQuery rewrites any
 *   fiscal year in the query (令和6年度, R6, ２０２４年度, FY2024, 平成31年度) to the token, and the search
 *   page drops the tokens from excerpts;
 * - counters written several ways (18箇所, 18ヶ所, 18カ所) are unified to 18か所 on both sides
 *   (normalizeCounters), and the query splits a number from its counter (splitCounters).
 */
import { parseFiscalYear } from './fiscal-year.ts';

/** The token the index carries for each fiscal year a page covers, and the query rewrites fiscal years to. */
export function yearToken(year: number): string {
  return `nendo${year}`;
}

/** Matches the year and day tokens in an excerpt, so the search page can drop them from what it shows. */
export const YEAR_TOKEN_PATTERN = /\s?(?:nendo\d{4}|day\d{8})\b/g;

/** The token of a calendar day (2025-02-05 → day20250205), on both sides like the fiscal-year token. */
export function dayToken(year: number, month: number, day: number): string {
  return `day${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

const ERA_START: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.join('|')})`;
/**
 * A calendar day in the forms people write it (after NFKC): 令和7年2月5日, R7.2.5, 2025年2月5日, 2025-02-05,
 * 2025/2/5, 2025.2.5, 5 February 2025, February 5, 2025. Groups: era, era year, month, day | year, month, day
 * | day, month name, year | month name, day, year.
 */
const DAY_IN_TEXT = new RegExp(
  [
    '(令和|平成|(?<![A-Za-z0-9])[RH])(元|\\d{1,2})(?:年|[./])(\\d{1,2})(?:月|[./])(\\d{1,2})日?',
    '(?<!\\d)(\\d{4})(?:年|[-/.])(\\d{1,2})(?:月|[-/.])(\\d{1,2})日?',
    `(\\d{1,2}) ${MONTH},? (\\d{4})`,
    `${MONTH} (\\d{1,2}),? (\\d{4})`,
  ].join('|'),
  'gi',
);

/** Each day written in `text` with the token of that day: (match, token) pairs, in order. */
function daysIn(text: string, replace: (match: string, token: string) => string): string {
  return text.replace(DAY_IN_TEXT, (match, ...g: (string | undefined)[]) => {
    let year: number, month: number, day: number;
    if (g[0]) {
      const start = ERA_START[g[0].toUpperCase()] ?? ERA_START[g[0]]!;
      [year, month, day] = [start + (g[1] === '元' ? 1 : Number(g[1])), Number(g[2]), Number(g[3])];
    } else if (g[4]) [year, month, day] = [Number(g[4]), Number(g[5]), Number(g[6])];
    else if (g[7]) [year, month, day] = [Number(g[9]), MONTHS.indexOf(g[8]!.toLowerCase()) + 1, Number(g[7])];
    else [year, month, day] = [Number(g[12]), MONTHS.indexOf(g[10]!.toLowerCase()) + 1, Number(g[11])];
    if (month < 1 || month > 12 || day < 1 || day > 31) return match;
    return replace(match, dayToken(year, month, day));
  });
}

/** Query side: every day written in any common form becomes its token (before fiscal years are read). */
export function rewriteDays(text: string): string {
  return daysIn(text, (_, token) => ` ${token} `);
}

/** Index side: the day token after every day the text writes out (令和7年2月5日 → 令和7年2月5日 day20250205). */
export function insertDayTokens(text: string): string {
  return daysIn(text, (match, token) => `${match} ${token} `);
}

/**
 * Hiragana and katakana as one form (katakana), for comparing titles (titleKey) and building query variants;
 * half-width katakana became full-width with NFKC before. ゝゞ and the prolonged sound mark stay.
 */
export function foldKana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/**
 * The other spellings of a normalized query in kana: each word written only in hiragana in katakana
 * (かすはら → カスハラ), and each word only in katakana in hiragana (カカリツケ → かかりつけ). The search page
 * searches the query and these and merges the results, so a term is found whichever script it is typed in.
 * (Folding the indexed text itself would show ノ for の in every excerpt: the index keeps the page's text.)
 */
export function kanaVariants(normalized: string): string[] {
  const words = normalized.split(' ');
  const toKatakana = words.map((w) => (/^[\u3041-\u3096ー]{2,}$/.test(w) ? foldKana(w) : w)).join(' ');
  const toHiragana = words
    .map((w) =>
      /^[\u30a1-\u30f6ー]{2,}$/.test(w)
        ? w.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
        : w,
    )
    .join(' ');
  return [...new Set([toKatakana, toHiragana])].filter((v) => v !== normalized);
}

/**
 * An excerpt as the search page shows it: the tokens the index added dropped, no space left before closing
 * brackets or punctuation ("(2024年度 )" → "(2024年度)"), no stray punctuation at its start (". 令和…").
 */
export function cleanExcerpt(text: string): string {
  return text
    .replace(YEAR_TOKEN_PATTERN, '')
    .replace(/\s+([)）\]」』、。,.:;：；])/g, '$1')
    .replace(/([(（\[「『])\s+/g, '$1')
    .replace(/(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー])\s+(?=[（「『])/gu, '')
    .replace(/^[\s.,、。:;：；]+/, '')
    .replace(/\s{2,}/g, ' ');
}

/** The era part, the number part, and an optional 年度 / 年; or FY2024; or 2024年度; or R6 / H31 (not inside a word). */
const FISCAL_YEAR_IN_TEXT = new RegExp(
  [
    '(?:令和|平成|昭和)(?:元|\\d{1,2}|[一二三四五六七八九十]{1,3})年度?',
    'FY ?\\d{4}(?:年度)?',
    '\\d{4}年度',
    '(?<![A-Za-z0-9])[RHrh](?:元|\\d{1,2})(?:年度?)?(?![A-Za-z0-9])',
  ].join('|'),
  'g',
);

/** Replaces every fiscal year written in any form with its token: 令和6年度の事業 → ' FY2024 の事業'. */
export function rewriteFiscalYears(text: string): string {
  return text.replace(FISCAL_YEAR_IN_TEXT, (match) => {
    const year = parseFiscalYear(match.replace(/年$/, '年度'));
    return year === undefined ? match : ` ${yearToken(year)} `;
  });
}

/** A fiscal year written out in a text (令和5年度, 平成31年度, 2023年度, FY2023, R5年度); bare R5 or 2023 are left alone. */
const FISCAL_YEAR_WRITTEN_OUT =
  /(?:令和|平成)(?:元|\d{1,2})年度|\d{4}年度|FY ?\d{4}|(?<![A-Za-z0-9])[RH](?:元|\d{1,2})年度/g;

/**
 * Index side: puts the year token after every fiscal year written out in the (folded) text:
 * 令和5年度 → 令和5年度 nendo2023.
 */
export function insertYearTokens(text: string): string {
  return text.replace(FISCAL_YEAR_WRITTEN_OUT, (match) => {
    const year = parseFiscalYear(match);
    return year === undefined ? match : `${match} ${yearToken(year)} `;
  });
}

/**
 * Counters written several ways become one: 18箇所 / 18ヶ所 / 18カ所 / 18ケ所 → 18か所 (also か月, か年).
 * Applied to the indexed text and to the query, so 18箇所 finds a page that prints 18か所.
 */
export function normalizeCounters(text: string): string {
  return text.replace(/(\d)\s*[箇ヶケカヵ个]\s*(所|月|年|国|条)/g, '$1か$2');
}

/**
 * Separates a number from the counter or word written onto it (18か所 → 18 か所, 第2回 → 第 2 回), so
 * the query never depends on how Pagefind's segmenter cut a number-counter run in the page: both parts
 * are indexed as words of their own. Digit groups (233,453) and decimals (337.0) stay whole.
 */
export function splitCounters(text: string): string {
  return text.replace(/(\d)(?=[^\d\s.,%A-Za-z])/g, '$1 ').replace(/([^\d\s.,\-+A-Za-z¥$])(?=\d)/g, '$1 ');
}

/** NFKC and whitespace: the fold both sides share. */
function fold(text: string): string {
  return text.normalize('NFKC');
}

/** The query as it goes to Pagefind: folded, days and fiscal years rewritten, numbers split from counters. */
export function normalizeQuery(raw: string): string {
  const folded = fold(raw).replace(/[「」『』【】〔〕()（）"'“”‘’]/g, ' ');
  return splitCounters(normalizeCounters(rewriteFiscalYears(rewriteDays(folded))))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A title or a query as the title boost compares them: folded, fiscal years as tokens, counters
 * unified, lower case, letters and digits only (令和6年度第2回 東京都… → nendo2024第2回東京都…).
 */
export function titleKey(text: string): string {
  return normalizeCounters(rewriteFiscalYears(foldKana(fold(text))))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The title boost. Pagefind ranks by words, and its Japanese segmentation splits names oddly
 * (東京都在宅療養推進会議 → 東京 / 都在 / 宅 …), so a long source that repeats a program's name can
 * outrank the program's own page. The search page therefore orders each page of results (orderByTitle)
 * first by how their title matches the query, then by Pagefind's score:
 * - 2 + coverage when the title contains the whole query (coverage = query length / title length, so
 *   an exact title comes first and 在宅療養推進会議 prefers 東京都在宅療養推進会議 to a longer title);
 * - 1 + coverage when the title contains every word of the query (years left aside when there are
 *   other words: "R7 教育ステーション" still finds 地域における教育ステーション事業);
 * - 0 otherwise. `titleKeyOf` is titleKey() of the result's title.
 */
export function titleRanker(query: string): (titleKeyOf: string) => number {
  const whole = titleKey(query);
  const words = normalizeQuery(query).split(' ').map(titleKey).filter(Boolean);
  const plain = words.filter((w) => !/^nendo\d{4}$/.test(w));
  const needed = plain.length ? plain : words;
  const byWords = needed.length > 1 || plain.length < words.length;
  const neededLength = needed.join('').length;
  return (titleKeyOf) => {
    if (!whole || !titleKeyOf) return 0;
    if (titleKeyOf.includes(whole)) return 2 + Math.min(1, whole.length / titleKeyOf.length);
    if (byWords && needed.every((w) => titleKeyOf.includes(w)))
      return 1 + Math.min(1, neededLength / titleKeyOf.length);
    return 0;
  };
}

/**
 * One page of results (those whose fragments the search page loads to show them) in title-boost order
 * (titleRanker), Pagefind's order kept among equals. Pagefind's own ranking already weighs titles (its
 * metadata ranking and the h1's weight), so the page that should come first is in the first page of
 * results; re-ranking only that page needs no data beyond what is shown — no table of every title,
 * which would grow with the site (measured with the query set of tests/search-queries.ts: the same
 * pages in the first three as a boost over every result).
 */
export function orderByTitle<T>(query: string, page: readonly T[], titleOf: (item: T) => string): T[] {
  const ranker = titleRanker(query);
  const rank = new Map(page.map((item) => [item, ranker(titleKey(titleOf(item)))]));
  return [...page].sort((a, b) => rank.get(b)! - rank.get(a)!);
}

const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Folds one run of text (not markup) for the index; characters NFKC turns into markup are escaped. */
export function foldIndexText(text: string): string {
  return insertDayTokens(insertYearTokens(normalizeCounters(fold(text)))).replace(/[&<>]/g, (c) => ESCAPE[c]!);
}

/**
 * NFKC-folds the text of an HTML document for indexing, leaving tags, attributes, comments and the
 * contents of <script>/<style> untouched. Text runs are folded whole (ｶﾞ → ガ needs the pair), and
 * existing character references such as &amp; are kept (they are ASCII and NFKC leaves them alone).
 */
export function foldHtmlText(html: string): string {
  let out = '';
  let pos = 0;
  const tag = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    out += foldTextRun(html.slice(pos, m.index)) + m[0];
    pos = m.index + m[0].length;
  }
  return out + foldTextRun(html.slice(pos));
}

function foldTextRun(text: string): string {
  // Most runs between tags are ASCII without digits (indentation, English words), which folding leaves as
  // they are: NFKC keeps ASCII, and counters, fiscal years and days all need a digit. Skip the work.
  if (!/[^\t\n\r\x20-\x25\x27-\x2f\x3a-\x3b\x3d\x3f-\x7e]/.test(text)) return text;
  // Entities stay as they are; the text between them is folded.
  return text
    .split(/(&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/i)
    .map((part, i) => (i % 2 === 1 ? part : foldIndexText(part)))
    .join('');
}

/** Character pairs of a folded title or query (titleKey), for the closeness of a suggestion. */
function bigrams(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < key.length - 1; i++) out.add(key.slice(i, i + 2));
  if (key.length === 1) out.add(key);
  return out;
}

/**
 * The titles and terms closest to a query that found nothing, best first: Dice's coefficient over character
 * pairs of titleKey() (kana folded, fiscal years as tokens), a title containing the whole query first.
 */
export function closestSuggestions<T extends { t: string }>(query: string, list: readonly T[], max = 5): T[] {
  const q = titleKey(query);
  if (!q) return [];
  const qPairs = bigrams(q);
  const scored = list.map((item) => {
    const key = titleKey(item.t);
    const pairs = bigrams(key);
    let shared = 0;
    for (const p of qPairs) if (pairs.has(p)) shared++;
    const dice = (2 * shared) / (qPairs.size + pairs.size || 1);
    return { item, score: (key.includes(q) ? 1 : 0) + dice };
  });
  return scored
    .filter((s) => s.score >= 0.3)
    .sort((a, b) => b.score - a.score || a.item.t.length - b.item.t.length)
    .slice(0, max)
    .map((s) => s.item);
}
