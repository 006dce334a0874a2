/**
 * Site search in a real browser against the built site (npm run build, whose integration runs
 * src/integrations/search-index.ts once the pages are written):
 * - the query set (tests/search-queries.ts): each expected page in the first three results; prints the
 *   misses and fails below PASS_RATE;
 * - ?q= from the no-JS header form, filters, the live region, keyboard use, axe, CSP;
 * - without JavaScript the page says search needs it and links to the programs;
 * - no page but the search page loads anything from /pagefind/ (or any script at all).
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../helpers/axe.ts';
import { PASS_RATE, SEARCH_QUERIES, type SearchQuery } from '../search-queries.ts';
import { waitForResults } from '../helpers/search-page.ts';

const searchPath = (lang: 'ja' | 'en') => (lang === 'ja' ? '/search/' : '/en/search/');

async function resultPaths(page: Page): Promise<string[]> {
  return page.$$eval('#search-results > li h2 a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}

/** Collects CSP violations and script errors. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the query set finds the expected page in the first three results', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const misses: string[] = [];
  const byKind = new Map<string, { pass: number; total: number }>();
  for (const lang of ['ja', 'en'] as const) {
    await page.goto(searchPath(lang));
    await waitForResults(page, '');
    for (const q of SEARCH_QUERIES.filter((x) => x.lang === lang)) {
      await page.fill('#search-q', q.q);
      await waitForResults(page, q.q);
      const paths = await resultPaths(page);
      const rank = paths.indexOf(q.expect) + 1;
      const ok = rank >= 1 && rank <= 3;
      const k = byKind.get(`${lang} ${q.kind}`) ?? { pass: 0, total: 0 };
      byKind.set(`${lang} ${q.kind}`, { pass: k.pass + (ok ? 1 : 0), total: k.total + 1 });
      if (!ok)
        misses.push(
          `[${lang}] ${q.q} (${q.kind}): expected ${q.expect}, ${rank ? `rank ${rank}` : 'not found'}; got ${paths.slice(0, 3).join(' ') || 'nothing'}`,
        );
    }
  }
  const total = SEARCH_QUERIES.length;
  const passed = total - misses.length;
  console.log(
    `search query set: ${passed}/${total} (${((100 * passed) / total).toFixed(1)}%) with the expected page in the top 3`,
  );
  console.log([...byKind].map(([k, v]) => `  ${k}: ${v.pass}/${v.total}`).join('\n'));
  if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
  expect(errors).toEqual([]);
  expect(passed / total, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(PASS_RATE);
});

test('the query set has at least 40 Japanese and 15 English queries, each with an expected page', () => {
  const count = (lang: SearchQuery['lang']) => SEARCH_QUERIES.filter((q) => q.lang === lang).length;
  expect(count('ja')).toBeGreaterThanOrEqual(40);
  expect(count('en')).toBeGreaterThanOrEqual(15);
  for (const q of SEARCH_QUERIES) expect(q.expect).toMatch(q.lang === 'en' ? /^\/en\/.+\/$/ : /^\/(?!en\/).+\/$/);
});

test('?q= from the header form shows results: title, kind, fiscal years and a highlighted excerpt', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/programs/visiting-nursing-recruitment/');
  await page.fill('#site-search-q', '教育ステーション');
  await page.press('#site-search-q', 'Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await waitForResults(page, '教育ステーション');
  await expect(page.locator('#search-q')).toHaveValue('教育ステーション');
  const first = page.locator('#search-results > li').first();
  await expect(first.locator('h2 a')).toHaveAttribute('href', '/programs/visiting-nursing-education-stations/');
  await expect(first.locator('h2 a')).toHaveText('地域における教育ステーション事業');
  await expect(first.locator('.badge')).toHaveText('事業');
  await expect(first.locator('.search-result-meta')).toContainText('令和6年度');
  await expect(first.locator('.search-excerpt')).toContainText('教育ステーション');
  await expect(first.locator('.search-excerpt mark').first()).toContainText('教育');
  await expect(page.locator('#search-status')).toHaveText(/\d+件見つかりました/);
  expect(errors).toEqual([]);
});

test('the results update as the user types, and the live region announces the count', async ({ page }) => {
  await page.goto('/en/search/');
  await waitForResults(page, '');
  const status = page.locator('#search-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await page.locator('#search-q').pressSequentially('ventilator', { delay: 30 });
  await waitForResults(page, 'ventilator');
  await expect(status).toHaveText(/^\d+ results?\.$/);
  expect((await resultPaths(page))[0]).toBe('/en/programs/home-ventilator-user-support/');
  await expect(page).toHaveURL(/\?q=ventilator$/);
});

test('a converted IME candidate is searched while it is shown: its commit fetches nothing and shows its results', async ({
  page,
  context,
}) => {
  await page.goto('/search/');
  await waitForResults(page, '');
  await page.locator('#search-q').focus();
  const cdp = await context.newCDPSession(page);
  const compose = (text: string) =>
    cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  // The candidate's search loads the index and the fragments of its first results before the commit.
  const fragment = page.waitForRequest(/\.pf_fragment$/);
  await compose('人工呼吸器');
  await fragment;
  await page.waitForLoadState('networkidle');
  await expect(page.locator('#search')).not.toHaveAttribute('data-query', '人工呼吸器');
  await expect(page.locator('#search-results > li')).toHaveCount(0);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await cdp.send('Input.insertText', { text: '人工呼吸器' });
  await waitForResults(page, '人工呼吸器');
  expect((await resultPaths(page))[0]).toBe('/programs/home-ventilator-user-support/');
  // (Chromium asks for the favicon again when the address changes to ?q=.)
  expect(fetched.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);

  // Committed text other than the candidate searched: the results are the committed text's.
  await page.locator('#search-q').fill('');
  await waitForResults(page, '');
  await compose('訪問看護');
  await cdp.send('Input.insertText', { text: '訪問介護' });
  await waitForResults(page, '訪問介護');
  expect(await page.locator('#search-results mark').allTextContents()).toContain('介護');
});

test('fiscal years written any way find the same year', async ({ page }) => {
  await page.goto('/search/');
  await waitForResults(page, '');
  for (const q of ['令和6年度', 'R6', '２０２４年度', 'FY2024', 'r6']) {
    await page.fill('#search-q', q);
    await waitForResults(page, q);
    expect((await resultPaths(page))[0], q).toBe('/fy/2024/');
  }
});

test('filters narrow the results and are kept in the address', async ({ page }) => {
  await page.goto('/search/?q=訪問看護');
  await waitForResults(page, '訪問看護');
  const all = (await resultPaths(page)).length;
  await expect(page.locator('#search-filters')).toBeVisible();
  for (const f of ['kind', 'fy', 'initiative', 'bureau', 'fund'])
    await expect.poll(() => page.locator(`#search-filter-${f} option`).count(), { message: f }).toBeGreaterThan(1);

  await page.selectOption('#search-filter-kind', 'program');
  await waitForResults(page, '訪問看護');
  await expect(page).toHaveURL(/kind=program/);
  const badges = await page.locator('#search-results .badge').allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  expect(new Set(badges)).toEqual(new Set(['事業']));

  await page.selectOption('#search-filter-fy', '2025');
  await waitForResults(page, '訪問看護');
  await expect(page).toHaveURL(/fy=2025/);
  expect((await resultPaths(page)).length).toBeGreaterThan(0);

  // A filter alone, without a query, lists what it selects; the address restores it.
  await page.goto('/search/?kind=committee');
  await waitForResults(page, '');
  await expect(page.locator('#search-filter-kind')).toHaveValue('committee');
  const committees = await resultPaths(page);
  expect(committees.length).toBeGreaterThan(0);
  expect(committees.every((p) => p.startsWith('/committees/'))).toBe(true);
  expect(all).toBeGreaterThan(0);
});

test("the filter lists come from filters-<lang>.json, which says what Pagefind's own filter files say", async ({
  page,
}) => {
  for (const lang of ['ja', 'en'] as const) {
    const requests: string[] = [];
    page.on('request', (req) => requests.push(new URL(req.url()).pathname));
    await page.goto(searchPath(lang));
    await waitForResults(page, '');
    await expect.poll(() => page.locator('#search-filter-kind option').count()).toBeGreaterThan(1);
    // Opening the page loads no filter file of Pagefind's (their size grows with the number of pages).
    expect(requests.filter((r) => /^\/pagefind\/[^/]+\/filter\//.test(r))).toEqual([]);
    expect(requests).toContain(`${await page.locator('#search').getAttribute('data-index')}filters-${lang}.json`);
    const [ours, pagefinds] = await page.evaluate(async (l) => {
      const script = '/pagefind/pagefind.js';
      // The page's own Pagefind (one per page), set to its index folder.
      const pagefind = await import(/* @vite-ignore */ script);
      const file = await (await fetch(`${document.getElementById('search')!.dataset.index}filters-${l}.json`)).json();
      return [file, await pagefind.filters()];
    }, lang);
    expect(requests.some((r) => /^\/pagefind\/[^/]+\/filter\//.test(r))).toBe(true);
    expect(ours, lang).toEqual(pagefinds);
    page.removeAllListeners('request');
  }
});

