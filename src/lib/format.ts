/**
 * Numbers and units per language: 4,347千円 in Japanese, ¥4,347 thousand in English.
 * Intl.NumberFormat does the grouping; units come from units.ts.
 */
import { UNITS, type UnitInfo } from './units.ts';
import type { Lang } from './i18n.ts';

const groupers = { ja: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }) };

export function formatNumber(value: number, lang: Lang): string {
  return groupers[lang].format(value);
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

/** English name of a unit for table headers: 千円 → thousand yen. */
export function unitName(unit: string, lang: Lang): string {
  if (lang === 'ja') return unit;
  return (UNITS as Record<string, UnitInfo>)[unit]?.en[1] ?? unit;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
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
  return lang === 'ja' ? `${y}年${m}月${d}日（${WEEKDAYS_JA[weekday]}）` : `${WEEKDAYS_EN[weekday]} ${d} ${MONTHS[m - 1]} ${y}`;
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
