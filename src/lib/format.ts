/**
 * Formatting per language, in one module: numbers and units (4,347千円 / ¥4,347 thousand), dates,
 * lists (Intl.ListFormat), ranges, and the punctuation between parts of a line. Pages get these
 * bound to the page's language as Astro.locals.fmt (src/middleware.ts); the search page's script
 * imports them too, so this module holds no UI strings (those are in src/i18n/).
 */
import { UNITS, type UnitInfo } from './units.ts';
import type { Lang } from './i18n.ts';
import { fiscalYearLabel, fiscalYearLabelParts, formatFY, formatWareki, formatWarekiAbbr } from './fiscal-year.ts';

interface Punctuation {
  /** Between a label and what it labels: 取組：… / Initiative: … */
  colon: string;
  /** Around an aside: full-width in Japanese, ASCII with a space before in English. */
  open: string;
  close: string;
  /** Between short descriptive parts of one line: 保健医療計画・令和6年度～ / Health plan; FY2024 – */
  parts: string;
  /** Between items that may hold commas themselves (figures, names): 、 / ; */
  series: string;
  /** Between a level name and its number: 取組3 / Initiative 3. */
  numberSpace: string;
}

const PUNCTUATION: Record<Lang, Punctuation> = {
  ja: { colon: '：', open: '（', close: '）', parts: '・', series: '、', numberSpace: '' },
  en: { colon: ': ', open: ' (', close: ')', parts: '; ', series: '; ', numberSpace: ' ' },
};

/** Ranges, open at either end: 令和元年度～令和6年度 / FY2019 – FY2024, ～令和6年度 / until FY2024. */
const RANGES: Record<
  Lang,
  { between: (a: string, b: string) => string; from: (a: string) => string; until: (b: string) => string }
> = {
  ja: { between: (a, b) => `${a}～${b}`, from: (a) => `${a}～`, until: (b) => `～${b}` },
  en: { between: (a, b) => `${a} – ${b}`, from: (a) => `from ${a}`, until: (b) => `until ${b}` },
};

// Intl objects are made on first use: making them loads ICU data, which `npm run check` (it imports this module
// through the schemas) never needs.
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
const numberFormat = {
  ja: once(() => new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 })),
  en: once(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })),
};
// 'narrow' conjunction: A、B、C in Japanese and A, B, C in English (no "and" before the last item).
const listFormat = {
  ja: once(() => new Intl.ListFormat('ja', { type: 'conjunction', style: 'narrow' })),
  en: once(() => new Intl.ListFormat('en', { type: 'conjunction', style: 'narrow' })),
};
const ordinalRules = once(() => new Intl.PluralRules('en', { type: 'ordinal' }));
const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

export function punctuation(lang: Lang): Punctuation {
  return PUNCTUATION[lang];
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormat[lang]().format(value);
}

/** 4347 千円 → ja "4,347千円", en "¥4,347 thousand"; 22 か所 → "22か所" / "22 locations". */
export function formatQuantity(value: number, unit: string, lang: Lang): string {
  const n = formatNumber(value, lang);
  if (lang === 'ja') return `${n}${unit}`;
  const info = (UNITS as Record<string, UnitInfo>)[unit];
  if (!info) return `${n} ${unit}`;
  if (unit === '千円') return `¥${n} thousand`;
  if (unit === '百万円') return `¥${n} million`;
  if (unit === '円') return `¥${n}`;
  if (unit === '万円') return `¥${formatNumber(value * 10_000, lang)}`;
  if (unit === '%') return `${n}%`;
  return `${n} ${value === 1 ? info.en[0] : info.en[1]}`;
}

/** Name of a unit for headers and captions: 千円 as printed in Japanese, "thousand yen" in English. */
export function unitName(unit: string, lang: Lang): string {
  if (lang === 'ja') return unit;
  return (UNITS as Record<string, UnitInfo>)[unit]?.en[1] ?? unit;
}

