/**
 * The Content-Security-Policy in a real browser, as a host that reads `_headers` serves the site: each
 * response gets the header policy of its path (from the built `_headers`, added in the test because
 * `astro preview` does not read that file) on top of the page's own meta policy, so both apply.
 * - the search page still loads Pagefind (WebAssembly) and shows results, in both languages;
 * - no page of a sample of every kind, in both languages, reports a CSP violation or a console error;
 * - a page without script really runs none: an inline script added to it is refused.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../helpers/dist.ts';
import { waitForResults } from '../helpers/search-page.ts';
import { parseHeadersFile, patternMatches } from '../../src/lib/csp.ts';

const rules = [...parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'))];

/** The headers `_headers` gives a URL path: every matching rule's, as a host applies them. */
function headersFor(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pattern, headers] of rules)
    if (patternMatches(pattern, path)) for (const [name, value] of headers) out[name.toLowerCase()] = value;
  return out;
}

/** Serves every same-origin response with its `_headers` headers; collects violations and console errors. */
async function asHosted(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headersFor(url.pathname) } });
  });
  return problems;
}

for (const [lang, prefix, query] of [
  ['ja', '', '訪問看護'],
  ['en', '/en', 'nursing'],
] as const) {
  test(`search works under its header and meta CSP (${lang})`, async ({ page }) => {
    const problems = await asHosted(page);
    const response = await page.goto(`${prefix}/search/?q=${encodeURIComponent(query)}`);
    expect(response?.headers()['content-security-policy']).toContain("'wasm-unsafe-eval'");
    await waitForResults(page, query);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
}

/** One page of each kind (Japanese paths; the English twin is tested too). */
const SAMPLE = [
  '/',
  '/programs/',
  '/programs/visiting-nursing-recruitment/',
  '/programs/by-budget/',
  '/programs/by-bureau/',
  '/fy/',
  '/fy/2024/',
  '/meetings/',
  '/meetings/zaitaku-collaboration-subcommittee-fy2024-1/',
  '/committees/',
  '/plan/',
  '/plan/tokyo-health-plan-2024-outline/',
  '/indicators/',
  '/sources/',
  '/glossary/',
  '/about/',
];

for (const lang of ['ja', 'en'] as const) {
  test(`no CSP violation or console error on a page of every kind (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const problems = await asHosted(page);
    for (const path of SAMPLE) {
      const url = lang === 'ja' ? path : `/en${path}`;
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      expect(response?.headers()['content-security-policy'], url).toContain("script-src 'none'");
      await expect(page.locator('h1').first(), url).toBeVisible();
      // Styles still apply under both policies: the layout's stylesheet moves the skip link off screen.
      expect(await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).position), url).toBe('absolute');
      expect(problems, url).toEqual([]);
    }
  });
}

test('a page without script refuses an inline script added to it', async ({ page }) => {
  const problems = await asHosted(page);
  await page.goto('/programs/');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true';
    document.head.append(script);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
  });
  expect(ran).toBe(false);
  expect(problems.some((p) => /violation: script-src/.test(p))).toBe(true);
});
