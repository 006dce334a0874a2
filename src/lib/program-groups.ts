/** Programs grouped the ways the programs index shows them: by plan (課題 → 取組) and by bureau. Pure. */
import type { Program } from '../schemas/program.ts';
import type { Plan } from '../schemas/plan.ts';
import type { Bureau } from '../schemas/bureau.ts';
import { latestBudget, type BudgetPoint } from './figures.ts';

export interface InitiativeGroup {
  initiative: Plan['initiatives'][number];
  /** Programs in source order of ids; relisted (【再掲】) ones flagged. */
  programs: { program: Program; relisted: boolean }[];
}

export interface IssueGroup {
  /** Absent for initiatives without a 課題/領域. */
  issue?: Plan['issues'][number];
  initiatives: InitiativeGroup[];
}

export interface PlanGroup {
  plan: Plan;
  issues: IssueGroup[];
}

/** For each plan that any program links to: its issues → initiatives → linked programs (plan order). */
export function groupByPlan(programs: readonly Program[], plans: readonly Plan[]): PlanGroup[] {
  const out: PlanGroup[] = [];
  for (const plan of plans) {
    const initiativeGroups = plan.initiatives.map((initiative) => ({
      initiative,
      programs: programs.flatMap((program) => {
        const links = program.plan_links.filter((l) => l.plan === plan.id && l.initiative === initiative.id);
        return links.length ? [{ program, relisted: links.every((l) => l.relisted) }] : [];
      }),
    }));
    if (!initiativeGroups.some((g) => g.programs.length)) continue;
    const issues: IssueGroup[] = [];
    for (const issue of plan.issues) {
      const inits = initiativeGroups.filter((g) => g.initiative.issue === issue.id);
      if (inits.length) issues.push({ issue, initiatives: inits });
    }
    const loose = initiativeGroups.filter((g) => !g.initiative.issue || !plan.issues.some((i) => i.id === g.initiative.issue));
    if (loose.length) issues.push({ initiatives: loose });
    out.push({ plan, issues });
  }
  return out;
}

/** Programs with no plan link at all. */
export function programsWithoutPlan(programs: readonly Program[]): Program[] {
  return programs.filter((p) => p.plan_links.length === 0);
}

export interface BureauGroup {
  /** Undefined collects programs whose bureau the sources do not state. */
  bureau?: Bureau;
  programs: Program[];
}

/** Programs by the bureau in charge, in the order of the bureaus list; unknown last. */
export function groupByBureau(programs: readonly Program[], bureaus: readonly Bureau[]): BureauGroup[] {
  const out: BureauGroup[] = [];
  for (const bureau of bureaus) {
    const list = programs.filter((p) => p.bureau === bureau.id);
    if (list.length) out.push({ bureau, programs: list });
  }
  const none = programs.filter((p) => !p.bureau || !bureaus.some((b) => b.id === p.bureau));
  if (none.length) out.push({ programs: none });
  return out;
}

/** Programs with their latest budget, largest first (in yen, so units compare); programs without a budget last, by name. */
export function sortByLatestBudget(programs: readonly Program[], yenPerUnit: (unit: string) => number, nameOf: (p: Program) => string): { program: Program; budget?: BudgetPoint }[] {
  return programs
    .map((program) => ({ program, budget: latestBudget(program.figures) }))
    .sort((a, b) => {
      const av = a.budget ? a.budget.value * yenPerUnit(a.budget.unit) : -1;
      const bv = b.budget ? b.budget.value * yenPerUnit(b.budget.unit) : -1;
      return bv - av || nameOf(a.program).localeCompare(nameOf(b.program), 'ja');
    });
}
