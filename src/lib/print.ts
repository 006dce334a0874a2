/**
 * What every printed page carries in its margins (CSS `@page` margin boxes, supported by Chromium):
 * the site name, the page's permanent URL, the as-of date and "page N of M". The text differs per
 * page, so each page has a small <style> of its own; Base.astro registers its hash with Astro's CSP.
 * The look of the margin boxes (size, colour) is in global.css.
 */
import { createHash } from 'node:crypto';

/**
 * A CSS string literal: quotes, backslashes and line breaks escaped, so text cannot end the string; < and >
 * as CSS escapes, so the <style> element it goes into cannot be closed by it (it is written unescaped).
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, ' ')
    .replace(/[<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

export interface PrintMargins {
  /** Site name, top left (with "preview" when the build is not for publication). */
  site: string;
  /** As-of line, top right: "データ更新日 2026年12月1日". */
  asOf: string;
  /** The permanent URL, bottom left; absent on pages without one (404). */
  url?: string;
  /** Text around the page numbers, bottom right: [before N, between N and M, after M]. */
  pageLabel: [string, string, string];
}

/** The @page rule for one page's margins. */
export function printMarginCss({ site, asOf, url, pageLabel: [before, between, after] }: PrintMargins): string {
  const pageNumber = [
    before && cssString(before),
    'counter(page)',
    cssString(between),
    'counter(pages)',
    after && cssString(after),
  ]
    .filter(Boolean)
    .join(' ');
  const boxes = [
    `@top-left{content:${cssString(site)}}`,
    `@top-right{content:${cssString(asOf)}}`,
    url ? `@bottom-left{content:${cssString(url)}}` : '',
    `@bottom-right{content:${pageNumber}}`,
  ];
  return `@media print{@page{${boxes.join('')}}}`;
}

/** The CSP source for an inline style or script with this exact text: 'sha256-…' without the quotes. */
export function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * Whether this build uses a placeholder origin (no SITE_URL): then every page says it is a preview,
 * on screen and on paper, because its printed URLs and QR codes lead nowhere.
 */
export function isPreviewBuild(env: Record<string, string | undefined> = process.env): boolean {
  return !env.SITE_URL;
}
