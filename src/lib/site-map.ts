/**
 * The list of public pages (for sitemap.xml), the redirects from former program ids (for _redirects
 * and the redirect pages), and the text of those files. Pure: pages pass the data in.
 */
import { LANGS } from './i18n.ts';
import { localePath, paths } from './urls.ts';

interface Ids { id: string }
export interface SiteIndex {
  programs: (Ids & { former_ids: string[] })[];
  meetings: Ids[];
  committees: Ids[];
  plans: Ids[];
  regulations: Ids[];
  surveys: Ids[];
  sources: Ids[];
  fiscalYears: number[];
}

/** Every page path without the language prefix ('/programs/x/'), each once, in a stable order. */
export function pagePaths(site: SiteIndex): string[] {
  const list = [
    paths.home('ja'),
    paths.programs('ja'),
    paths.programsByBudget('ja'),
    ...site.programs.map((p) => paths.program('ja', p.id)),
    paths.fiscalYears('ja'),
    ...site.fiscalYears.map((y) => paths.fiscalYear('ja', y)),
    paths.meetings('ja'),
    ...site.meetings.map((m) => paths.meeting('ja', m.id)),
    paths.committees('ja'),
    ...site.committees.map((c) => paths.committee('ja', c.id)),
    paths.regulations('ja'),
    ...site.regulations.map((r) => paths.regulation('ja', r.id)),
    paths.surveys('ja'),
    ...site.surveys.map((s) => paths.survey('ja', s.id)),
    paths.plans('ja'),
    ...site.plans.map((p) => paths.plan('ja', p.id)),
    paths.sources('ja'),
    ...site.sources.map((s) => paths.source('ja', s.id)),
    paths.glossary('ja'),
    paths.about('ja'),
  ];
  return [...new Set(list)];
}

export interface Redirect {
  from: string;
  to: string;
}

/** A program's former ids → its current page, in both languages. */
export function programRedirects(programs: SiteIndex['programs']): Redirect[] {
  return programs.flatMap((p) =>
    p.former_ids.flatMap((old) => LANGS.map((lang) => ({ from: paths.program(lang, old), to: paths.program(lang, p.id) }))),
  );
}

/** Netlify/Cloudflare Pages style _redirects: "from to 301", with and without the trailing slash. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  const lines = ['# Generated at build time from the former_ids of programs (src/pages/[redirects].ts).'];
  for (const r of redirects) {
    lines.push(`${r.from} ${r.to} 301`);
    lines.push(`${r.from.replace(/\/$/, '')} ${r.to} 301`);
  }
  return `${lines.join('\n')}\n`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** sitemap.xml with both languages and hreflang alternates (ja, en, x-default → ja) for each page. */
export function sitemapXml(pagePathsJa: readonly string[], origin: string): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'];
  for (const path of pagePathsJa) {
    const ja = `${origin}${localePath('ja', path)}`;
    const en = `${origin}${localePath('en', path)}`;
    const alternates = [
      `<xhtml:link rel="alternate" hreflang="ja" href="${escapeXml(ja)}"/>`,
      `<xhtml:link rel="alternate" hreflang="en" href="${escapeXml(en)}"/>`,
      `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(ja)}"/>`,
    ].join('');
    for (const loc of [ja, en]) out.push(`<url><loc>${escapeXml(loc)}</loc>${alternates}</url>`);
  }
  out.push('</urlset>');
  return `${out.join('\n')}\n`;
}

/** robots.txt pointing at the sitemap on the configured origin. */
export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}
