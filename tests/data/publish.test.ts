/**
 * A failed build never touches the published site. `npm run build` runs against a small fixture tree
 * (ATLAS_DATA_DIR) into an output directory that already holds a previous site (ATLAS_OUT_DIR), and each
 * step is made to fail in turn: the data check (a bad fixture), a page that throws, the search index step,
 * an output check (ATLAS_TEST_FAULT, see src/integrations/finish-build.ts). After each failure the previous
 * output is identical byte for byte and nothing is left beside it (no staging directory, no lock). Then a build
 * that succeeds replaces it, after repairing what a killed build left behind. `npm run build` runs the index and
 * publishing after the Astro process (scripts/build.ts); a bare `astro build`, which does them itself, once too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { materialize, ROOT, VALID } from '../helpers/fixtures.ts';
import { walk } from '../helpers/dist.ts';
import { parseHeadersFile } from '../../src/lib/csp.ts';

const BUILD_TIMEOUT = 180_000;
let parent = '';
let outDir = '';
let validData = '';

/** Every file under dir (relative path → sha256 of its bytes). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    walk(dir)
      .sort()
      .map((file) => [file.slice(dir.length), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

/** `npm run build` (scripts/build.ts), or with `bare` Astro's own command, whose integration then does every step. */
function build(dataRoot: string, fault?: string, bare = false) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ATLAS_DATA_DIR: dataRoot,
    ATLAS_OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  delete env.ATLAS_TEST_FAULT;
  if (fault) env.ATLAS_TEST_FAULT = fault;
  const [command, args] = bare ? ['npx', ['astro', 'build']] : ['npm', ['run', '-s', 'build']];
  const run = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  return { status: run.status, log: `${run.stdout}\n${run.stderr}` };
}

let previous: Record<string, string> = {};

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
  outDir = join(parent, 'dist');
  // The previously published site: a few files, one nested, one binary.
  mkdirSync(join(outDir, 'programs/x'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>previous</title>');
  writeFileSync(join(outDir, 'programs/x/index.html'), '前回の公開版');
  writeFileSync(join(outDir, 'favicon.bin'), Buffer.from([0, 1, 2, 255]));
  previous = snapshot(outDir);
  validData = join(mkdtempSync(join(tmpdir(), 'atlas-publish-data-')), 'data');
  cpSync(VALID, validData, { recursive: true });
});

/** The previous output is unchanged and nothing else is beside it. */
function expectUntouched(): void {
  expect(snapshot(outDir)).toEqual(previous);
  expect(readdirSync(parent)).toEqual(['dist']);
}

describe('a build that fails leaves the published output untouched', () => {
  it(
    'when the data check fails',
    () => {
      const run = build(materialize('missing-required'));
      expect(run.status, run.log).not.toBe(0);
      expect(run.log).toMatch(/problems? in the data\. Nothing was built; the published site is unchanged/);
      expectUntouched();
    },
    BUILD_TIMEOUT,
  );
  it(
    'when a page throws while Astro renders the pages',
    () => {
      const run = build(validData, 'page');
      expect(run.status, run.log).not.toBe(0);
      expect(run.log).toContain('this page fails on purpose');
      expectUntouched();
    },
    BUILD_TIMEOUT,
  );
  it(
    'when the search index step fails',
    () => {
      const run = build(validData, 'search-index');
      expect(run.status, run.log).not.toBe(0);
      expect(run.log).toContain('[atlas:phase] search-index start');
      expect(run.log).toContain('the index step fails on purpose');
      expectUntouched();
    },
    BUILD_TIMEOUT,
  );
  it(
    'when a check over the built output fails',
    () => {
      const run = build(validData, 'output-check');
      expect(run.status, run.log).not.toBe(0);
      // The checks over the pages run before the index: a broken page stops the build before minutes of indexing.
      expect(run.log).toContain('[atlas:phase] output-check start');
      expect(run.log).not.toContain('[atlas:phase] search-index start');
      expect(run.log).toMatch(/output check: \/about\/: empty HTML file/);
      expect(run.log).toMatch(/problems? in the built output\. Nothing was published/);
      expectUntouched();
    },
    BUILD_TIMEOUT,
  );
});

describe('a build that succeeds', () => {
  it(
    'repairs what a killed build left, then replaces the output as a whole',
    () => {
      // A build killed mid-way: its staging directory and its lock, with a pid that no longer runs.
      const deadPid = 999_999_993;
      mkdirSync(join(parent, `dist.staging-${deadPid}`));
      writeFileSync(join(parent, `dist.staging-${deadPid}`, 'index.html'), 'half-built');
      writeFileSync(join(parent, 'dist.lock'), String(deadPid));
      const run = build(validData);
      expect(run.status, run.log).toBe(0);
      expect(run.log).toMatch(/removed .*dist\.staging-999999993/);
      expect(run.log).toContain('[atlas:phase] publish done');
      // The index is built once the Astro process has finished (its memory returned), not beside it.
      expect(run.log.indexOf('[atlas:phase] search-index start')).toBeGreaterThan(run.log.indexOf('Complete!'));
      expect(readdirSync(parent)).toEqual(['dist']);
      expect(existsSync(join(outDir, 'favicon.bin'))).toBe(false);
      expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('<html lang="ja">');
      for (const file of ['sitemap.xml', '_redirects', 'pagefind/pagefind.js', 'en/search/index.html'])
        expect(existsSync(join(outDir, file)), file).toBe(true);
      const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
      expect(rules.get('/search/*')?.get('Content-Security-Policy')).toContain("'wasm-unsafe-eval'");
    },
    BUILD_TIMEOUT,
  );
  it(
    'as a bare `astro build` too, which indexes (in a child process) and publishes from its own hook',
    () => {
      rmSync(join(outDir, 'pagefind'), { recursive: true });
      const run = build(validData, undefined, true);
      expect(run.status, run.log).toBe(0);
      expect(run.log.indexOf('[atlas:phase] search-index start')).toBeLessThan(run.log.indexOf('Complete!'));
      expect(run.log).toContain('[atlas:phase] publish done');
      expect(readdirSync(parent)).toEqual(['dist']);
      for (const file of ['sitemap.xml', 'pagefind/pagefind.js', 'en/search/index.html'])
        expect(existsSync(join(outDir, file)), file).toBe(true);
    },
    BUILD_TIMEOUT,
  );
});
