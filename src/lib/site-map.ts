/**
 * The files that describe the site to crawlers and hosts: sitemap.xml (from the pages the build
 * wrote, so a new kind of page is never missing), the redirects from programs' former ids (Astro's
 * `redirects` and a `_redirects` file for hosts that serve real 301s), and robots.txt. Pure.
 */
import { DEFAULT_LANG, LANGS, type Lang } from './i18n.ts';
import { langOfPath, paths, twinPath } from './urls.ts';

export interface Redirect {
  from: string;
  to: string;
}

/** A program's former ids → its current page, in both languages. */
export function programRedirects(programs: readonly { id: string; former_ids: string[] }[]): Redirect[] {
  return programs.flatMap((p) =>
    p.former_ids.flatMap((old) =>
      LANGS.map((lang) => ({ from: paths.program(lang, old), to: paths.program(lang, p.id) })),
    ),
  );
}

/**
 * The same redirects for Astro's `redirects` config, which writes a meta-refresh page for each in a
 * static build. Keys without the trailing slash: Astro does not match keys that end in one.
 */
export function astroRedirects(redirects: readonly Redirect[]): Record<string, string> {
  return Object.fromEntries(redirects.map((r) => [r.from.replace(/\/$/, ''), r.to]));
}

/** Netlify/Cloudflare Pages style _redirects: "from to 301", with and without the trailing slash. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  const lines = ['# Generated at build time from the former_ids of programs (src/integrations/atlas.ts).'];
  for (const r of redirects) {
    lines.push(`${r.from} ${r.to} 301`);
    lines.push(`${r.from.replace(/\/$/, '')} ${r.to} 301`);
  }
  return `${lines.join('\n')}\n`;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * sitemap.xml listing `pagePaths` (paths of built pages in every language, '/en/programs/x/'), each
 * page followed by its twins in the other languages, with hreflang alternates for the twins that
 * exist and x-default pointing at the default language. Pages are ordered by their default-language path.
 */
export function sitemapXml(pagePaths: readonly string[], origin: string): string {
  const twins = new Map<string, Map<Lang, string>>();
  for (const path of pagePaths) {
    const base = twinPath(path, DEFAULT_LANG);
    const group = twins.get(base) ?? new Map<Lang, string>();
    group.set(langOfPath(path), path);
    twins.set(base, group);
  }
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const base of [...twins.keys()].sort()) {
    const group = twins.get(base)!;
    const url = (path: string) => escapeXml(`${origin}${path}`);
    const alternates = [
      ...LANGS.filter((l) => group.has(l)).map(
        (l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${url(group.get(l)!)}"/>`,
      ),
      ...(group.has(DEFAULT_LANG)
        ? [`<xhtml:link rel="alternate" hreflang="x-default" href="${url(group.get(DEFAULT_LANG)!)}"/>`]
        : []),
    ].join('');
    for (const lang of LANGS) {
      const path = group.get(lang);
      if (path) out.push(`<url><loc>${url(path)}</loc>${alternates}</url>`);
    }
  }
  out.push('</urlset>');
  return `${out.join('\n')}\n`;
}

/** robots.txt pointing at the sitemap on the configured origin. */
export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}
