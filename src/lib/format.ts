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

/** ISO date → ja 2025年2月5日（水）, en 5 February 2025 (Wednesday). Computed in UTC so the build machine's zone cannot change it. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d ?? 1));
  if (d === undefined) {
    return lang === 'ja' ? `${y}年${m}月` : new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  }
  if (lang === 'ja') {
    const wd = new Intl.DateTimeFormat('ja-JP', { weekday: 'short', timeZone: 'UTC' }).format(date);
    return `${y}年${m}月${d}日（${wd}）`;
  }
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Japanese era form of a date: 2025-02-05 → 令和7年2月5日. */
export function formatWarekiDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d ?? 1));
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'numeric', day: d === undefined ? undefined : 'numeric', timeZone: 'UTC' }).format(date);
  return parts.replace(/(令和|平成)1年/, '$1元年');
}
