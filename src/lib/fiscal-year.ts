/**
 * Japanese fiscal years (年度, April–March) ↔ the Gregorian year they start in.
 * 令和元年度 = 平成31年度 = FY2019. No library parses these, and Intl labels by date (2019-04-01 → 平成31年),
 * which is wrong for a fiscal year that began under 平成 and is officially called 令和元年度.
 */

const ERAS = [
  { name: '令和', letter: 'R', start: 2019 },
  { name: '平成', letter: 'H', start: 1989 },
  { name: '昭和', letter: 'S', start: 1926 },
] as const;

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function kanjiNumber(text: string): number | undefined {
  if (text === '元') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  // 十, 十一, 二十, 三十一 …
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || (!m[2] && !m[3] && !m[1])) return undefined;
  if (!m[2]) return m[3] || !m[1] ? undefined : KANJI_DIGITS[m[1]]!;
  return (m[1] ? KANJI_DIGITS[m[1]]! : 1) * 10 + (m[3] ? KANJI_DIGITS[m[3]]! : 0);
}

/**
 * Parses a fiscal year written any common way and returns its Gregorian start year, or undefined.
 * Accepts 令和元年度, 令和7年度, 平成31年度, 平成三十年度, R7, R6年度, H30, ２０１９年度, 2019年度, FY2019, FY 2019,
 * 2019 (full-width forms are folded first).
 */
export function parseFiscalYear(input: string): number | undefined {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, '');
  let m = /^(?:FY)?(\d{4})(?:年度)?$/i.exec(text);
  if (m) return Number(m[1]);
  m = /^(令和|平成|昭和)(元|\d{1,2}|[一二三四五六七八九十]{1,3})年度?$/.exec(text);
  if (m) {
    const era = ERAS.find((e) => e.name === m![1])!;
    const n = kanjiNumber(m[2]!);
    return n === undefined || n < 1 ? undefined : era.start + n - 1;
  }
  m = /^([RHS])(元|\d{1,2})(?:年度?)?$/i.exec(text);
  if (m) {
    const era = ERAS.find((e) => e.letter === m![1]!.toUpperCase())!;
    const n = m[2] === '元' ? 1 : Number(m[2]);
    return n < 1 ? undefined : era.start + n - 1;
  }
  return undefined;
}

/** The era a fiscal year is named in: the era in force on 1 April of that year (2019 → 令和, named 令和元年度). */
function eraOf(year: number) {
  // 平成31年度 began on 2019-04-01 under 平成 but is officially renamed 令和元年度; fiscal years from 2019 are 令和.
  return ERAS.find((e) => year >= e.start) ?? ERAS[ERAS.length - 1]!;
}

/** 2019 → 令和元年度, 2025 → 令和7年度, 2018 → 平成30年度. */
export function formatWareki(year: number): string {
  const era = eraOf(year);
  const n = year - era.start + 1;
  return `${era.name}${n === 1 ? '元' : n}年度`;
}

/** The short form for narrow columns: 2024 → R6, 2019 → R1, 2018 → H30. */
export function formatWarekiAbbr(year: number): string {
  const era = eraOf(year);
  return `${era.letter}${year - era.start + 1}`;
}

/** 2025 → FY2025. */
export function formatFY(year: number): string {
  return `FY${year}`;
}

/** The label a page shows: ja 令和7年度（2025年度）, en FY2025. */
export function fiscalYearLabel(year: number, lang: 'ja' | 'en'): string {
  return fiscalYearLabelParts(year, lang).join('');
}

/** The label in the parts a narrow column may break between: ['令和7年度', '（2025年度）'] / ['FY2025']. */
export function fiscalYearLabelParts(year: number, lang: 'ja' | 'en'): string[] {
  return lang === 'ja' ? [formatWareki(year), `（${year}年度）`] : [formatFY(year)];
}

/** Every way a reader might type this fiscal year, for search: 令和6年度 R6 2024年度 FY2024 … */
export function fiscalYearAliases(year: number): string[] {
  const era = eraOf(year);
  const n = year - era.start + 1;
  const aliases = [
    formatWareki(year),
    `${era.name}${n}年度`,
    `${era.letter}${n}`,
    `${era.letter}${n}年度`,
    `${year}年度`,
    `FY${year}`,
    String(year),
  ];
  if (year === 2019) aliases.push('平成31年度', 'H31', '令和元年度', 'R1', 'R元');
  return [...new Set(aliases)];
}

/** The fiscal year a date 'YYYY-MM-DD' or month 'YYYY-MM' falls in: 2025-03-31 → 2024, 2025-04-01 → 2025. */
export function fiscalYearOfDate(date: string): number {
  const [year, month] = date.split('-').map(Number);
  return month! >= 4 ? year! : year! - 1;
}

/** First and last month of a fiscal year as 'YYYY-MM': 2024 → 2024-04 … 2025-03. */
export function fiscalYearMonths(year: number): { first: string; last: string } {
  return { first: `${year}-04`, last: `${year + 1}-03` };
}