test('keyboard alone: type a query, Tab to the first result, Enter opens it', async ({ page }) => {
  await page.goto('/search/');
  await waitForResults(page, '');
  await page.locator('#search-q').focus();
  await page.keyboard.type('人工呼吸器');
  await waitForResults(page, '人工呼吸器');
  let href = '';
  for (let i = 0; i < 12 && !href; i++) {
    await page.keyboard.press('Tab');
    href = await page.evaluate(() =>
      document.activeElement?.closest('#search-results')
        ? ((document.activeElement as HTMLAnchorElement).getAttribute('href') ?? '')
        : '',
    );
  }
  expect(href).toBe('/programs/home-ventilator-user-support/');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/programs\/home-ventilator-user-support\/$/);
});

for (const lang of ['ja', 'en'] as const) {
  test(`the search page with results and filters has no axe violations (${lang})`, async ({ page }) => {
    await page.goto(`${searchPath(lang)}?q=${lang === 'ja' ? '教育ステーション' : 'education station'}`);
    await waitForResults(page, lang === 'ja' ? '教育ステーション' : 'education station');
    await page
      .locator('#search-more')
      .click()
      .catch(() => undefined);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('without JavaScript the search page says so and links to the programs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, programs] of [
    ['/search/?q=カスハラ', '/programs/'],
    ['/en/search/?q=harassment', '/en/programs/'],
  ] as const) {
    await page.goto(path);
    const note = page.locator('.search-nojs');
    await expect(note).toBeVisible();
    await expect(note).toContainText(
      path.startsWith('/en/') ? 'Search needs JavaScript' : '検索にはJavaScriptが必要です',
    );
    await expect(note.locator('a')).toHaveAttribute('href', programs);
  }
  await context.close();
});

