import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkIndex,
  checkOutput,
  expectedPages,
  htmlFileOf,
  inspectPage,
} from '../../src/integrations/output-checks.ts';
import type { LoadedEntry } from '../../src/data/load.ts';

const CSP = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'none'">`;
const page = (head: string) => `<!DOCTYPE html><html lang="ja"><head>${head}</head><body><h1>x</h1></body></html>`;

describe('inspectPage', () => {
  it('accepts a complete page whose CSP meta follows <meta charset>', () => {
    expect(inspectPage('/a/', page(`<meta charset="utf-8">${CSP}<title>t</title>`)).problems).toEqual([]);
  });
  it('reports an empty page, a cut-off page, a missing or late CSP meta', () => {
    expect(inspectPage('/a/', '').problems).toEqual(['/a/: empty HTML file']);
    expect(inspectPage('/a/', page('<meta charset="utf-8">').slice(0, 60)).problems).toEqual([
      '/a/: HTML ends before </html>',
    ]);
    expect(inspectPage('/a/', page('<meta charset="utf-8"><title>t</title>')).problems).toEqual([
      '/a/: no Content-Security-Policy meta',
    ]);
    expect(inspectPage('/a/', page(`<meta charset="utf-8"><title>t</title>${CSP}`)).problems).toEqual([
      '/a/: the CSP meta is not first in <head> after <meta charset>',
    ]);
  });
  it("accepts Astro's redirect pages (no </html>, no CSP meta) and marks them", () => {
    const redirect =
      '<!doctype html>\n<title>Redirecting to: /x/</title>\n<meta http-equiv="refresh" content="0;url=/x/">\n' +
      '<meta name="robots" content="noindex">\n<body>\n\t<a href="/x/">Redirecting</a>\n</body>';
    expect(inspectPage('/old/', redirect)).toEqual({ noindex: true, redirect: true, problems: [] });
  });
});

describe('expectedPages', () => {
  it("lists the fixed pages and each entry's page in both languages", () => {
    const entry = (collection: string, id: string) => ({ collection, id }) as unknown as LoadedEntry;
    const pages = expectedPages({ entries: [entry('programs', 'p'), entry('sources', 's'), entry('funds', 'f')] });
    expect(pages).toEqual(expect.arrayContaining(['/', '/en/', '/search/', '/en/search/', '/programs/p/']));
    expect(pages).toEqual(expect.arrayContaining(['/en/programs/p/', '/sources/s/', '/en/sources/s/']));
    expect(pages.some((p) => p.includes('/f/'))).toBe(false);
  });
});

describe('checkOutput', () => {
  const built = () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-output-'));
    for (const path of ['/', '/en/']) {
      mkdirSync(join(dir, path), { recursive: true });
      writeFileSync(htmlFileOf(dir, path), 'x');
    }
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind/pagefind.js'), 'x');
    writeFileSync(join(dir, 'sitemap.xml'), '<urlset><url><loc>https://a/</loc></url></urlset>');
    writeFileSync(join(dir, '_redirects'), '');
    writeFileSync(join(dir, '_headers'), '/*\n  X: y\n');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
    return dir;
  };
  const indexed = new Map([
    ['ja', 3],
    ['en', 3],
  ]);
  it('passes a complete output', () => {
    const dir = built();
    expect(checkOutput(dir, ['/', '/en/'])).toEqual([]);
    expect(checkIndex(dir, indexed)).toEqual([]);
  });
  it('names missing pages and missing or empty site files', () => {
    const dir = built();
    writeFileSync(join(dir, 'sitemap.xml'), '');
    writeFileSync(join(dir, '_headers'), '');
    rmSync(join(dir, 'robots.txt'));
    writeFileSync(join(dir, '_redirects'), '');
    const problems = checkOutput(dir, ['/', '/programs/p/', '/en/programs/p/']);
    expect(problems).toEqual([
      '2 page(s) the data requires were not built: /programs/p/, /en/programs/p/',
      'sitemap.xml: empty',
      '_headers: empty',
      'robots.txt: missing',
      'sitemap.xml: lists no page',
    ]);
  });
  it('names a missing search script and a language with nothing indexed', () => {
    const dir = built();
    expect(checkIndex(dir, new Map([['ja', 3]]))).toEqual(['search index: no en pages indexed']);
    rmSync(join(dir, 'pagefind/pagefind.js'));
    expect(checkIndex(dir, indexed)).toEqual(['pagefind/pagefind.js: missing']);
  });
});
