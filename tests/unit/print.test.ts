import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cspHash, cssString, isPreviewBuild, printMarginCss } from '../../src/lib/print.ts';

describe('cssString', () => {
  it('quotes plain text as it is', () => {
    expect(cssString('https://example.org/programs/x/')).toBe('"https://example.org/programs/x/"');
  });
  it('escapes quotes and backslashes so the text cannot end the string', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
  it('writes < and > as CSS escapes, so the text cannot close the <style> it is in', () => {
    const css = cssString('</style><script>');
    expect(css).not.toMatch(/[<>]/);
    expect(css).toBe('"\\3c /style\\3e \\3c script\\3e "');
  });
  it('turns line breaks into spaces', () => {
    expect(cssString('a\nb')).toBe('"a b"');
  });
});

describe('printMarginCss', () => {
  const margins = {
    site: '在宅療養事業アトラス',
    asOf: 'データ更新日 2026年12月1日',
    url: 'https://example.org/programs/x/',
    pageLabel: ['', ' / ', 'ページ'] as [string, string, string],
  };
  it('puts the site name, the date, the URL and page N/M in four margin boxes, for print only', () => {
    expect(printMarginCss(margins)).toBe(
      '@media print{@page{@top-left{content:"在宅療養事業アトラス"}@top-right{content:"データ更新日 2026年12月1日"}' +
        '@bottom-left{content:"https://example.org/programs/x/"}' +
        '@bottom-right{content:counter(page) " / " counter(pages) "ページ"}}}',
    );
  });
  it('words the page numbers as the language does', () => {
    const css = printMarginCss({ ...margins, pageLabel: ['Page ', ' of ', ''] });
    expect(css).toContain('@bottom-right{content:"Page " counter(page) " of " counter(pages)}');
  });
  it('leaves the URL box out for a page without a permanent URL', () => {
    expect(printMarginCss({ ...margins, url: undefined })).not.toContain('@bottom-left');
  });
});

describe('cspHash', () => {
  it('is the base64 SHA-256 of the exact text, as CSP hash sources are written', () => {
    const expected = createHash('sha256').update('a{}').digest('base64');
    expect(cspHash('a{}')).toBe(`sha256-${expected}`);
    expect(cspHash('a{} ')).not.toBe(cspHash('a{}'));
  });
});

describe('isPreviewBuild', () => {
  it('is a preview without SITE_URL, a publication build with it', () => {
    expect(isPreviewBuild({})).toBe(true);
    expect(isPreviewBuild({ SITE_URL: '' })).toBe(true);
    expect(isPreviewBuild({ SITE_URL: 'https://atlas.example.jp' })).toBe(false);
  });
});