test('the search page loads Pagefind; no other page loads anything from /pagefind/ or any script', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (req) => requests.push(new URL(req.url()).pathname));
  const pages = [
    '/',
    '/programs/',
    '/programs/visiting-nursing-education-stations/',
    '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/',
    '/committees/zaitaku-care-medical-collaboration-subcommittee/',
    '/fy/2024/',
    '/glossary/',
    '/en/',
    '/en/programs/home-ventilator-user-support/',
  ];
  for (const path of pages) {
    requests.length = 0;
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(
      requests.filter((r) => r.startsWith('/pagefind/')),
      path,
    ).toEqual([]);
    expect(
      requests.filter((r) => r.endsWith('.js') || r.endsWith('.wasm') || r.endsWith('.pagefind')),
      path,
    ).toEqual([]);
    expect(await page.locator('script').count(), path).toBe(0);
  }
  requests.length = 0;
  await page.goto('/search/?q=ACP');
  await waitForResults(page, 'ACP');
  expect(requests.some((r) => r.startsWith('/pagefind/'))).toBe(true);
  // The search page's own script is an external module (no inline script: CSP).
  const scripts = await page.locator('script').evaluateAll((els) =>
    els.map((s) => ({
      src: s.getAttribute('src'),
      type: s.getAttribute('type'),
      inline: (s.textContent ?? '').trim().length,
    })),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toMatchObject({ type: 'module', inline: 0 });
});

