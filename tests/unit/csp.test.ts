import { describe, expect, it } from 'vitest';
import {
  cspMetaFirst,
  finishPageCsp,
  headerPatternOf,
  headerPolicy,
  headersFile,
  metaPolicyOf,
  pagePolicy,
  parseHeadersFile,
  parsePolicy,
  patternMatches,
  runsScript,
  serializePolicy,
} from '../../src/lib/csp.ts';

/** As Astro writes it: directives from the config, then script-src and style-src with the build's hashes. */
const ASTRO =
  "default-src 'self';img-src 'self' data:;object-src 'none'; script-src 'self' 'wasm-unsafe-eval' " +
  "'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-CCC=' 'sha256-DDD=';";
const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;
/** A page as Astro renders it: the CSP meta at the end of <head>, after the title (data text). */
const page = (body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>事業 &lt;x&gt;</title>` +
  `<meta name="description" content="d">${meta(ASTRO)}<link rel="stylesheet" href="/_astro/a.css"></head>` +
  `<body>${body}</body></html>`;

describe('policies', () => {
  it('parse and serialize directive by directive, keeping the first of a repeated directive', () => {
    const policy = parsePolicy(ASTRO + " script-src 'unsafe-inline'");
    expect([...policy.keys()]).toEqual(['default-src', 'img-src', 'object-src', 'script-src', 'style-src']);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-AAA='", "'sha256-BBB='"]);
    expect(serializePolicy(parsePolicy("img-src 'self' data:;object-src 'none';"))).toBe(
      "img-src 'self' data:; object-src 'none'",
    );
  });
  it("give a page without script script-src 'none': no hashes, no 'wasm-unsafe-eval'", () => {
    const policy = pagePolicy(parsePolicy(ASTRO + " script-src-elem 'self'"), false);
    expect(policy.get('script-src')).toEqual(["'none'"]);
    expect(policy.has('script-src-elem')).toBe(false);
    expect(policy.get('style-src')).toEqual(["'self'", "'sha256-CCC='", "'sha256-DDD='"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });
  it('keep a page with script as Astro wrote it', () => {
    expect(serializePolicy(pagePolicy(parsePolicy(ASTRO), true))).toBe(serializePolicy(parsePolicy(ASTRO)));
  });
  it("add script-src 'none' where Astro wrote no script-src", () => {
    expect(pagePolicy(parsePolicy("default-src 'self'"), false).get('script-src')).toEqual(["'none'"]);
  });
});

describe('runsScript', () => {
  it('counts module and classic scripts, not JSON data blocks', () => {
    expect(runsScript('<script type="module" src="/_astro/s.js"></script>')).toBe(true);
    expect(runsScript('<script>x()</script>')).toBe(true);
    expect(runsScript('<script type="application/ld+json">{}</script>')).toBe(false);
    expect(runsScript('<script type="application/json">{}</script>')).toBe(false);
    expect(runsScript('<p>&lt;script&gt; as text</p>')).toBe(false);
  });
  it('is not fooled by data text holding "<script" in a quoted attribute value, or by a comment', () => {
    expect(runsScript(`<meta name="description" content="<script>alert(1)</script>"><p>x</p>`)).toBe(false);
    expect(runsScript('<data value="<script src=/x.js>" data-pagefind-meta="label[value]">')).toBe(false);
    expect(runsScript('<!-- <script> -->')).toBe(false);
    expect(runsScript('<meta name="description" content="x"><script type="module" src="/s.js"></script>')).toBe(true);
  });
});

describe('finishPageCsp', () => {
  it('moves the CSP meta to right after <meta charset>, before the title', () => {
    const html = finishPageCsp(page('<p>x</p>'));
    expect(cspMetaFirst(html)).toBe(true);
    expect(cspMetaFirst(page('<p>x</p>'))).toBe(false);
    expect(html.match(/content-security-policy/g)).toHaveLength(1);
    expect(html.indexOf('content-security-policy')).toBeLessThan(html.indexOf('<title>'));
  });
  it("narrows a page without script to script-src 'none' and keeps its style hashes", () => {
    const policy = metaPolicyOf(finishPageCsp(page('<p>x</p>')))!;
    expect(policy.get('script-src')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'sha256-CCC='", "'sha256-DDD='"]);
  });
  it('keeps script hashes and wasm-unsafe-eval on a page that runs script', () => {
    const policy = metaPolicyOf(finishPageCsp(page('<script type="module" src="/_astro/s.js"></script>')))!;
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-AAA='", "'sha256-BBB='"]);
  });
  it('leaves the rest of the page as it was', () => {
    const before = page('<p>本文</p>');
    const after = finishPageCsp(before);
    const strip = (html: string) => html.replace(/<meta http-equiv="content-security-policy" content="[^"]*">/, '');
    expect(strip(after)).toBe(strip(before));
  });
  it('returns a page without a CSP meta or charset unchanged', () => {
    const redirect = '<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=/x/">';
    expect(finishPageCsp(redirect)).toBe(redirect);
  });
});

describe('header policies and _headers', () => {
  const noScript = pagePolicy(parsePolicy(ASTRO), false);
  const withScript = pagePolicy(parsePolicy(ASTRO), true);

  it("allow inline styles in the header (no per-page hashes there) and forbid framing; scripts as the meta's", () => {
    const header = headerPolicy(noScript);
    expect(header.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('script-src')).toEqual(["'none'"]);
    expect(headerPolicy(withScript).get('script-src')).toContain("'wasm-unsafe-eval'");
  });
  it('give each page one pattern: home pages exactly, sections with a splat, per language', () => {
    expect(headerPatternOf('/')).toBe('/');
    expect(headerPatternOf('/en/')).toBe('/en/');
    expect(headerPatternOf('/programs/')).toBe('/programs/*');
    expect(headerPatternOf('/programs/x/')).toBe('/programs/*');
    expect(headerPatternOf('/en/plan/a/b/')).toBe('/en/plan/*');
    expect(headerPatternOf('/404.html')).toBe('/404.html');
  });
  it('match patterns as hosts do: a splat covers the section page and everything under it', () => {
    expect(patternMatches('/programs/*', '/programs/')).toBe(true);
    expect(patternMatches('/programs/*', '/programs/x/')).toBe(true);
    expect(patternMatches('/programs/*', '/en/programs/x/')).toBe(false);
    expect(patternMatches('/', '/')).toBe(true);
    expect(patternMatches('/', '/programs/')).toBe(false);
  });
  it('write common headers for every path and one CSP per pattern, readable back', () => {
    const file = headersFile(
      new Map([
        ['/', noScript],
        ['/programs/x/', noScript],
        ['/programs/', noScript],
        ['/search/', withScript],
        ['/en/search/', withScript],
      ]),
    );
    const rules = parseHeadersFile(file);
    expect([...rules.keys()]).toEqual(['/*', '/', '/en/search/*', '/programs/*', '/search/*']);
    expect(rules.get('/*')!.get('X-Content-Type-Options')).toBe('nosniff');
    expect(rules.get('/*')!.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(rules.get('/*')!.has('Content-Security-Policy')).toBe(false);
    expect(rules.get('/programs/*')!.get('Content-Security-Policy')).toContain("script-src 'none'");
    expect(rules.get('/search/*')!.get('Content-Security-Policy')).toContain("'wasm-unsafe-eval'");
  });
  it('refuse pages under one pattern that need different policies', () => {
    expect(() =>
      headersFile(
        new Map([
          ['/programs/', noScript],
          ['/programs/x/', withScript],
        ]),
      ),
    ).toThrow(/share the pattern \/programs\/\*/);
  });
  it('reject a malformed _headers file', () => {
    expect(() => parseHeadersFile('programs/*\n  X: y\n')).toThrow(/must start with \//);
    expect(() => parseHeadersFile('  X: y\n')).toThrow(/under a path/);
    expect(() => parseHeadersFile('/a\n  X: y\n/a\n  X: z\n')).toThrow(/listed twice/);
  });
});
