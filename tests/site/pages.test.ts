/**
 * Checks over every built page: language, hreflang twins that exist, canonical URL, CSP,
 * no inline event handlers, no external resources, no script outside the search page, print margins that
 * name the page's own URL and as-of date.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fileFor, htmlFiles, read, urlPathOf } from '../helpers/dist.ts';
import { siteOrigin } from '../../src/lib/urls.ts';
import ja from '../../src/i18n/ja.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

beforeAll(assertBuilt);

const pages = () => htmlFiles().filter((f) => !/<meta http-equiv="refresh"/.test(read(f)));
const origin = siteOrigin();
/** The page's own print-margin style (lib/print.ts printMarginCss), its CSS in group 1. */
const MARGIN_STYLE = /<style>(@media print\{@page\{[^<]*)<\/style>/g;

describe('every page', () => {
  it('declares its language and links to an existing twin in the other language', () => {
    const problems: string[] = [];
    for (const file of pages()) {
      const html = read(file);
      const path = urlPathOf(file);
      if (path === '/404.html') continue;
      const lang = /<html lang="(ja|en)"/.exec(html)?.[1];
      if (!lang) {
        problems.push(`${path}: no <html lang>`);
        continue;
      }
      if ((lang === 'en') !== path.startsWith('/en/')) problems.push(`${path}: lang="${lang}" does not match its path`);
      const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(
        (m) => [m[1]!, m[2]!] as const,
      );
      const langs = alternates.map(([l]) => l).sort();
      if (langs.join() !== 'en,ja,x-default') problems.push(`${path}: hreflang set is ${langs.join() || 'empty'}`);
      for (const [hreflang, href] of alternates) {
        if (!href.startsWith(origin)) problems.push(`${path}: hreflang ${hreflang} is not on ${origin}: ${href}`);
        else if (!fileFor(href.slice(origin.length)))
          problems.push(`${path}: hreflang ${hreflang} target ${href} does not exist`);
      }
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      if (canonical !== `${origin}${path}`) problems.push(`${path}: canonical is ${canonical}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('has a Content-Security-Policy, no inline event handlers and no external resources', () => {
    const problems: string[] = [];
    for (const file of pages()) {
      const html = read(file);
      const path = urlPathOf(file);
      if (!/<meta http-equiv="content-security-policy" content="[^"]*default-src 'self'/.test(html))
        problems.push(`${path}: no CSP meta`);
      const handler = /<[^>]+\son[a-z]+=/i.exec(html);
      if (handler) problems.push(`${path}: inline handler ${handler[0].slice(0, 80)}`);
      for (const m of html.matchAll(
        /<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="(https?:)?\/\/([^"/]+)/g,
      )) {
        const tag = m[0];
        if (/rel="(canonical|alternate)"/.test(tag)) continue;
        problems.push(`${path}: external resource ${tag.slice(0, 120)}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it("allows each page's print-margin style by its hash in the page's CSP, without 'unsafe-inline'", () => {
    const problems: string[] = [];
    for (const file of pages()) {
      const html = read(file);
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      const margins = [...html.matchAll(MARGIN_STYLE)].map((m) => m[1]!);
      if (margins.length !== 1) problems.push(`${urlPathOf(file)}: ${margins.length} print-margin styles`);
      for (const css of margins) {
        const hash = createHash('sha256').update(css, 'utf8').digest('base64');
        if (!csp.includes(`'sha256-${hash}'`)) problems.push(`${urlPathOf(file)}: print-margin style not in the CSP`);
      }
      if (csp.includes('unsafe-inline')) problems.push(`${urlPathOf(file)}: 'unsafe-inline' in the CSP`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it("prints its own site name, URL, shown as-of date and page numbers in every page's margins", () => {
    const problems: string[] = [];
    const expected = {
      ja: { site: ja['site.name'], updated: ja['page.updated'] },
      en: { site: en['site.name'], updated: en['page.updated'] },
    };
    for (const file of pages()) {
      const html = read(file);
      const path = urlPathOf(file);
      const lang = /<html lang="(ja|en)"/.exec(html)?.[1] as 'ja' | 'en';
      const css = [...html.matchAll(MARGIN_STYLE)][0]?.[1] ?? '';
      const box = (name: string) => new RegExp(`@${name}\\{content:([^}]*)\\}`).exec(css)?.[1];
      const shown = /<p class="page-updated[^"]*"[^>]*>[^<]*<time datetime="[^"]+">([^<]+)<\/time>/.exec(html)?.[1];
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      if (!box('top-left')?.startsWith(`"${expected[lang].site}`))
        problems.push(`${path}: top left is ${box('top-left')}`);
      if (shown && box('top-right') !== `"${expected[lang].updated} ${shown}"`)
        problems.push(`${path}: top right is ${box('top-right')}, the page shows ${shown}`);
      if (canonical && box('bottom-left') !== `"${canonical}"`)
        problems.push(`${path}: bottom left is ${box('bottom-left')}, canonical ${canonical}`);
      if (!/counter\(page\).*counter\(pages\)/.test(box('bottom-right') ?? ''))
        problems.push(`${path}: bottom right is ${box('bottom-right')}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('loads no script except on the search pages', () => {
    const offenders = pages()
      .filter((f) => !/\/search\/index\.html$/.test(f))
      .filter((f) => /<script\b(?![^>]*type="application\/ld\+json")/.test(read(f)))
      .map(urlPathOf);
    expect(offenders).toEqual([]);
  });

  it('exists in both languages for every page kind', () => {
    const files = new Map(pages().map((f) => [urlPathOf(f), f]));
    // A page whose sections differ between the languages (a glossary section: kana row / letter) declares another
    // twin (the other language's glossary index) in its hreflang links; the first test checks that it exists.
    const declaresOtherTwin = (p: string) => {
      const other = p.startsWith('/en/') ? 'ja' : 'en';
      const href = new RegExp(`<link rel="alternate" hreflang="${other}" href="([^"]+)"`).exec(read(files.get(p)!));
      return !!href && href[1] !== `${origin}${p.startsWith('/en/') ? p.slice(3) : `/en${p}`}`;
    };
    const missing = [...files.keys()].filter(
      (p) =>
        p !== '/404.html' &&
        !p.endsWith('.xml') &&
        !files.has(p.startsWith('/en/') ? p.slice(3) : `/en${p}`) &&
        !(/^(\/en)?\/glossary\/[^/]+\/$/.test(p) && declaresOtherTwin(p)),
    );
    expect(missing).toEqual([]);
  });

  it('is listed in sitemap.xml unless it asks not to be indexed', () => {
    const sitemap = read(fileFor('/sitemap.xml')!);
    const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(origin.length)));
    const indexable = pages()
      .filter((f) => !/<meta name="robots" content="noindex"/.test(read(f)))
      .map(urlPathOf);
    expect(indexable.filter((p) => !listed.has(p))).toEqual([]);
    expect([...listed].filter((p) => !fileFor(p))).toEqual([]);
  });
});
