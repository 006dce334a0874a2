import { describe, expect, it } from 'vitest';
import { pagePaths, programRedirects, redirectsFile, robotsTxt, sitemapXml } from '../../src/lib/site-map.ts';

const site = {
  programs: [{ id: 'new-id', former_ids: ['old-id'] }, { id: 'other', former_ids: [] }],
  meetings: [{ id: 'm1' }],
  committees: [{ id: 'c1' }],
  plans: [{ id: 'p1' }],
  regulations: [{ id: 'r1' }],
  surveys: [{ id: 's1' }],
  sources: [{ id: 'd1' }],
  fiscalYears: [2024, 2025],
};

describe('site map', () => {
  it('lists every page kind once, without the language prefix', () => {
    const list = pagePaths(site);
    for (const p of ['/', '/programs/', '/programs/by-budget/', '/programs/new-id/', '/fy/', '/fy/2025/', '/meetings/m1/', '/committees/c1/', '/regulations/r1/', '/surveys/s1/', '/plan/p1/', '/sources/d1/', '/glossary/', '/about/'])
      expect(list).toContain(p);
    expect(list).not.toContain('/programs/old-id/');
    expect(new Set(list).size).toBe(list.length);
    expect(list.every((p) => p.endsWith('/') && !p.startsWith('/en/'))).toBe(true);
  });
  it('writes both languages with hreflang alternates on the given origin', () => {
    const xml = sitemapXml(['/programs/x/'], 'https://a.example');
    expect(xml).toContain('<loc>https://a.example/programs/x/</loc>');
    expect(xml).toContain('<loc>https://a.example/en/programs/x/</loc>');
    expect(xml).toContain('hreflang="x-default" href="https://a.example/programs/x/"');
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });
  it('redirects former program ids in both languages', () => {
    const r = programRedirects(site.programs);
    expect(r).toEqual([
      { from: '/programs/old-id/', to: '/programs/new-id/' },
      { from: '/en/programs/old-id/', to: '/en/programs/new-id/' },
    ]);
    const file = redirectsFile(r);
    expect(file).toContain('/programs/old-id/ /programs/new-id/ 301\n');
    expect(file).toContain('/en/programs/old-id /en/programs/new-id/ 301\n');
  });
  it('points robots.txt at the sitemap on the origin', () => {
    expect(robotsTxt('https://a.example')).toContain('Sitemap: https://a.example/sitemap.xml');
  });
});
