/**
 * The benchmark's data generator (scripts/generate-data.ts) writes a tree the data check accepts,
 * with the shape the benchmark relies on: N programs with figures over about ten fiscal years,
 * stated totals, uncertain and derived figures, about N/10 meetings, committees with rosters —
 * and the same tree for the same seed. `npm run check` reads it through ATLAS_DATA_DIR.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkData } from '../../src/data/index.ts';
import { formatProblem } from '../../src/data/load.ts';
import type { Committee } from '../../src/schemas/committee.ts';
import type { Program } from '../../src/schemas/program.ts';
import { generateData } from '../../scripts/generate-data.ts';
import { ROOT } from '../helpers/fixtures.ts';

const N = 30;
const base = mkdtempSync(join(tmpdir(), 'atlas-generated-'));
const dir = join(base, 'a');
const summary = generateData({ programs: N, out: dir, seed: 7 });
const data = checkData(ROOT, dir);
afterAll(() => rmSync(base, { recursive: true, force: true }));
const of = <T>(collection: string) => data.entries.filter((e) => e.collection === collection).map((e) => e.data as T);

function filesOf(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out.set(`${rel}${e.name}`, readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(root, '');
  return out;
}

describe(`a generated tree of ${N} programs`, () => {
  it('has no problems', () => {
    expect(data.problems.map(formatProblem)).toEqual([]);
  });

  it('has N programs, about N/10 meetings, and committees with rosters', () => {
    expect(of('programs')).toHaveLength(N);
    expect(summary.meetings).toBe(Math.round(N / 10));
    expect(of('meetings')).toHaveLength(summary.meetings);
    const committees = of<Committee>('committees');
    expect(committees.length).toBeGreaterThan(0);
    for (const c of committees) expect(c.rosters.length).toBeGreaterThanOrEqual(3);
    for (const name of ['sources', 'glossary', 'municipalities', 'bureaus', 'funds', 'plans'])
      expect(of(name).length, name).toBeGreaterThan(0);
  });

  it('gives programs figures over about ten fiscal years, with stated totals, uncertain and derived figures', () => {
    const programs = of<Program>('programs');
    const years = programs.map((p) => new Set(p.figures.map((f) => f.fiscal_year)).size);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(10);
    expect(years.filter((y) => y >= 8).length).toBeGreaterThan(N / 2);
    const figures = programs.flatMap((p) => p.figures);
    expect(figures.some((f) => f.total_of)).toBe(true);
    expect(figures.some((f) => f.confidence === 'uncertain')).toBe(true);
    expect(figures.some((f) => f.derived)).toBe(true);
    expect(new Set(figures.map((f) => f.unit)).size).toBeGreaterThanOrEqual(4);
    expect(programs.some((p) => p.parent)).toBe(true);
    expect(programs.some((p) => p.plan_links.length)).toBe(true);
  });

  it('is the same tree for the same seed, and another for another seed', () => {
    const again = join(base, 'b');
    generateData({ programs: N, out: again, seed: 7 });
    expect(filesOf(again)).toEqual(filesOf(dir));
    const other = join(base, 'c');
    generateData({ programs: N, out: other, seed: 8 });
    expect(filesOf(other)).not.toEqual(filesOf(dir));
  });

  it('refuses to write into a directory it did not generate', () => {
    const foreign = join(base, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'not generated');
    expect(() => generateData({ programs: 2, out: foreign })).toThrow(/not empty/);
    expect(readFileSync(join(foreign, 'keep.txt'), 'utf8')).toBe('not generated');
  });

  it('passes `npm run check` with ATLAS_DATA_DIR pointing at it', () => {
    const run = spawnSync('npm', ['run', '-s', 'check'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`✓ data is valid: ${N} programs`));
  });
});
