/**
 * Two builds of the same commit are byte-identical: nothing in the output depends on the build
 * time or machine. Builds once more into a temporary directory and compares every file with dist/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { assertBuilt, DIST, walk } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixtures.ts';

beforeAll(assertBuilt);

function hashes(dir: string): Map<string, string> {
  return new Map(walk(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

describe('reproducible build', () => {
  it('produces the same bytes twice', () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'atlas-repro-')), 'dist');
    const run = spawnSync('npm', ['run', '-s', 'build'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const a = hashes(DIST);
    const b = hashes(outDir);
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    expect(
      differing.slice(0, 20),
      `files that differ between two builds:\n${differing.slice(0, 20).join('\n')}`,
    ).toEqual([]);
  }, 600_000);
});
