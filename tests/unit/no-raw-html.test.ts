/** Data text is always escaped on output: no component or page renders a string as HTML. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.(astro|mdx|ts)$/.test(n) ? [join(dir, n)] : []));

describe('templates', () => {
  it('never use set:html, innerHTML or insertAdjacentHTML', () => {
    const offenders = files(SRC).filter((f) => /set:html|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