/** 2 → "2" in Japanese (第2回 puts it in words), "2nd" in English. */
export function formatOrdinal(n: number, lang: Lang): string {
  return lang === 'ja' ? String(n) : `${n}${ORDINAL_SUFFIX[ordinalRules().select(n)]}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];

/**
 * ISO date → ja 2025年2月5日（水）, en Wednesday 5 February 2025; 'YYYY-MM' → 2024年7月 / July 2024.
 * Spelled out by hand (not Intl) so the output cannot change with the machine's ICU data or time zone.
 */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number | undefined];
  if (d === undefined) return lang === 'ja' ? `${y}年${m}月` : `${MONTHS[m - 1]} ${y}`;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return lang === 'ja'
    ? `${y}年${m}月${d}日（${WEEKDAYS_JA[weekday]}）`
    : `${WEEKDAYS_EN[weekday]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** ISO date → 2026年11月25日 / 25 November 2026: a day without its weekday (時点, when data last changed). */
export function formatDay(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'ja' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** 'YYYY-MM' → 2024年4月 / Apr 2024, for part-year periods. */
export function formatMonth(ym: string, lang: Lang): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return lang === 'ja' ? `${y}年${m}月` : `${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

/**
 * Japanese era form of a calendar date: 2025-02-05 → 令和7年2月5日. Era by date (令和 from 2019-05-01,
 * 平成 from 1989-01-08), unlike fiscal years. Written by hand: Intl's japanese calendar output varies by ICU.
 */
export function formatWarekiDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number | undefined];
  const key = y * 10000 + m * 100 + (d ?? 1);
  const [era, start] = key >= 20190501 ? ['令和', 2019] : key >= 19890108 ? ['平成', 1989] : ['昭和', 1926];
  const n = y - (start as number) + 1;
  return `${era}${n === 1 ? '元' : n}年${m}月${d === undefined ? '' : `${d}日`}`;
}

/** The date of an official document as each language cites it: 令和7年2月5日 / Wednesday 5 February 2025. */
export function formatOfficialDate(iso: string, lang: Lang): string {
  return lang === 'ja' ? formatWarekiDate(iso) : formatDate(iso, lang);
}

/** A fiscal year in a narrow place (chart axes): 令和6 / FY2024. */
export function formatFiscalYearShort(year: number, lang: Lang): string {
  return lang === 'ja' ? formatWareki(year).replace('年度', '') : formatFY(year);
}

/**
 * A fiscal year in a column too narrow for the full label (phones): R6 / FY24; the full label goes
 * beside it for screen readers.
 */
export function formatFiscalYearAbbr(year: number, lang: Lang): string {
  return lang === 'ja' ? formatWarekiAbbr(year) : `FY${String(year).slice(2)}`;
}

/** A fiscal year named in running text: 令和6年度 / FY2024 (fiscalYearLabel adds the Gregorian year in Japanese). */
export function formatFiscalYearName(year: number, lang: Lang): string {
  return lang === 'ja' ? formatWareki(year) : formatFY(year);
}

/** Names or short items as a list: A、B、C / A, B, C. */
export function formatList(items: readonly string[], lang: Lang): string {
  return listFormat[lang]().format(items);
}

/**
 * A list of items to render one by one (links): the items with the list's separators between them,
 * from Intl.ListFormat, e.g. [a, '、', b] / [a, ', ', b].
 */
export function formatListParts<T>(items: readonly T[], lang: Lang): (T | string)[] {
  const parts = listFormat[lang]().formatToParts(items.map((_, i) => String(i)));
  return parts.map((p) => (p.type === 'element' ? items[Number(p.value)]! : p.value));
}

/** Items that may hold commas themselves (figures with thousands separators, names): A、B / A; B. */
export function formatSeries(items: readonly string[], lang: Lang): string {
  return items.join(PUNCTUATION[lang].series);
}

/** Short descriptive parts of one line: 会議・配布資料3件 / meeting; 3 handouts. */
export function formatParts(items: readonly string[], lang: Lang): string {
  return items.join(PUNCTUATION[lang].parts);
}

/** A range of labels, open at either end; one label when both ends are the same; '' when both are missing. */
export function formatRange(from: string | undefined, to: string | undefined, lang: Lang): string {
  const r = RANGES[lang];
  if (from && to) return from === to ? from : r.between(from, to);
  if (from) return r.from(from);
  return to ? r.until(to) : '';
}

/** A range whose ends are rendered one by one (e.g. as <time> elements): the ends with the text around them. */
export function formatRangeParts<T>(from: T | undefined, to: T | undefined, lang: Lang): (T | string)[] {
  const A = '\u0000';
  const B = '\u0001';
  const text = formatRange(from === undefined ? undefined : A, to === undefined ? undefined : B, lang);
  return text
    .split(/(\u0000|\u0001)/)
    .filter(Boolean)
    .map((part) => (part === A ? from! : part === B ? to! : part));
}

/** A span of fiscal years: 令和元年度（2019年度）～令和6年度（2024年度） / FY2019 – FY2024. */
export function formatFiscalYearRange(from: number | undefined, to: number | undefined, lang: Lang): string {
  const label = (y: number | undefined) => (y === undefined ? undefined : fiscalYearLabel(y, lang));
  return formatRange(label(from), label(to), lang);
}

/** Fiscal years by name, runs of three or more as a range: 2019, 2020, 2021, 2024 → 令和元年度～令和3年度、令和6年度. */
export function formatFiscalYearRuns(years: readonly number[], lang: Lang): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const name = (y: number) => formatFiscalYearName(y, lang);
  const parts: string[] = [];
  for (let i = 0; i < ys.length;) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
    if (j - i >= 2) parts.push(formatRange(name(ys[i]!), name(ys[j]!), lang));
    else for (let k = i; k <= j; k++) parts.push(name(ys[k]!));
    i = j + 1;
  }
  return formatList(parts, lang);
}

/** An aside in parentheses, with the language's spacing: （…） / " (…)". */
export function formatParen(text: string, lang: Lang): string {
  return `${PUNCTUATION[lang].open}${text}${PUNCTUATION[lang].close}`;
}

/** A level name with its number as the document writes it: 取組3, 事項2-1 / Initiative 3. */
export function formatLevelNumber(level: string, n: number | string, lang: Lang): string {
  return `${level}${PUNCTUATION[lang].numberSpace}${n}`;
}

/** A numbered heading as the document numbers it: 課題1：… / Issue 1: …; the title alone without a number. */
export function formatNumbered(level: string, n: number | undefined, title: string, lang: Lang): string {
  if (n === undefined) return title;
  return `${formatLevelNumber(level, n, lang)}${PUNCTUATION[lang].colon}${title}`;
}

/** The `lang` attribute for text in language `of` on a page in `lang`: undefined when they are the same. */
export function langAttr(of: Lang, lang: Lang): Lang | undefined {
  return of === lang ? undefined : of;
}

/** Everything above, bound to one language: what pages and components see as Astro.locals.fmt. */
/** A file size as a reader expects it: 980 bytes, 4.5 KB, 1.2 MB (1 KB = 1,000 bytes, as operating systems show). */
export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1000) return lang === 'ja' ? `${formatNumber(bytes, lang)}バイト` : `${formatNumber(bytes, lang)} bytes`;
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'KB'] : [bytes / 1_000_000, 'MB'];
  const rounded = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  return `${rounded} ${unit}`;
}

export function formatter(lang: Lang) {
  return {
    punctuation: PUNCTUATION[lang],
    number: (value: number) => formatNumber(value, lang),
    bytes: (bytes: number) => formatBytes(bytes, lang),
    quantity: (value: number, unit: string) => formatQuantity(value, unit, lang),
    unit: (unit: string) => unitName(unit, lang),
    ordinal: (n: number) => formatOrdinal(n, lang),
    date: (iso: string) => formatDate(iso, lang),
    day: (iso: string) => formatDay(iso, lang),
    month: (ym: string) => formatMonth(ym, lang),
    officialDate: (iso: string) => formatOfficialDate(iso, lang),
    fiscalYear: (year: number) => fiscalYearLabel(year, lang),
    fiscalYearParts: (year: number) => fiscalYearLabelParts(year, lang),
    fiscalYearShort: (year: number) => formatFiscalYearShort(year, lang),
    fiscalYearAbbr: (year: number) => formatFiscalYearAbbr(year, lang),
    fiscalYearName: (year: number) => formatFiscalYearName(year, lang),
    fiscalYearRange: (from?: number, to?: number) => formatFiscalYearRange(from, to, lang),
    list: (items: readonly string[]) => formatList(items, lang),
    listParts: <T>(items: readonly T[]) => formatListParts(items, lang),
    series: (items: readonly string[]) => formatSeries(items, lang),
    parts: (items: readonly string[]) => formatParts(items, lang),
    range: (from?: string, to?: string) => formatRange(from, to, lang),
    rangeParts: <T>(from?: T, to?: T) => formatRangeParts(from, to, lang),
    paren: (text: string) => formatParen(text, lang),
    levelNumber: (level: string, n: number | string) => formatLevelNumber(level, n, lang),
    numbered: (level: string, n: number | undefined, title: string) => formatNumbered(level, n, title, lang),
    langAttr: (of: Lang) => langAttr(of, lang),
  };
}

export type Formatter = ReturnType<typeof formatter>;
