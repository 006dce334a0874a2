import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acquireLock,
  asideDirOf,
  discard,
  leftoversOf,
  lockFileOf,
  prepareStaging,
  processAlive,
  publish,
  recover,
  stagingDirOf,
} from '../../src/integrations/publish.ts';

let parent = '';
let outDir = '';
const DEAD = 999_999_991;
const dead = () => false;

/** Writes files (path → text) under dir. */
function tree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'atlas-publish-unit-'));
  outDir = join(parent, 'dist');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('publish', () => {
  it('replaces the output with the staging directory and removes the previous output', () => {
    tree(outDir, { 'index.html': 'old', 'gone.html': 'old page' });
    const staging = prepareStaging(outDir);
    tree(staging, { 'index.html': 'new' });
    publish(staging, outDir);
    expect(read(outDir, 'index.html')).toBe('new');
    expect(existsSync(join(outDir, 'gone.html'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['dist']);
  });
  it('publishes when there was no previous output', () => {
    const staging = prepareStaging(outDir);
    tree(staging, { 'index.html': 'first' });
    publish(staging, outDir);
    expect(read(outDir, 'index.html')).toBe('first');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
  it('refuses to publish a staging directory that does not exist, leaving the output as it was', () => {
    tree(outDir, { 'index.html': 'old' });
    expect(() => publish(stagingDirOf(outDir), outDir)).toThrow(/nothing to publish/);
    expect(read(outDir, 'index.html')).toBe('old');
  });
  it('discard removes a staging directory and nothing else', () => {
    tree(outDir, { 'index.html': 'old' });
    const staging = prepareStaging(outDir);
    tree(staging, { 'index.html': 'half' });
    discard(staging);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(read(outDir, 'index.html')).toBe('old');
  });
  it('names staging and set-aside directories beside the output, with the pid', () => {
    expect(stagingDirOf('/x/dist', 42)).toBe('/x/dist.staging-42');
    expect(asideDirOf('/x/dist', 42)).toBe('/x/dist.old-42');
    expect(lockFileOf('/x/dist')).toBe('/x/dist.lock');
  });
});

describe('recover', () => {
  it('restores the previous output when a build stopped between the two renames', () => {
    // dist was moved aside, the staging copy was not yet renamed: no dist at all.
    tree(asideDirOf(outDir, DEAD), { 'index.html': 'previous' });
    tree(stagingDirOf(outDir, DEAD), { 'index.html': 'unknown completeness' });
    const actions = recover(outDir, dead);
    expect(read(outDir, 'index.html')).toBe('previous');
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(actions.join('\n')).toMatch(/restored .*dist from .*dist\.old-999999991/);
  });
  it('restores the newest set-aside copy when there are several', () => {
    tree(asideDirOf(outDir, DEAD), { 'index.html': 'older' });
    tree(asideDirOf(outDir, DEAD + 1), { 'index.html': 'newer' });
    utimesSync(asideDirOf(outDir, DEAD), new Date(2020, 0, 1), new Date(2020, 0, 1));
    recover(outDir, dead);
    expect(read(outDir, 'index.html')).toBe('newer');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
  it('removes leftovers of dead builds and keeps the current output', () => {
    tree(outDir, { 'index.html': 'current' });
    tree(stagingDirOf(outDir, DEAD), { 'index.html': 'half-built' });
    tree(asideDirOf(outDir, DEAD), { 'index.html': 'old' });
    expect(recover(outDir, dead)).toHaveLength(2);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(read(outDir, 'index.html')).toBe('current');
  });
  it('leaves the directories of a build that is still running', () => {
    tree(stagingDirOf(outDir, DEAD), { 'index.html': 'in progress' });
    expect(recover(outDir, () => true)).toEqual([]);
    expect(existsSync(stagingDirOf(outDir, DEAD))).toBe(true);
  });
  it('ignores other directories beside the output', () => {
    tree(join(parent, 'dist-old'), { a: '1' });
    tree(join(parent, 'dist.staging-x'), { a: '1' });
    expect(leftoversOf(outDir)).toEqual([]);
    expect(recover(outDir, dead)).toEqual([]);
    expect(readdirSync(parent).sort()).toEqual(['dist-old', 'dist.staging-x']);
  });
  it('does nothing on a clean directory', () => {
    expect(recover(outDir, dead)).toEqual([]);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('the lock', () => {
  it('is taken once: a second build while one runs is refused', () => {
    const release = acquireLock(outDir);
    expect(read(parent, 'dist.lock')).toBe(String(process.pid));
    writeFileSync(lockFileOf(outDir), String(DEAD));
    expect(() => acquireLock(outDir, () => true)).toThrow(/another build \(pid 999999991\) is publishing/);
    writeFileSync(lockFileOf(outDir), String(process.pid));
    release();
    expect(existsSync(lockFileOf(outDir))).toBe(false);
  });
  it('is taken over from a build that is no longer running', () => {
    writeFileSync(lockFileOf(outDir), String(DEAD));
    const release = acquireLock(outDir, dead);
    expect(read(parent, 'dist.lock')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFileOf(outDir))).toBe(false);
  });
  it('is not released by a process that no longer holds it', () => {
    const release = acquireLock(outDir);
    writeFileSync(lockFileOf(outDir), String(DEAD));
    release();
    expect(read(parent, 'dist.lock')).toBe(String(DEAD));
  });
});

describe('processAlive', () => {
  it('knows this process runs and an unused pid does not', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(DEAD)).toBe(false);
  });
});
