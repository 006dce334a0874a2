/**
 * Every malformed data tree under tests/fixtures/bad/ must be refused: the check reports the file,
 * the line (where the parser knows it) and the field, and the build command writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkData } from '../../src/data/index.ts';
import { formatProblem, type Problem } from '../../src/data/load.ts';
import {
  badFixtures,
  GOOD,
  goodFixtures,
  markerLine,
  materialize,
  ROOT,
  VALID,
  type ProblemExpectation,
} from '../helpers/fixtures.ts';

const fixtures = badFixtures();

describe('the valid fixture tree', () => {
  it('passes the check', () => {
    const { problems } = checkData(ROOT, VALID);
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe('malformed data is refused with file, line and field', () => {
  it('has at least 30 malformed fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)('$name', ({ name, expect: exp }) => {
    const dataRoot = materialize(name);
    const { problems } = checkData(ROOT, dataRoot);
    for (const want of [exp, ...(exp.more ?? [])]) expectProblem(problems, want, name);
  });
});

/** The problem `want` is among `problems`, in its file, at its line and field, and printed as file:line:column. */
function expectProblem(problems: Problem[], want: ProblemExpectation, name: string) {
  const lines = problems.map(formatProblem);
  const match = problems.find((p) => p.file.endsWith(`data/${want.file}`) && new RegExp(want.message).test(p.message));
  expect(match, `no problem in ${want.file} matching /${want.message}/; got:\n${lines.join('\n')}`).toBeDefined();
  if (want.field) expect(match!.field).toBe(want.field);
  const file = want.file.replace(/[.]/g, '\\.');
  if (want.line === 'none') {
    // About the file or folder as a whole: named, without a line.
    expect(match!.line, lines.join('\n')).toBeUndefined();
    expect(formatProblem(match!)).toMatch(new RegExp(`data/${file}  `));
    return;
  }
  const wantLine = want.line === 'marker' ? markerLine(name, want.file) : want.line;
  if (wantLine !== undefined) expect(match!.line, lines.join('\n')).toBe(wantLine);
  else expect(match!.line).toBeGreaterThan(0);
  // The printed message names file:line.
  expect(formatProblem(match!)).toMatch(new RegExp(`${file}:\\d+:\\d+`));
}

describe('well-formed but unusual data is accepted', () => {
  it.each(goodFixtures())('$name', ({ name }) => {
    const { problems } = checkData(ROOT, materialize(name, GOOD));
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

/**
 * The build refuses malformed data through the same checkData as the tests above (src/integrations/atlas.ts), so
 * the build command runs on one fixture of each way data can fail — the file system, the encoding, YAML, the
 * schema, the rules across files, size, many problems at once — not on all 100+: each run is a few seconds of
 * process start-up, and all of them were most of this suite's time. ATLAS_ALL_FIXTURE_BUILDS=1 runs every one.
 */
const BUILD_SAMPLE = [
  'data-collection-missing',
  'file-fifo',
  'file-symlink-dev-zero',
  'not-utf8-shift-jis-file',
  'yaml-unclosed-bracket',
  'yaml-billion-laughs',
  'missing-required',
  'unknown-key-nested',
  'dangling-parent',
  'total-mismatch',
  'meeting-id-reserved',
  'huge-file',
  'many-independent-problems',
];
const buildFixtures = process.env.ATLAS_ALL_FIXTURE_BUILDS
  ? fixtures
  : fixtures.filter(({ name }) => BUILD_SAMPLE.includes(name));

describe('the build command on malformed data', () => {
  it('runs on fixtures that all exist', () => {
    expect(buildFixtures.map(({ name }) => name).sort()).toEqual(
      process.env.ATLAS_ALL_FIXTURE_BUILDS ? fixtures.map(({ name }) => name).sort() : [...BUILD_SAMPLE].sort(),
    );
  });

  // Each run is mostly process start-up: run a few at once (vitest's maxConcurrency) to keep the suite short.
  it.concurrent.each(buildFixtures)(
    '$name: exits non-zero, names the file and writes no output directory',
    async ({ name, expect: exp }) => {
      const dataRoot = materialize(name);
      const outDir = join(mkdtempSync(join(tmpdir(), 'atlas-out-')), 'dist');
      const run = await npm(['run', '-s', 'build'], {
        ...process.env,
        ATLAS_DATA_DIR: dataRoot,
        ATLAS_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(exp.file);
      expect(run.stderr).toMatch(/Nothing was built/);
      expect(existsSync(outDir)).toBe(false);
    },
  );
});

function npm(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('npm run check', () => {
  it('prints every problem, not just the first', () => {
    const dataRoot = materialize('total-mismatch');
    // Add a second, unrelated problem in another file.
    execFileSync('sed', [
      '-i',
      "s/date: '2025-02-05'/date: '2025-13-40'/",
      join(dataRoot, 'meetings/subcommittee-2024-2.yaml'),
    ]);
    const run = spawnSync('npm', ['run', '-s', 'check'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_DATA_DIR: dataRoot },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nursing-total\.yaml:\d+:\d+ .*stated total/);
    expect(run.stderr).toMatch(/subcommittee-2024-2\.yaml:\d+:\d+ .*does not exist/);
    expect(run.stderr).toMatch(/✗ \d+ problems/);
  });
});
