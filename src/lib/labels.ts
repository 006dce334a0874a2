/** Labels built from data, the same way on every page; the words come from the UI strings (src/i18n/). */
import { t, type Lang } from './i18n.ts';
import { formatFiscalYearName, formatOrdinal } from './format.ts';

/** 令和6年度第2回 / 2nd meeting of FY2024. */
export function meetingOrdinal(fiscalYear: number, ordinal: number, lang: Lang): string {
  return t(lang, 'meeting.numbered', { year: formatFiscalYearName(fiscalYear, lang), n: formatOrdinal(ordinal, lang) });
}

/** 令和6年度第2回 東京都在宅介護・医療協働推進部会 / Tokyo …Subcommittee, 2nd meeting of FY2024. */
export function meetingTitle(
  fiscalYear: number,
  ordinal: number,
  committeeName: { ja: string; en: string },
  lang: Lang,
): string {
  return t(lang, 'meeting.title', {
    numbered: meetingOrdinal(fiscalYear, ordinal, lang),
    committee: committeeName[lang],
  });
}

const HANDOUT_LABEL = /^(参考資料|資料)(.+)$/;

/** 資料5 → Handout 5; 参考資料1-2 → Reference material 1-2. In Japanese, the label as printed. */
export function handoutLabel(label: string, lang: Lang): string {
  const m = HANDOUT_LABEL.exec(label);
  if (!m) return label;
  return t(lang, m[1] === '資料' ? 'handout.label' : 'handout.referenceLabel', { n: m[2]! });
}

/** Anchor id of a handout on its meeting page: 資料5 → handout-5, 参考資料1-2 → reference-1-2. */
export function handoutAnchor(label: string): string {
  const m = HANDOUT_LABEL.exec(label);
  return m ? `${m[1] === '資料' ? 'handout' : 'reference'}-${m[2]}` : `handout-${label}`;
}

/** Anchor id of an agenda item on its meeting page: 3(2) → agenda-3-2, 1 → agenda-1. */
export function agendaAnchor(number: string): string {
  const key = number
    .normalize('NFKC')
    .replace(/[^0-9A-Za-z]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return key ? `agenda-${key}` : 'agenda';
}
