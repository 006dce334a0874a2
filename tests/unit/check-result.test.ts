import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { DataCache } from '../../src/data/cache.ts';
import { CheckResultStore, type CheckOutcome } from '../../src/data/check-result.ts';
import { checkData } from '../../src/data/index.ts';
import { formatProblem } from '../../src/data/load.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** A copy of the real data, and a check that uses the stored result when it can (as scripts/check.ts does). */
function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'atlas-check-result-'));
  const dataRoot = join(root, 'data');
  cpSync(join(projectRoot, 'data'), dataRoot, { recursive: true });
  const cacheDir = join(root, 'cache');
  const document = join(root, 'document.txt');
  writeFileSync(document, 'a source document');
  const check = (env: Record<string, string | undefined> = {}) => {
    const store = new CheckResultStore(projectRoot, dataRoot, cacheDir, env);
    const stored = store.lookup();
    // What a full check prints, made without any cache: the stored result must equal it line for line.
    const full = checkData(projectRoot, dataRoot).problems.map(formatProblem);
    if (stored) return { fromStore: true, problems: stored.problems, full };
    const cache = new DataCache(cacheDir, 'code-1', 'summary');
    const result = checkData(projectRoot, dataRoot, { cache, summariesOnly: true });
    const outcome: CheckOutcome = { problems: result.problems.map(formatProblem), counts: 'counted' };
    store.save(outcome, cache, [relative(projectRoot, document)]);
    return { fromStore: false, problems: outcome.problems, full };
  };
  const first = check();
  expect(first.fromStore).toBe(false);
  expect(first.problems).toEqual([]);
  return { dataRoot, document, check };
}

const program = (dataRoot: string, id: string) => join(dataRoot, 'programs', `${id}.yaml`);

describe("npm run check's stored result", () => {
  it('is printed again when nothing changed, or a file was only touched or restored to the same bytes', () => {
    const { dataRoot, check } = setUp();
    expect(check().fromStore).toBe(true);
    const file = program(dataRoot, 'visiting-nursing-recruitment');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(check().fromStore).toBe(true);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^id: .*$/m, 'id: other'));
    writeFileSync(file, text);
    expect(check().fromStore).toBe(true);
  });

  it('is not used after an edit, and the full check then reports what a check without cache does', () => {
    const { dataRoot, check } = setUp();
    const file = program(dataRoot, 'visiting-nursing-recruitment');
    const text = readFileSync(file, 'utf8');
    // An id that an unchanged file holds, taken as a former id: reported.
    writeFileSync(file, text.replace(/^id: .*$/m, '$&\nformer_ids: [admission-discharge-coordination]'));
    const broken = check();
    expect(broken.fromStore).toBe(false);
    expect(broken.problems.some((p) => /former id "admission-discharge-coordination" is the id of/.test(p))).toBe(true);
    expect(broken.problems).toEqual(broken.full);
    // Stored with its problems: printed again while nothing changes.
    const again = check();
    expect(again).toMatchObject({ fromStore: true, problems: broken.problems });
    // The fix: the problem reported before is gone.
    writeFileSync(file, text);
    const fixed = check();
    expect(fixed).toMatchObject({ fromStore: false, problems: [] });
    expect(check().fromStore).toBe(true);
  });

  it('is not used after a file is deleted, renamed or added, or a folder is added', () => {
    const { dataRoot, check } = setUp();
    const file = program(dataRoot, 'admission-discharge-coordination');
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    const deleted = check();
    expect(deleted.fromStore).toBe(false);
    expect(deleted.problems.some((p) => /parent: refers to programs/.test(p))).toBe(true);
    expect(deleted.problems).toEqual(deleted.full);
    writeFileSync(file, text);
    expect(check()).toMatchObject({ fromStore: false, problems: [] });

    renameSync(file, program(dataRoot, 'zz-renamed'));
    const renamed = check();
    expect(renamed.fromStore).toBe(false);
    expect(renamed.problems.length).toBeGreaterThan(0);
    expect(renamed.problems).toEqual(renamed.full);
    renameSync(program(dataRoot, 'zz-renamed'), file);
    expect(check()).toMatchObject({ fromStore: false, problems: [] });

    writeFileSync(program(dataRoot, 'zz-added'), text.replace(/^id: .*$/m, 'id: zz-added'));
    const added = check();
    expect(added.fromStore).toBe(false);
    expect(added.problems).toEqual(added.full);
    rmSync(program(dataRoot, 'zz-added'));
    expect(check().fromStore).toBe(false);

    mkdirSync(join(dataRoot, 'programs', 'empty'));
    expect(check().fromStore).toBe(false);
  });

  it('is not used on another day, or after a source document changed', () => {
    const { document, check } = setUp();
    expect(check({ SOURCE_DATE_EPOCH: '4102444800' }).fromStore).toBe(false);
    expect(check().fromStore).toBe(false);
    expect(check().fromStore).toBe(true);
    writeFileSync(document, 'another text');
    expect(check().fromStore).toBe(false);
    rmSync(document);
    expect(check().fromStore).toBe(false);
    expect(check().fromStore).toBe(true);
  });

  it('is not used after a change to the code of the check', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-check-code-'));
    const project = join(root, 'project');
    for (const dir of ['src/data', 'src/schemas', 'src/lib', 'scripts'])
      cpSync(join(projectRoot, dir), join(project, dir), { recursive: true });
    const dataRoot = join(root, 'data');
    cpSync(join(projectRoot, 'data'), dataRoot, { recursive: true });
    const cacheDir = join(root, 'cache');
    const stored = () => new CheckResultStore(project, dataRoot, cacheDir, {});
    const cache = new DataCache(cacheDir, 'code-1', 'summary');
    checkData(projectRoot, dataRoot, { cache, summariesOnly: true });
    stored().save({ problems: [], counts: 'counted' }, cache, []);
    expect(stored().lookup()).toEqual({ problems: [], counts: 'counted' });
    const rules = join(project, 'src/data/integrity.ts');
    writeFileSync(rules, `${readFileSync(rules, 'utf8')}\n// changed\n`);
    expect(stored().lookup()).toBeUndefined();
  });
});

describe('npm run check', () => {
  it('prints the same lines from its stored result as from a full check', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-check-script-'));
    const dataRoot = join(root, 'data');
    cpSync(join(projectRoot, 'data'), dataRoot, { recursive: true });
    const file = program(dataRoot, 'visiting-nursing-recruitment');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^id: .*$/m, '$&\nformer_ids: [admission-discharge-coordination]'),
    );
    const run = () => {
      const out = spawnSync(process.execPath, ['scripts/check.ts', '--data', dataRoot], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      return { status: out.status, stdout: out.stdout, stderr: out.stderr.replace(/\(\d+ ms\)/, '(… ms)') };
    };
    const full = run();
    expect(full.status).toBe(1);
    expect(full.stderr).toMatch(/former id "admission-discharge-coordination" is the id of a current program/);
    expect(run()).toEqual(full);
    rmSync(root, { recursive: true, force: true });
  });
});
