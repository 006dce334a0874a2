/**
 * 国庫負担: a program page may say あり / Yes only when the data records a mark the document ties to
 * that program (national_subsidy.marked: true, certain). A program in a plan's national_subsidy_groups
 * ("3 of these 8 programs are marked") shows the group statement instead, never あり.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkData } from '../../src/data/index.ts';
import type { Program } from '../../src/schemas/program.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { assertBuilt, DIST, fileFor, read } from '../helpers/dist.ts';

beforeAll(assertBuilt);

const data = checkData(ROOT);
const of = <T>(c: string) => data.entries.filter((e) => e.collection === c).map((e) => e.data as T);
const programs = of<Program>('programs');
const grouped = new Set(of<Plan>('plans').flatMap((p) => p.national_subsidy_groups.flatMap((g) => g.programs)));

const LABEL = { ja: '国庫負担', en: 'National government share' } as const;
const YES = { ja: 'あり', en: 'Yes' } as const;

/** The text of every <dd> that follows a <dt> with the label, tags stripped. */
function answers(html: string, label: string): string[] {
  const re = new RegExp(`<dt[^>]*>\\s*${label}\\s*</dt>\\s*<dd[^>]*>([\\s\\S]*?)</dd>`, 'g');
  return [...html.matchAll(re)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

describe('国庫負担 on program pages', () => {
  it.each(['ja', 'en'] as const)('%s: says "yes" only for a mark the document ties to the program', (lang) => {
    const wrong: string[] = [];
    for (const p of programs) {
      const file = fileFor(`${lang === 'en' ? '/en' : ''}/programs/${p.id}/`);
      if (!file) {
        wrong.push(`${p.id}: no page in ${join(DIST)}`);
        continue;
      }
      const documented = p.national_subsidy?.marked === true && p.national_subsidy.confidence === 'certain';
      for (const text of answers(read(file), LABEL[lang]))
        if (text.startsWith(YES[lang]) && !documented) wrong.push(`${p.id}: "${text.slice(0, 40)}"`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('shows the group statement (N of M, which unknown) on every grouped program page', () => {
    expect(grouped.size).toBeGreaterThan(0);
    const missing = [...grouped].filter((id) => {
      const ja = answers(read(fileFor(`/programs/${id}/`)!), LABEL.ja).join(' ');
      const en = answers(read(fileFor(`/en/programs/${id}/`)!), LABEL.en).join(' ');
      return (
        !/\d+事業のうち\d+事業に〇（どの事業かは資料から特定できない）/.test(ja) || !/without showing which/.test(en)
      );
    });
    expect(missing).toEqual([]);
  });
});
