/**
 * Reading files ahead in worker threads (src/data/load-parallel.ts) must not change a single line of the check:
 * on a tree with problems of every kind (schema, YAML, encoding, file name, integrity), the check that reads in
 * worker threads prints exactly what the one-thread check prints, and the loader returns the same entries.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCheck } from '../../src/data/check-run.ts';
import { summarize } from '../../src/data/integrity.ts';
import { formatProblem, loadData } from '../../src/data/load.ts';
import { prereadInParallel, threadsFor } from '../../src/data/load-parallel.ts';
import { badFixtures, materialize } from '../helpers/fixtures.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** A copy of the real data with problems of many kinds in it. */
function brokenTree(): string {
  const dataRoot = join(mkdtempSync(join(tmpdir(), 'atlas-load-parallel-')), 'data');
  cpSync(join(projectRoot, 'data'), dataRoot, { recursive: true });
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(dataRoot, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };
  // A schema error, an id that is not the file name, a YAML syntax error, a parent that does not exist, an alias
  // (clean, but read by the full path), English with Japanese in it, and a file that is not UTF-8.
  edit('programs/acp-promotion.yaml', (t) => t.replace(/^bureau: .*$/m, 'bureau: [1, 2]'));
  edit('programs/acp-practice-capacity-development.yaml', (t) => t.replace(/^id: .*$/m, 'id: another-id'));
  edit('programs/admission-discharge-coordination.yaml', (t) => `${t}\nname: [unclosed\n`);
  const parentless = readdirSync(join(dataRoot, 'programs')).filter(
    (f) => !/^parent:/m.test(readFileSync(join(dataRoot, 'programs', f), 'utf8')),
  );
  edit(`programs/${parentless[5]}`, (t) => t.replace(/^id: (.*)$/m, 'id: $1\nparent: no-such-program'));
  edit('programs/visiting-nursing-recruitment.yaml', (t) =>
    t.replace(/^(name:\n {2}ja: .*\n {2}en: )(.*)$/m, '$1訪問'),
  );
  edit('glossary.yaml', (t) => t.replace(/^(- id: .*)$/m, '$1\n  id_extra: 1'));
  writeFileSync(join(dataRoot, 'programs/shift-jis.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x82, 0xa0, 0x0a]));
  return dataRoot;
}

describe('the check reading its files in worker threads', () => {
  it('prints exactly the lines of the one-thread check on a tree with problems', async () => {
    const dataRoot = brokenTree();
    const check = async (threads: string) =>
      (await runCheck(projectRoot, dataRoot, { ATLAS_DATA_CACHE: '0', ATLAS_CHECK_THREADS: threads })).outcome;
    const one = await check('1');
    expect(one.problems.length).toBeGreaterThanOrEqual(6);
    for (const about of ['acp-promotion', 'another-id', 'admission-discharge', 'no-such-program', 'shift-jis', '訪問'])
      expect(one.problems.some((line) => line.includes(about))).toBe(true);
    expect(await check('3')).toEqual(one);
  });

  it('gives the loader what it reads itself, every file read in a worker', async () => {
    const dataRoot = brokenTree();
    const ahead = await prereadInParallel(
      dataRoot,
      projectRoot,
      undefined,
      true,
      { ATLAS_CHECK_THREADS: '3' },
      {
        mainThread: false,
      },
    );
    expect(ahead).toBeDefined();
    expect(ahead!.byWorkers).toBeGreaterThan(80);
    // Clean files read ahead, the others (problems) left to the loader.
    expect([...ahead!.reads.values()].filter((read) => read.clean).length).toBeGreaterThan(70);
    expect(ahead!.reads.get('data/programs/acp-promotion.yaml')?.clean).toBeUndefined();
    const alone = loadData(dataRoot, projectRoot, undefined, summarize);
    const withAhead = loadData(dataRoot, projectRoot, undefined, summarize, ahead!.reads);
    expect(withAhead.problems.map(formatProblem)).toEqual(alone.problems.map(formatProblem));
    const shape = (r: typeof alone) =>
      r.entries.map(({ collection, id, file, pathInFile, data }) => ({
        collection,
        id,
        file,
        pathInFile,
        data,
      }));
    expect(shape(withAhead)).toEqual(shape(alone));
    expect(withAhead.invalid).toEqual(alone.invalid);
  });

  it('leaves every malformed fixture tree reported as the loader reports it alone', async () => {
    for (const { name } of badFixtures()) {
      const dataRoot = materialize(name);
      // One thread: the files are read ahead by the main thread, the code a worker runs.
      const ahead = await prereadInParallel(dataRoot, join(dataRoot, '..'), undefined, true, {
        ATLAS_CHECK_THREADS: '1',
      });
      expect(ahead).toBeUndefined();
      const reads = (
        await prereadInParallel(dataRoot, join(dataRoot, '..'), undefined, true, { ATLAS_CHECK_THREADS: '2' })
      )?.reads;
      const alone = loadData(dataRoot, undefined, undefined, summarize).problems.map(formatProblem);
      const withAhead = loadData(dataRoot, undefined, undefined, summarize, reads).problems.map(formatProblem);
      expect(withAhead, name).toEqual(alone);
    }
  });

  it('uses a worker per core that other processes leave idle, or the number of threads it is told', () => {
    expect(threadsFor({}, 2, 0.3)).toEqual({ threads: 2, minFiles: 1000 });
    expect(threadsFor({}, 2, 1.9)).toEqual({ threads: 2, minFiles: 1000 });
    expect(threadsFor({}, 2, 2)).toEqual({ threads: 1, minFiles: 1000 });
    expect(threadsFor({}, 2, 15)).toEqual({ threads: 1, minFiles: 1000 });
    expect(threadsFor({}, 1, 0)).toEqual({ threads: 1, minFiles: 1000 });
    expect(threadsFor({}, 8, 2.5)).toEqual({ threads: 7, minFiles: 1000 });
    expect(threadsFor({}, 8, 6.5)).toEqual({ threads: 3, minFiles: 1000 });
    expect(threadsFor({}, 8, 0)).toEqual({ threads: 8, minFiles: 1000 });
    expect(threadsFor({ ATLAS_CHECK_THREADS: '3' }, 2, 15)).toEqual({ threads: 3, minFiles: 0 });
    expect(threadsFor({ ATLAS_CHECK_THREADS: '1' }, 8, 0)).toEqual({ threads: 1, minFiles: 0 });
  });
});
