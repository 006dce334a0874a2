/** Builds a data tree for a test: the valid fixture tree with a bad fixture's files laid over it. */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const VALID = join(ROOT, 'tests/fixtures/valid/data');
export const BAD = join(ROOT, 'tests/fixtures/bad');
export const GOOD = join(ROOT, 'tests/fixtures/good');

export interface ProblemExpectation {
  /** File or folder the problem is reported in, relative to the data root. */
  file: string;
  message: string;
  field?: string;
  /**
   * 'marker': the line that carries the comment `# expect-error`; a number; 'none': the problem is about
   * the file or folder as a whole (missing, a symlink, misnamed) and has no line; absent: any line.
   */
  line?: 'marker' | 'none' | number;
}

/** Changes to the valid tree that an overlay of files cannot express. Paths are relative to the data root. */
export type Setup =
  | { remove: string }
  | { rename: string; to: string }
  | { symlink: string; to: string }
  | { fifo: string }
  | { mkdir: string }
  | { write: string; text: string };

export interface Expectation extends ProblemExpectation {
  description: string;
  generate?: { file: string; bytes: number };
  /** Applied to the copy of the valid tree before the overlay. */
  setup?: Setup[];
  /** Further problems the same tree must also report (in the same run). */
  more?: ProblemExpectation[];
}

function fixturesIn(dir: string): { name: string; expect: Expectation }[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, expect: JSON.parse(readFileSync(join(dir, name, 'expect.json'), 'utf8')) as Expectation }));
}

export function badFixtures(): { name: string; expect: Expectation }[] {
  return fixturesIn(BAD);
}

export function goodFixtures(): { name: string; expect: Expectation }[] {
  return fixturesIn(GOOD);
}

function applySetup(root: string, step: Setup): void {
  if ('remove' in step) rmSync(join(root, step.remove), { recursive: true, force: true });
  else if ('rename' in step) renameSync(join(root, step.rename), join(root, step.to));
  else if ('symlink' in step) symlinkSync(step.to, join(root, step.symlink));
  else if ('fifo' in step) execFileSync('mkfifo', [join(root, step.fifo)]);
  else if ('mkdir' in step) mkdirSync(join(root, step.mkdir), { recursive: true });
  else {
    mkdirSync(dirname(join(root, step.write)), { recursive: true });
    writeFileSync(join(root, step.write), step.text);
  }
}

/** Copies the valid tree, applies the fixture's setup and overlays its files; returns the data root. */
export function materialize(name: string, fixtures = BAD): string {
  const root = join(mkdtempSync(join(tmpdir(), `atlas-${name}-`)), 'data');
  cpSync(VALID, root, { recursive: true });
  const exp = JSON.parse(readFileSync(join(fixtures, name, 'expect.json'), 'utf8')) as Expectation;
  for (const step of exp.setup ?? []) applySetup(root, step);
  const overlay = join(fixtures, name, 'data');
  if (existsSync(overlay)) cpSync(overlay, root, { recursive: true });
  if (exp.generate) {
    // A large file is generated rather than committed.
    const line = '# padding line for a file that is far too large to be hand-curated data\n';
    writeFileSync(
      join(root, exp.generate.file),
      `id: huge-program\n${line.repeat(Math.ceil(exp.generate.bytes / line.length))}`,
    );
  }
  return root;
}

/** Line number (1-based) of the `# expect-error` marker in the fixture's file. */
export function markerLine(name: string, file: string, fixtures = BAD): number | undefined {
  const path = join(fixtures, name, 'data', file);
  if (!existsSync(path)) return undefined;
  const index = readFileSync(path, 'latin1')
    .split('\n')
    .findIndex((l) => l.includes('# expect-error'));
  return index < 0 ? undefined : index + 1;
}
