import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { DataCache } from '../../src/data/cache.ts';
import { CheckResultStore } from '../../src/data/check-result.ts';
import { runCheck } from '../../src/data/check-run.ts';
import { checkData } from '../../src/data/index.ts';
import { formatProblem } from '../../src/data/load.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** A copy of the real data, and npm run check's steps on it (check-run.ts), with caches in a temporary folder. */
function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'atlas-check-result-'));
  const dataRoot = join(root, 'data');
  cpSync(join(projectRoot, 'data'), dataRoot, { recursive: true });
  const cacheDir = join(root, 'cache');
  const check = async (env: Record<string, string | undefined> = {}) => {
    const { outcome, path } = await runCheck(projectRoot, dataRoot, env, new DataCache(cacheDir, 'code-1', 'summary'));
    // What a full check prints, made without any cache: every path must print exactly this.
    const full = checkData(projectRoot, dataRoot).problems.map(formatProblem);
    expect(outcome.problems).toEqual(full);
    return { path, problems: outcome.problems };
  };
  return { root, dataRoot, check };
}

const program = (dataRoot: string, id: string) => join(dataRoot, 'programs', `${id}.yaml`);

describe("npm run check's stored result", () => {
  it('is printed again when nothing changed, or a file was only touched or restored to the same bytes', async () => {
    const { dataRoot, check } = setUp();
    expect(await check()).toEqual({ path: 'full', problems: [] });
    expect((await check()).path).toBe('stored');
    const file = program(dataRoot, 'visiting-nursing-recruitment');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await check()).path).toBe('stored');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^id: .*$/m, 'id: other'));
    writeFileSync(file, text);
    expect((await check()).path).toBe('stored');
  });

  it('keeps the result after a text edit that leaves the summaries as they were, and not after others', async () => {
    const { dataRoot, check } = setUp();
    await check();
    const file = program(dataRoot, 'visiting-nursing-recruitment');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^(name:\n {2}ja: )(.*)$/m, '$1$2（改）'));
    expect(await check()).toEqual({ path: 'edits', problems: [] });
    expect((await check()).path).toBe('stored');
    // English text in Japanese: the summary says so, and the entry, checked again (check-incremental.ts), has it.
    writeFileSync(file, text.replace(/^(name:\n {2}ja: .*\n {2}en: )(.*)$/m, '$1訪問'));
    const japanese = await check();
    expect(japanese.path).toBe('incremental');
    expect(japanese.problems.some((p) => /name\.en: English text contains Japanese/.test(p))).toBe(true);
    // A later text edit in the file that has a problem: checked again (its lines may have moved).
    writeFileSync(file, `# a comment\n${readFileSync(file, 'utf8')}`);
    const moved = await check();
    expect(moved.path).toBe('incremental');
    expect(moved.problems).toEqual(japanese.problems.map((p) => p.replace(/:(\d+):/, (_, l) => `:${+l + 1}:`)));
  });

  it('checks again after an edit that creates a problem in an unchanged file, or fixes one', async () => {
    const { dataRoot, check } = setUp();
    await check();
    const file = program(dataRoot, 'visiting-nursing-recruitment');
    const text = readFileSync(file, 'utf8');
    // An id that an unchanged file holds, taken as a former id.
    writeFileSync(file, text.replace(/^id: .*$/m, '$&\nformer_ids: [admission-discharge-coordination]'));
    const broken = await check();
    expect(broken.path).toBe('incremental');
    expect(broken.problems.some((p) => /former id "admission-discharge-coordination" is the id of/.test(p))).toBe(true);
    expect(await check()).toEqual({ path: 'stored', problems: broken.problems });
    // A stated total in an unchanged file broken by a figure of one of its parts.
    writeFileSync(
      file,
      text.replace(/^( {4}value: )(\d+)$/gm, (_, key, n) => `${key}${+n + 1}`),
    );
    const total = await check();
    expect(total.path).toBe('incremental');
    expect(total.problems.some((p) => /visiting-nursing-comprehensive-program\.yaml.*stated total/.test(p))).toBe(true);
    // The fix: the problems reported before are gone.
    writeFileSync(file, text);
    expect(await check()).toEqual({ path: 'incremental', problems: [] });
    expect((await check()).path).toBe('stored');
  });

  it('checks again after a file is deleted or added; in full after a rename that breaks id = file name, or a folder', async () => {
    const { dataRoot, check } = setUp();
    await check();
    const file = program(dataRoot, 'admission-discharge-coordination');
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    const deleted = await check();
    expect(deleted.path).toBe('incremental');
    expect(deleted.problems.some((p) => /parent: refers to programs/.test(p))).toBe(true);
    writeFileSync(file, text);
    expect(await check()).toEqual({ path: 'incremental', problems: [] });

    // The id no longer equals the file name: a problem of the file (the loader's), so a full check.
    renameSync(file, program(dataRoot, 'zz-renamed'));
    const renamed = await check();
    expect(renamed.path).toBe('full');
    expect(renamed.problems.length).toBeGreaterThan(0);
    renameSync(program(dataRoot, 'zz-renamed'), file);
    // The last check had a problem of a file: no index of entries was kept, so a full check again.
    expect(await check()).toEqual({ path: 'full', problems: [] });

    writeFileSync(program(dataRoot, 'zz-added'), text.replace(/^id: .*$/m, 'id: zz-added'));
    expect((await check()).path).toBe('incremental');
    rmSync(program(dataRoot, 'zz-added'));
    expect((await check()).path).toBe('incremental');

    mkdirSync(join(dataRoot, 'programs', 'empty'));
    const folder = await check();
    expect(folder.path).toBe('full');
    expect(folder.problems.some((p) => /programs\/empty  is a folder/.test(p))).toBe(true);
  });

  it('is not used on another day, or after a source document changed', () => {
    const { root, dataRoot } = setUp();
    const cacheDir = join(root, 'store');
    const document = join(root, 'document.txt');
    writeFileSync(document, 'a source document');
    const stored = (env = {}) => new CheckResultStore(projectRoot, dataRoot, cacheDir, env);
    const cache = new DataCache(cacheDir, 'code-1', 'summary');
    checkData(projectRoot, dataRoot, { cache, summariesOnly: true });
    const outcome = { problems: [], counts: 'counted' };
    stored().save(outcome, cache, [relative(projectRoot, document)]);
    expect(stored().lookup()).toEqual(outcome);
    expect(stored({ SOURCE_DATE_EPOCH: '4102444800' }).lookup()).toBeUndefined();
    utimesSync(document, new Date(), new Date(Date.now() + 5000));
    expect(stored().lookup()).toEqual(outcome);
    writeFileSync(document, 'another text');
    expect(stored().lookup()).toBeUndefined();
    stored().save(outcome, cache, [relative(projectRoot, document)]);
    rmSync(document);
    expect(stored().lookup()).toBeUndefined();
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
  it('prints the same lines from its stored result, unchanged or after a text edit, as from a full check', () => {
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
    // A text edit in another file: the stored result again, the same lines.
    const other = program(dataRoot, 'admission-discharge-support-staffing');
    writeFileSync(other, readFileSync(other, 'utf8').replace(/^(name:\n {2}ja: )(.*)$/m, '$1$2（改）'));
    expect(run()).toEqual(full);
    rmSync(root, { recursive: true, force: true });
  });
});
