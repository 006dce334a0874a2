/**
 * Completeness: every program-like name in the five source documents (a run of text ending in 事業,
 * 部会, 会議 or 研修) is held by the data — a program, committee, meeting item, plan, indicator or
 * regulation name (or former name), a program's summary, detail or narrative, a committee's purpose — or listed with a reason in
 * tests/completeness-exclusions.tsv.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkData } from '../../src/data/index.ts';
import { isHeld, programLikeRuns } from '../helpers/completeness.ts';
import { searchKey } from '../../src/lib/text.ts';
import type { Program } from '../../src/schemas/program.ts';
import type { Committee } from '../../src/schemas/committee.ts';
import type { Meeting } from '../../src/schemas/meeting.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import type { Indicator } from '../../src/schemas/indicator.ts';
import type { Regulation } from '../../src/schemas/regulation.ts';
import type { Survey } from '../../src/schemas/survey.ts';
import type { GlossaryEntry } from '../../src/schemas/glossary.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { UNIT_KEYS } from '../../src/lib/units.ts';

const data = checkData(ROOT);
const of = <T>(c: string) => data.entries.filter((e) => e.collection === c).map((e) => e.data as T);

function heldNames(): string[] {
  const names: string[] = [];
  for (const p of of<Program>('programs')) {
    names.push(
      p.name.ja,
      p.summary.ja,
      ...p.former_names.map((f) => f.name.ja),
      ...p.details.map((d) => d.text.ja),
      ...p.narratives.map((n) => n.text.ja),
    );
    names.push(...p.figures.map((f) => f.label.ja));
  }
  for (const c of of<Committee>('committees'))
    names.push(c.name.ja, c.purpose.ja, ...c.former_names.map((f) => f.name.ja));
  for (const m of of<Meeting>('meetings'))
    names.push(...m.agenda.map((a) => a.title.ja), ...m.handouts.map((h) => h.title.ja));
  for (const p of of<Plan>('plans')) {
    names.push(p.name.ja, ...p.issues.map((i) => i.title.ja), ...p.notes.map((n) => n.text.ja));
    for (const it of p.initiatives) {
      names.push(
        it.title.ja,
        ...(it.goal ? [it.goal.ja] : []),
        ...(it.vision ? [it.vision.ja] : []),
        ...it.past_work.map((x) => x.ja),
        ...it.challenges.map((x) => x.ja),
        ...it.directions.map((x) => x.ja),
      );
      for (const y of it.years)
        names.push(...(y.activities ? [y.activities.ja] : []), ...(y.self_evaluation ? [y.self_evaluation.ja] : []));
      names.push(...it.figures.map((f) => f.label.ja));
    }
  }
  for (const i of of<Indicator>('indicators')) {
    names.push(i.name.ja, ...i.listings.flatMap((l) => (l.name ? [l.name.ja] : [])));
    names.push(...[i.definition, i.data_source].flatMap((x) => (x ? [x.text.ja] : [])));
    names.push(...i.series.map((f) => f.label.ja));
  }
  for (const r of of<Regulation>('regulations')) names.push(r.title.ja, JSON.stringify(r.articles));
  for (const s of of<Survey>('surveys'))
    names.push(
      s.title.ja,
      s.purpose.ja,
      s.target.ja,
      ...s.items.map((i) => i.text.ja),
      ...s.schedule.map((i) => i.text.ja),
    );
  for (const g of of<GlossaryEntry>('glossary')) names.push(g.term.ja);
  return names;
}

function exclusions(): Map<string, string> {
  const map = new Map<string, string>();
  const text = readFileSync(join(ROOT, 'tests/completeness-exclusions.tsv'), 'utf8');
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [run, reason] = line.split('\t');
    if (!run || !reason?.trim()) throw new Error(`exclusion without a reason: ${line}`);
    map.set(searchKey(run), reason);
  }
  return map;
}

describe('completeness of the curated data', () => {
  it('the data passes the check', () => {
    expect(data.problems.length).toBe(0);
  });

  it('holds or explicitly excludes every program-like name in the source documents', () => {
    const names = heldNames();
    const excluded = exclusions();
    const missing: string[] = [];
    for (const file of readdirSync(join(ROOT, 'seeds')).sort()) {
      for (const run of programLikeRuns(readFileSync(join(ROOT, 'seeds', file), 'utf8'))) {
        if (!isHeld(run, names) && !excluded.has(searchKey(run))) missing.push(`${file}\t${run}`);
      }
    }
    expect(missing, `not in the data and not excluded:\n${missing.join('\n')}`).toEqual([]);
  });

  it('excludes nothing that the data actually holds or the documents do not contain', () => {
    const names = heldNames();
    const all = new Set(
      readdirSync(join(ROOT, 'seeds')).flatMap((f) =>
        programLikeRuns(readFileSync(join(ROOT, 'seeds', f), 'utf8')).map(searchKey),
      ),
    );
    const stale = [...exclusions().keys()].filter((run) => !all.has(run) || isHeld(run, names));
    expect(stale, `exclusions to remove:\n${stale.join('\n')}`).toEqual([]);
  });
});

describe('program-like runs (tests/helpers/completeness.ts)', () => {
  it('finds runs ending in 事業, 部会, 会議 and 研修, split at punctuation and spaces', () => {
    const runs = programLikeRuns('■在宅療養研修事業【11,209千円】\n○東京都在宅療養推進会議の開催・ACP推進部会');
    expect(runs).toEqual(
      expect.arrayContaining(['在宅療養研修', '在宅療養研修事業', '東京都在宅療養推進会議', 'ACP推進部会']),
    );
    expect(runs).not.toContain('11,209千円');
  });
  it('folds full-width letters', () => {
    expect(programLikeRuns('ＡＣＰ推進事業')).toContain('ACP推進事業');
  });
  it('counts a run as held when a name contains it, ignoring spaces and width', () => {
    expect(isHeld('在宅療養研修', ['在宅療養研修事業'])).toBe(true);
    expect(isHeld('ACP推進事業', ['ＡＣＰ推進事業'])).toBe(true);
    expect(isHeld('存在しない事業', ['在宅療養研修事業'])).toBe(false);
  });
});

describe('plan items without a program', () => {
  // A count printed in such an item's goal or yearly activities (26区市町村, 12回, 年1回以上 …) has no
  // program to hold it, so it must be a figure of the item itself.
  const units = [...UNIT_KEYS].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const count = new RegExp(`(?<![\\d.:/])(\\d[\\d,]*(?:\\.\\d+)?)(${units.join('|')})`, 'g');
  const linked = new Set(of<Program>('programs').flatMap((p) => p.plan_links.map((l) => `${l.plan}/${l.initiative}`)));

  it('hold every count printed in their goal and yearly activities as figures', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const plan of of<Plan>('plans')) {
      for (const it of plan.initiatives) {
        if (linked.has(`${plan.id}/${it.id}`)) continue;
        const texts = [it.goal?.ja, ...it.years.map((y) => y.activities?.ja)].filter((t): t is string => !!t);
        for (const text of texts) {
          for (const m of text.normalize('NFKC').matchAll(count)) {
            checked++;
            const value = Number(m[1]!.replace(/,/g, ''));
            if (!it.figures.some((f) => f.value === value && f.unit === m[2]))
              missing.push(`${plan.id}/${it.id}: ${m[0]}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(missing, `counts without a figure:\n${missing.join('\n')}`).toEqual([]);
  });
});
