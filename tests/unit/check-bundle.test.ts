/**
 * The bundle of the edit check's modules (src/data/check-bundle.ts): made by a full check under the hash of the code,
 * used after edits instead of the modules, and printing exactly what the modules print.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataCache } from '../../src/data/cache.ts';
import { editModules } from '../../src/data/check-bundle.ts';
import { checkCodeHash } from '../../src/data/check-result.ts';
import { runCheck } from '../../src/data/check-run.ts';
import { checkData } from '../../src/data/index.ts';
import { formatProblem } from '../../src/data/load.ts';
import * as modules from '../../src/data/check-edit-modules.ts';
import { generateData } from '../../scripts/generate-data.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const bundleDir = join(projectRoot, 'node_modules/.cache/zaitaku-atlas');

describe('the bundle of the edit check', () => {
  it('is made by a full check, used after edits, and prints what the modules print', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-check-bundle-'));
    generateData({ programs: 40, out: join(root, 'with'), from: join(projectRoot, 'data') });
    cpSync(join(root, 'with'), join(root, 'without'), { recursive: true, preserveTimestamps: true });
    const check = async (tree: 'with' | 'without') => {
      const env = tree === 'with' ? {} : { ATLAS_CHECK_BUNDLE: '0' };
      const cache = new DataCache(join(root, `cache-${tree}`), 'c', 'summary');
      return runCheck(projectRoot, join(root, tree), env, cache);
    };
    expect((await check('with')).path).toBe('full');
    expect((await check('without')).path).toBe('full');
    const hash = checkCodeHash(projectRoot);
    expect(existsSync(join(bundleDir, `check-${hash}.mjs`))).toBe(true);
    // Only the bundle of the code as it is now is kept.
    expect(readdirSync(bundleDir).filter((name) => /^check-.*\.mjs$/.test(name))).toEqual([`check-${hash}.mjs`]);
    const bundled = await editModules(projectRoot, hash, {});
    expect(bundled.incrementalCheck).not.toBe(modules.incrementalCheck);
    expect(await editModules(projectRoot, hash, { ATLAS_CHECK_BUNDLE: '0' })).toBe(modules);

    const programs = (tree: string) => join(root, tree, 'programs');
    const ids = readdirSync(programs('with')).sort();
    const [first, second, third] = [ids[3]!, ids[7]!, ids[11]!];
    const changes: [string, (tree: string) => void][] = [
      ['a figure edited', (t) => edit(join(programs(t), first), (s) => s.replace(/value: (\d+)/, 'value: $17'))],
      ['a parent that does not exist', (t) => edit(join(programs(t), second), (s) => setParent(s, 'no-such-program'))],
      ['a program removed', (t) => rmSync(join(programs(t), third))],
      [
        'a program added',
        (t) => {
          const copy = readFileSync(join(programs(t), first), 'utf8').replace(/^id: .*$/m, 'id: zz-added');
          writeFileSync(join(programs(t), 'zz-added.yaml'), copy);
        },
      ],
    ];
    const paths = new Set<string>();
    for (const [what, change] of changes) {
      change('with');
      change('without');
      const [withBundle, withoutBundle] = [await check('with'), await check('without')];
      // The same lines, but for the name of the tree.
      const same = {
        ...withoutBundle.outcome,
        problems: withoutBundle.outcome.problems.map((line) => line.replace('/without/', '/with/')),
      };
      expect({ what, path: withBundle.path, outcome: withBundle.outcome }).toEqual({
        what,
        path: withoutBundle.path,
        outcome: same,
      });
      const full = checkData(projectRoot, join(root, 'with')).problems.map(formatProblem);
      expect({ what, problems: withBundle.outcome.problems }).toEqual({ what, problems: full });
      paths.add(withBundle.path);
    }
    // The bundle served the incremental check, and some edit had a problem to print.
    expect(paths.has('incremental')).toBe(true);
    expect((await check('with')).outcome.problems.length).toBeGreaterThan(0);
    rmSync(root, { recursive: true, force: true });
  });

  it('is not used when there is none for the code, or it cannot be loaded', async () => {
    expect(await editModules(projectRoot, 'no-such-code', {})).toBe(modules);
    const broken = join(bundleDir, 'check-broken-for-test.mjs');
    writeFileSync(broken, 'export const = ;');
    try {
      expect(await editModules(projectRoot, 'broken-for-test', {})).toBe(modules);
    } finally {
      rmSync(broken, { force: true });
    }
  });
});

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

function setParent(text: string, parent: string): string {
  return /^parent: /m.test(text)
    ? text.replace(/^parent: .*$/m, `parent: ${parent}`)
    : text.replace(/^(id: .*)$/m, `$1\nparent: ${parent}`);
}
