/**
 * The dark colour scheme changes colours only: every rule inside @media (prefers-color-scheme: dark) sets custom
 * properties (--text, --bg …) and nothing else. So a page in the dark scheme differs from the light one, which the
 * browser tests check with every axe rule, only in colours, and the dark scheme is checked with axe's colour rules
 * alone (tests/browser/look.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '../../src');

/** The bodies of `@media (prefers-color-scheme: dark) { … }` blocks in a CSS text (braces balanced). */
function darkSchemeBlocks(css: string): string[] {
  const blocks: string[] = [];
  const start = /@media[^{]*prefers-color-scheme:\s*dark[^{]*\{/g;
  for (let m = start.exec(css); m; m = start.exec(css)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < css.length && depth > 0; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    blocks.push(css.slice(m.index + m[0].length, i - 1));
  }
  return blocks;
}

/** Declarations in a block that are not custom properties. */
const otherDeclarations = (block: string) =>
  block
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/[^{};]*\{/g, ';')
    .split(/[;}]/)
    .map((d) => d.trim())
    .filter((d) => d && !d.startsWith('--'));

describe('the dark colour scheme', () => {
  it('sets custom properties only', () => {
    const files = globSync('**/*.{css,astro}', { cwd: SRC }).map((f) => join(SRC, f));
    const blocks = files.flatMap((f) => darkSchemeBlocks(readFileSync(f, 'utf8')).map((b) => ({ f, b })));
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.flatMap(({ f, b }) => otherDeclarations(b).map((d) => `${f}: ${d}`))).toEqual([]);
  });

  it('is told apart from a block that changes more than colours', () => {
    const css = '@media (prefers-color-scheme: dark) { :root { --bg: #000; } .x { display: none; } } p { color: red }';
    expect(darkSchemeBlocks(css).flatMap(otherDeclarations)).toEqual(['display: none']);
  });
});
