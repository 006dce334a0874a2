/**
 * What each page kind tells the search index, as Base.astro props: the kind, the fiscal years the page
 * covers (the `fy` filter, and what a query like 令和6年度 or FY2024 finds) and the filters 取組 /
 * 所管 / 財源. Pages spread the result onto <Base>: `<Base … {...searchProps.program(program, data, lang)}>`.
 * Filter values are the names shown to readers in the page's language (Pagefind keeps one index per language).
 */
import type { Lang } from './i18n.ts';
import type { Program } from '../schemas/program.ts';
import type { Meeting } from '../schemas/meeting.ts';
import type { Committee } from '../schemas/committee.ts';
import type { Plan } from '../schemas/plan.ts';
import type { Regulation } from '../schemas/regulation.ts';
import type { Survey } from '../schemas/survey.ts';
import type { Source } from '../schemas/source.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Relations } from './relations.ts';

export interface SearchProps {
  searchKind: string;
  searchYears: number[];
  searchFilters: Record<string, string[]>;
}

/** Fiscal year (April–March) of a 'YYYY-MM-DD' or 'YYYY-MM' date. */
export function fiscalYearOfDate(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

const sorted = (years: Iterable<number>) => [...new Set(years)].sort((a, b) => a - b);

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to && out.length < 50; y++) out.push(y);
  return out;
}

/**
 * Every fiscal year a program's data speaks about: figures, narratives, marks, details, funding,
 * rates, caps, names, sites.
 */
export function programYears(program: Program): number[] {
  const years: number[] = [];
  for (const f of program.figures) years.push(f.fiscal_year);
  for (const n of program.narratives) years.push(n.fiscal_year);
  for (const m of program.marks) years.push(m.fiscal_year);
  for (const d of program.details) if (d.fiscal_year !== undefined) years.push(d.fiscal_year);
  for (const list of [program.funding, program.subsidy_rates, program.subsidy_caps])
    for (const x of list) years.push(...x.fiscal_years);
  for (const s of program.sites) for (const y of [s.designated_in, s.designated_by]) if (y !== undefined) years.push(y);
  if (program.span?.from !== undefined && program.span?.to !== undefined)
    years.push(...range(program.span.from, program.span.to));
  return sorted(years);
}

type Data = Pick<Relations, 'program' | 'committee'>;

export const searchProps = {
  program(program: Program, data: Data, lang: Lang): SearchProps {
    const { planLinks, bureau, funding } = data.program(program);
    const initiative = planLinks.map((l) => l.initiative.title[lang]);
    const fund = funding.map((f) => f.fund.name[lang]);
    const searchFilters: Record<string, string[]> = {};
    if (initiative.length) searchFilters.initiative = [...new Set(initiative)];
    if (bureau) searchFilters.bureau = [bureau.name[lang]];
    if (fund.length) searchFilters.fund = [...new Set(fund)];
    return { searchKind: 'program', searchYears: programYears(program), searchFilters };
  },
  meeting(meeting: Meeting): SearchProps {
    return { searchKind: 'meeting', searchYears: [meeting.fiscal_year], searchFilters: {} };
  },
  committee(committee: Committee, data: Data): SearchProps {
    const meetings = data.committee(committee).meetings;
    const years = [...committee.rosters.map((r) => r.fiscal_year), ...meetings.map((m) => m.fiscal_year)];
    return { searchKind: 'committee', searchYears: sorted(years), searchFilters: {} };
  },
  plan(plan: Plan): SearchProps {
    const { from, to } = plan.period;
    const years =
      from !== undefined && to !== undefined ? range(from, to) : [from, to].filter((y): y is number => y !== undefined);
    for (const i of plan.initiatives) for (const y of i.years) years.push(y.fiscal_year);
    return { searchKind: 'plan', searchYears: sorted(years), searchFilters: {} };
  },
  /** A 取組/事項 page: its own kind, the years of its narratives and figures, and itself as the 取組 filter. */
  initiative(initiative: Plan['initiatives'][number], lang: Lang): SearchProps {
    const years = [...initiative.years.map((y) => y.fiscal_year), ...initiative.figures.map((f) => f.fiscal_year)];
    return {
      searchKind: 'initiative',
      searchYears: sorted(years),
      searchFilters: { initiative: [initiative.title[lang]] },
    };
  },
  /** An indicator page: the years of its values, and the 取組 it evaluates as the 取組 filter. */
  indicator(indicator: Indicator, data: Pick<Relations, 'indicator'>, lang: Lang): SearchProps {
    const evaluated = data
      .indicator(indicator)
      .listings.flatMap((l) => l.placements.map((p) => p.initiative.title[lang]));
    const searchFilters: Record<string, string[]> = evaluated.length ? { initiative: [...new Set(evaluated)] } : {};
    return { searchKind: 'indicator', searchYears: sorted(indicator.series.map((f) => f.fiscal_year)), searchFilters };
  },
  fiscalYear(year: number): SearchProps {
    return { searchKind: 'fiscal-year', searchYears: [year], searchFilters: {} };
  },
  regulation(regulation: Regulation): SearchProps {
    const years = regulation.revisions.flatMap((r) =>
      [r.date, r.effective].filter((d): d is string => !!d).map(fiscalYearOfDate),
    );
    return { searchKind: 'regulation', searchYears: sorted(years), searchFilters: {} };
  },
  survey(survey: Survey): SearchProps {
    return { searchKind: 'survey', searchYears: [survey.fiscal_year], searchFilters: {} };
  },
  source(source: Source): SearchProps {
    const years = [source.fiscal_year, source.date ? fiscalYearOfDate(source.date) : undefined].filter(
      (y): y is number => y !== undefined,
    );
    return { searchKind: 'source', searchYears: sorted(years), searchFilters: {} };
  },
  /** Pages without years of their own (glossary, about …). */
  other(kind: string): SearchProps {
    return { searchKind: kind, searchYears: [], searchFilters: {} };
  },
};
