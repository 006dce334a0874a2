import { describe, expect, it } from 'vitest';
import { astroRedirects, programRedirects, redirectsFile, robotsTxt, sitemapXml } from '../../src/lib/site-map.ts';

describe('site map', () => {
  it('lists every page it is given, each followed by its twin, ordered by the Japanese path', () => {
    const xml = sitemapXml(['/en/programs/x/', '/programs/x/', '/', '/en/', '/only-ja/'], 'https://a.example');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      'https://a.example/',
      'https://a.example/en/',
      'https://a.example/only-ja/',
      'https://a.example/programs/x/',
      'https://a.example/en/programs/x/',
    ]);
  });
  it('gives each page hreflang alternates for the twins that exist, x-default the Japanese one', () => {
    const xml = sitemapXml(['/programs/x/', '/en/programs/x/', '/only-ja/'], 'https://a.example');
    const entry = (loc: string) => xml.split('\n').find((l) => l.includes(`<loc>${loc}</loc>`))!;
    expect(entry('https://a.example/en/programs/x/')).toContain('hreflang="ja" href="https://a.example/programs/x/"');
    expect(entry('https://a.example/en/programs/x/')).toContain(
      'hreflang="x-default" href="https://a.example/programs/x/"',
    );
    expect(entry('https://a.example/only-ja/')).not.toContain('hreflang="en"');
    expect(xml.match(/<url>/g)).toHaveLength(3);
  });
  it('redirects former program ids in both languages', () => {
    const r = programRedirects([
      { id: 'new-id', former_ids: ['old-id'] },
      { id: 'other', former_ids: [] },
    ]);
    expect(r).toEqual([
      { from: '/programs/old-id/', to: '/programs/new-id/' },
      { from: '/en/programs/old-id/', to: '/en/programs/new-id/' },
    ]);
    const file = redirectsFile(r);
    expect(file).toContain('/programs/old-id/ /programs/new-id/ 301\n');
    expect(file).toContain('/en/programs/old-id /en/programs/new-id/ 301\n');
    // Astro's redirects config: keys without the trailing slash.
    expect(astroRedirects(r)).toEqual({
      '/programs/old-id': '/programs/new-id/',
      '/en/programs/old-id': '/en/programs/new-id/',
    });
  });
  it('points robots.txt at the sitemap on the origin', () => {
    expect(robotsTxt('https://a.example')).toContain('Sitemap: https://a.example/sitemap.xml');
  });
});
