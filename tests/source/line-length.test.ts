/**
 * No line of code in src/ is over 120 characters (the Prettier print width; Prettier cannot wrap
 * long strings). Translation files and the MDX prose are text, not code, and are left out.
 */
import { describe, expect, it } from 'vitest';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '../../src');
const MAX = 120;

describe('source lines', () => {
  it(`are at most ${MAX} characters in src/ code and styles`, () => {
    const long = globSync('**/*.{ts,astro,mjs,css}', { cwd: SRC }).flatMap((file) =>
      readFileSync(join(SRC, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > MAX ? [`src/${file}:${i + 1} (${line.length})`] : [])),
    );
    expect(long, long.join('\n')).toEqual([]);
  });
});
