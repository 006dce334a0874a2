/**
 * Published URLs never disappear: every path in tests/url-manifest.txt is served by the build —
 * as a page or as a redirect page — and every built page is in the manifest (run `npm run urls:update`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, DIST, fileFor, htmlFiles, read, urlPathOf } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixtures.ts';

beforeAll(assertBuilt);

const manifest = () =>
  readFileSync(join(ROOT, 'tests/url-manifest.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

function redirects(): Map<string, string> {
  const file = join(DIST, '_redirects');
  const map = new Map<string, string>();
  if (!existsSync(file)) return map;
  for (const line of read(file).split('\n')) {
    const [from, to] = line.trim().split(/\s+/);
    if (from && to && !from.startsWith('#')) map.set(from, to);
  }
  return map;
}

describe('URL manifest', () => {
  it('lists at least every program page in both languages', () => {
    const urls = new Set(manifest());
    expect(urls.size).toBeGreaterThan(50);
    expect(urls.has('/programs/visiting-nursing-comprehensive-program/')).toBe(true);
    expect(urls.has('/en/programs/visiting-nursing-comprehensive-program/')).toBe(true);
  });

  it('has no URL that the build no longer serves (a removed page needs a redirect)', () => {
    const redirected = redirects();
    const missing = manifest().filter((url) => !fileFor(url) && !redirected.has(url));
    expect(missing, `published URLs missing from the build:\n${missing.join('\n')}`).toEqual([]);
  });

  it('knows every page the build serves (run `npm run urls:update` after adding pages)', () => {
    const urls = new Set(manifest());
    const unknown = htmlFiles()
      .map(urlPathOf)
      .filter((p) => p !== '/404.html' && !urls.has(p));
    expect(unknown, `built pages not in tests/url-manifest.txt:\n${unknown.join('\n')}`).toEqual([]);
  });

  it('points every redirect at a page that exists', () => {
    const broken = [...redirects()].filter(([, to]) => !fileFor(to)).map(([from, to]) => `${from} → ${to}`);
    expect(broken).toEqual([]);
  });
});
