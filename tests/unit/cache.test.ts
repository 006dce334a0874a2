import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { DataCache, dataCacheFor } from '../../src/data/cache.ts';
import { checkData } from '../../src/data/index.ts';
import { formatProblem, loadData } from '../../src/data/load.ts';

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

/**
 * `npm run check` keeps integrity summaries (not whole entries) and runs the cross-file rules on them: an
 * edit in one file that breaks a rule involving another, unchanged file must still be reported there,
 * exactly as the check on the whole data reports it.
 */
describe("the check's summaries cache", () => {
  function setUpCheck() {
    const { dataRoot, cacheDir } = setUp();
    const check = () => {
      const cache = new DataCache(cacheDir, 'code-1', 'summary');
      const result = checkData(projectRoot, dataRoot, { cache, summariesOnly: true });
      const whole = checkData(projectRoot, dataRoot).problems.map(formatProblem);
      return { misses: cache.misses, problems: result.problems.map(formatProblem), whole, result };
    };
    expect(check().problems).toEqual([]);
    const second = check();
    expect(second.misses).toEqual([]);
    expect(second.result.entries.every((e) => e.summary && e.full)).toBe(true);
    return { dataRoot, check };
  }
  const programFile = (dataRoot: string, id: string) => join(dataRoot, 'programs', `${id}.yaml`);
  /** Edits a data file through yaml's document, so the rest of the file keeps its lines. */
  const editYaml = (file: string, change: (doc: Document) => void) => {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    change(doc);
    writeFileSync(file, doc.toString());
  };
  /** The warm check printed `pattern` and exactly what the check on the whole data prints. */
  const expectReported = (run: ReturnType<ReturnType<typeof setUpCheck>['check']>, pattern: RegExp) => {
    expect(
      run.problems.some((p) => pattern.test(p)),
      run.problems.join('\n'),
    ).toBe(true);
    expect(run.problems).toEqual(run.whole);
  };

  it('reports a stated total in an unchanged file that an edit of one of its parts breaks', () => {
    const { dataRoot, check } = setUpCheck();
    editYaml(programFile(dataRoot, 'visiting-nursing-recruitment'), (doc) => {
      const figures = doc.get('figures') as YAMLSeq<YAMLMap>;
      const part = figures.items.find((f) => f.get('fiscal_year') === 2025 && f.get('kind') === 'budget-proposed')!;
      part.set('value', (part.get('value') as number) + 1);
    });
    const run = check();
    expect(run.misses).toHaveLength(1);
    expectReported(run, /visiting-nursing-comprehensive-program\.yaml:\d+:\d+ {2}figures\[\d+\]\.value: stated total/);
  });

  it('reports a reference in an unchanged file to a program that was deleted or renamed', () => {
    const { dataRoot, check } = setUpCheck();
    rmSync(programFile(dataRoot, 'admission-discharge-coordination'));
    const deleted = check();
    expect(deleted.misses).toEqual([]);
    expectReported(deleted, /admission-discharge-support-staffing\.yaml:8:1 {2}parent: refers to programs/);

    const { dataRoot: root2, check: check2 } = setUpCheck();
    const old = programFile(root2, 'admission-discharge-coordination');
    const text = readFileSync(old, 'utf8').replace(/^id: .*$/m, 'id: admission-discharge-coordination-renamed');
    rmSync(old);
    writeFileSync(programFile(root2, 'admission-discharge-coordination-renamed'), text);
    const renamed = check2();
    expect(renamed.misses).toHaveLength(1);
    expectReported(renamed, /admission-discharge-support-staffing\.yaml:8:1 {2}parent: refers to programs/);
    // Renamed back: nothing is reported.
    rmSync(programFile(root2, 'admission-discharge-coordination-renamed'));
    writeFileSync(old, text.replace(/^id: .*$/m, 'id: admission-discharge-coordination'));
    expect(check2().problems).toEqual([]);
  });

  it('reports an added file that takes an existing program id as a former id, and a duplicate id in a list', () => {
    const { dataRoot, check } = setUpCheck();
    const source = readFileSync(programFile(dataRoot, 'admission-discharge-support-staffing'), 'utf8');
    const added = source
      .replace(/^id: .*$/m, 'id: zz-added-program\nformer_ids: [visiting-nursing-recruitment]')
      .replace(/^parent: .*\n/m, '');
    writeFileSync(programFile(dataRoot, 'zz-added-program'), added);
    const run = check();
    expect(run.misses).toHaveLength(1);
    expectReported(run, /zz-added-program\.yaml:\d+:\d+ {2}former_ids\[0\]: former id "visiting-nursing-recruitment"/);

    const municipalities = join(dataRoot, 'municipalities.yaml');
    const text = readFileSync(municipalities, 'utf8');
    const first = text.slice(text.indexOf('\n- ') + 1, text.indexOf('\n- ', text.indexOf('\n- ') + 1) + 1);
    writeFileSync(municipalities, `${text.trimEnd()}\n${first}`);
    expectReported(check(), /municipalities\.yaml:\d+:\d+ {2}\[\d+\]\.id: duplicate municipalities id/);
  });

  it('reads an unchanged file in full to place a citation that an edit elsewhere broke', () => {
    const { dataRoot, check } = setUpCheck();
    // Drop a source document every program cites: each citation is reported at its own line, in files
    // whose summaries come from the cache.
    editYaml(join(dataRoot, 'sources.yaml'), (doc) => {
      const sources = doc.contents as YAMLSeq<YAMLMap>;
      sources.items = sources.items.filter((s) => s.get('id') !== 'zaitaku-bukai-fy2024-2-materials');
    });
    const run = check();
    expect(run.misses).toHaveLength(1);
    expectReported(
      run,
      /acp-practice-capacity-development\.yaml:\d+:\d+ {2}summary_source\.document: refers to source/,
    );
  });

  it('makes every summary again when the integrity rules change', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-code-'));
    for (const dir of ['src/schemas', 'src/data']) cpSync(join(projectRoot, dir), join(root, dir), { recursive: true });
    const hash = (kind: 'shard' | 'summary') => dataCacheFor(root, join(root, 'data'), kind);
    const before = { shard: hash('shard').codeHash, summary: hash('summary').codeHash };
    writeFileSync(join(root, 'src/data/integrity.ts'), '// a rule changed\n', { flag: 'a' });
    expect(hash('summary').codeHash).not.toBe(before.summary);
    // The build's whole entries do not depend on the rules.
    expect(hash('shard').codeHash).toBe(before.shard);
  });
});
