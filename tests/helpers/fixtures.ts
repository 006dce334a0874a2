/** Builds a data tree for a test: the valid fixture tree with a bad fixture's files laid over it. */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const VALID = join(ROOT, 'tests/fixtures/valid/data');
export const BAD = join(ROOT, 'tests/fixtures/bad');

export interface Expectation {
  description: string;
  /** File the problem is reported in, relative to the data root. */
  file: string;
  message: string;
  field?: string;
  /** 'marker': the line that carries the comment `# expect-error`; a number; absent: any line. */
  line?: 'marker' | number;
  generate?: { file: string; bytes: number };
}

export function badFixtures(): { name: string; expect: Expectation }[] {
  return readdirSync(BAD)
    .sort()
    .map((name) => ({ name, expect: JSON.parse(readFileSync(join(BAD, name, 'expect.json'), 'utf8')) as Expectation }));
}

/** Copies the valid tree and overlays fixture `name`; returns the data root. */
export function materialize(name: string): string {
  const root = join(mkdtempSync(join(tmpdir(), `atlas-${name}-`)), 'data');
  cpSync(VALID, root, { recursive: true });
  const overlay = join(BAD, name, 'data');
  if (existsSync(overlay)) cpSync(overlay, root, { recursive: true });
  const exp = JSON.parse(readFileSync(join(BAD, name, 'expect.json'), 'utf8')) as Expectation;
  if (exp.generate) {
    // A large file is generated rather than committed.
    const line = '# padding line for a file that is far too large to be hand-curated data\n';
    writeFileSync(join(root, exp.generate.file), `id: huge-program\n${line.repeat(Math.ceil(exp.generate.bytes / line.length))}`);
  }
  return root;
}

/** Line number (1-based) of the `# expect-error` marker in the fixture's file. */
export function markerLine(name: string, file: string): number | undefined {
  const path = join(BAD, name, 'data', file);
  if (!existsSync(path)) return undefined;
  const index = readFileSync(path, 'utf8').split('\n').findIndex((l) => l.includes('# expect-error'));
  return index < 0 ? undefined : index + 1;
}