test('kana in either script and a day written any common way find their page, every one of them', async ({ page }) => {
  test.setTimeout(120_000);
  for (const lang of ['ja', 'en'] as const) {
    await page.goto(searchPath(lang));
    await waitForResults(page, '');
    for (const q of SEARCH_QUERIES.filter((x) => x.lang === lang && (x.kind === 'kana' || x.kind === 'date'))) {
      await page.fill('#search-q', q.q);
      await waitForResults(page, q.q);
      expect((await resultPaths(page)).slice(0, 3), `${lang} ${q.q}`).toContain(q.expect);
    }
  }
});

test('the search page has one search box, which carries the query', async ({ page }) => {
  for (const [path, q] of [
    ['/search/?q=訪問看護', '訪問看護'],
    ['/en/search/?q=nursing', 'nursing'],
  ]) {
    await page.goto(path!);
    await waitForResults(page, q!);
    await expect(page.locator('input[type="search"]')).toHaveCount(1);
    await expect(page.locator('input[type="search"]')).toHaveValue(q!);
  }
  // Other pages keep the header box.
  await page.goto('/programs/');
  await expect(page.locator('#site-search-q')).toBeVisible();
});

test('a result for a program shows its latest amount; excerpts have no stray tokens or spaces', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('教育ステーション')}`);
  await waitForResults(page, '教育ステーション');
  const first = page.locator('#search-results > li').first();
  await expect(first.locator('.search-amount')).toHaveText('直近の金額：令和7年度（2025年度）予算案 47,711千円');
  await page.goto(`/en/search/?q=${encodeURIComponent('education station')}`);
  await waitForResults(page, 'education station');
  await expect(page.locator('#search-results > li').first().locator('.search-amount')).toContainText(
    '¥47,711 thousand',
  );
  for (const q of ['令和6年度', '2024年度 訪問看護']) {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    await waitForResults(page, q);
    for (const text of await page.locator('.search-excerpt').allInnerTexts()) {
      expect(text, q).not.toMatch(/nendo\d|day\d{8}|\s[)）]|^[.,、。]/);
    }
  }
});

// Pagefind matches generously (any known word or prefix), so "nothing found" takes a word it has never seen.
test('a search that finds nothing offers the closest titles and terms and ways to browse', async ({ page }) => {
  for (const [lang, q, closest] of [
    ['en', 'kasuhara', '/en/glossary/#customer-harassment'],
    ['ja', 'ｚｚｑｘ', undefined],
    ['en', 'zzqx', undefined],
  ] as const) {
    const prefix = lang === 'ja' ? '' : '/en';
    await page.goto(`${searchPath(lang)}?q=${encodeURIComponent(q)}`);
    await waitForResults(page, q);
    await expect(page.locator('#search-status')).toHaveText(lang === 'ja' ? /見つかりませんでした/ : /No results/i);
    const suggest = page.locator('#search-suggest');
    await expect(suggest).toBeVisible();
    if (closest) await expect(suggest.locator(`a[href="${closest}"]`)).toBeVisible();
    else await expect(suggest.locator('ul')).toHaveCount(0);
    await expect(suggest.locator(`a[href="${prefix}/programs/"]`)).toBeVisible();
    await expect(suggest.locator(`a[href="${prefix}/glossary/"]`)).toBeVisible();
  }
});

test('on a phone the filters fold away below the box; on a wide screen they are open', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/search/?q=${encodeURIComponent('訪問看護')}`);
  await waitForResults(page, '訪問看護');
  const fold = page.locator('.search-filters-fold');
  await expect(fold.locator('summary')).toBeVisible();
  await expect(page.locator('#search-filter-kind')).toBeHidden();
  // The first result is in the first screen.
  await expect(page.locator('#search-results > li').first()).toBeInViewport();
  await fold.locator('summary').click();
  await expect(page.locator('#search-filter-kind')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/search/?q=${encodeURIComponent('訪問看護')}`);
  await waitForResults(page, '訪問看護');
  await expect(fold.locator('summary')).toBeHidden();
  await expect(page.locator('#search-filter-kind')).toBeVisible();
});
