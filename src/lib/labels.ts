/** Labels built from data, the same way on every page. */
import type { Lang } from './i18n.ts';
import { formatFY, formatWareki } from './fiscal-year.ts';

function ordinalEn(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** 令和6年度第2回 / 2nd meeting of FY2024. */
export function meetingOrdinal(fiscalYear: number, ordinal: number, lang: Lang): string {
  return lang === 'ja' ? `${formatWareki(fiscalYear)}第${ordinal}回` : `${ordinalEn(ordinal)} meeting of ${formatFY(fiscalYear)}`;
}

/** 令和6年度第2回 東京都在宅介護・医療協働推進部会 / Tokyo …Subcommittee, 2nd meeting of FY2024. */
export function meetingTitle(fiscalYear: number, ordinal: number, committeeName: { ja: string; en: string }, lang: Lang): string {
  return lang === 'ja'
    ? `${meetingOrdinal(fiscalYear, ordinal, lang)} ${committeeName.ja}`
    : `${committeeName.en}, ${meetingOrdinal(fiscalYear, ordinal, lang)}`;
}

/** 資料5 → Handout 5; 参考資料1-2 → Reference material 1-2. Japanese is the label as printed. */
export function handoutLabel(label: string, lang: Lang): string {
  if (lang === 'ja') return label;
  const m = /^(参考資料|資料)(.+)$/.exec(label);
  if (!m) return label;
  return `${m[1] === '資料' ? 'Handout' : 'Reference material'} ${m[2]}`;
}

/** Anchor id of a handout on its meeting page: 資料5 → handout-5, 参考資料1-2 → reference-1-2. */
export function handoutAnchor(label: string): string {
  const m = /^(参考資料|資料)(.+)$/.exec(label);
  return m ? `${m[1] === '資料' ? 'handout' : 'reference'}-${m[2]}` : `handout-${label}`;
}

/** Anchor id of an agenda item on its meeting page: 3(2) → agenda-3-2, 1 → agenda-1. */
export function agendaAnchor(number: string): string {
  const key = number.normalize('NFKC').replace(/[^0-9A-Za-z]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return key ? `agenda-${key}` : 'agenda';
}
