import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataCache } from '../../src/data/cache.ts';
import { loadData } from '../../src/data/load.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** A copy of the real data in a temporary folder, with a cache folder beside it. */
function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
  const dataRoot = join(root, 'data');
  cpSync(join(projectRoot, 'data'), dataRoot, { recursive: true });
  const cacheDir = join(root, 'cache');
  const run = (codeHash = 'code-1') => {
    const cache = new DataCache(cacheDir, codeHash);
    const result = loadData(dataRoot, projectRoot, cache);
    return { cache, result };
  };
  return { dataRoot, cacheDir, run };
}

const someProgram = (dataRoot: string) => join(dataRoot, 'programs', readdirSync(join(dataRoot, 'programs'))[0]!);

describe('the data cache', () => {
  it('reads every file on the first run and none on the second', () => {
    const { run } = setUp();
    const first = run();
    expect(first.result.problems).toEqual([]);
    expect(first.cache.misses.length).toBeGreaterThan(10);
    const second = run();
    expect(second.cache.misses).toEqual([]);
    expect(second.result.entries.map((e) => [e.collection, e.id, e.data])).toEqual(
      first.result.entries.map((e) => [e.collection, e.id, e.data]),
    );
  });

  it('re-reads only the file that was edited, and serves its new content', () => {
    const { dataRoot, run } = setUp();
    run();
    const file = someProgram(dataRoot);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(name:\n {2}ja: )(.*)$/m, '$1$2（改）'));
    const { cache, result } = run();
    expect(cache.misses).toHaveLength(1);
    expect(cache.misses[0]!.endsWith(file.split('/').pop()!)).toBe(true);
    const id = file
      .split('/')
      .pop()!
      .replace(/\.yaml$/, '');
    const edited = result.entries.find((e) => e.collection === 'programs' && e.id === id)!;
    expect((edited.data as { name: { ja: string } }).name.ja).toMatch(/（改）$/);
  });

  it('does not re-parse a file that was only touched', () => {
    const { dataRoot, run } = setUp();
    run();
    const file = someProgram(dataRoot);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const touched = run();
    expect(touched.cache.misses).toEqual([]);
    expect(touched.result.problems).toEqual([]);
  });

  it('reads everything again when the schemas or loader change', () => {
    const { run } = setUp();
    run('code-1');
    expect(run('code-1').cache.misses).toEqual([]);
    expect(run('code-2').cache.misses.length).toBeGreaterThan(10);
  });

  it('ignores a corrupt cache and rewrites it', () => {
    const { cacheDir, run } = setUp();
    run();
    for (const shard of readdirSync(cacheDir)) writeFileSync(join(cacheDir, shard), '{"format": 2, "files": [tr');
    const afterCorruption = run();
    expect(afterCorruption.result.problems).toEqual([]);
    expect(afterCorruption.cache.misses.length).toBeGreaterThan(10);
    expect(run().cache.misses).toEqual([]);
  });

  it('keeps no file with a problem, so the problem is found again with its line', () => {
    const { dataRoot, run } = setUp();
    run();
    const file = someProgram(dataRoot);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: /m, 'idd: '));
    for (let i = 0; i < 2; i++) {
      const { result } = run();
      const problem = result.problems.find((p) => p.file.endsWith(file.split('/').pop()!) && p.field === 'idd');
      expect(problem?.line).toBeGreaterThan(0);
    }
  });
});
