/**
 * What a person sees on one page of every kind, in both languages: the heading, a known figure with
 * its fiscal-year label, the language switch landing on the twin, links between programs and
 * meetings both ways, the print rendering with the page's URL, no request leaving the site, and
 * no axe (WCAG 2.2 AA) violations.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../helpers/axe.ts';

interface PageCase {
  kind: string;
  ja: string;
  h1: { ja: RegExp; en: RegExp };
  /** Text a reader must find on the page (a figure with its fiscal year, a name …). */
  sees?: { ja: RegExp; en: RegExp };
}

const cases: PageCase[] = [
  { kind: 'home', ja: '/', h1: { ja: /在宅療養事業アトラス/, en: /Zaitaku Atlas/ } },
  {
    kind: 'program',
    ja: '/programs/visiting-nursing-comprehensive-program/',
    h1: { ja: /訪問看護推進総合事業/, en: /home-visit nursing/i },
    sees: { ja: /令和7年度（2025年度）[\s\S]*233,453千円/, en: /FY2025[\s\S]*¥233,453 thousand/ },
  },
  {
    kind: 'program (component)',
    ja: '/programs/visiting-nursing-recruitment/',
    h1: { ja: /訪問看護人材確保事業/, en: /recruitment/i },
    sees: { ja: /4,347千円/, en: /¥4,347 thousand/ },
  },
  {
    kind: 'program (sheet, many figures)',
    ja: '/programs/visiting-nursing-education-stations/',
    h1: { ja: /地域における教育ステーション事業/, en: /Education Station/ },
    sees: { ja: /読み取りに注意/, en: /Check the source/ },
  },
  { kind: 'programs index', ja: '/programs/', h1: { ja: /事業/, en: /Programs/ } },
  { kind: 'programs by bureau', ja: '/programs/by-bureau/', h1: { ja: /所管部局別/, en: /by bureau/ } },
  {
    kind: 'programs by budget, one year',
    ja: '/programs/by-budget/2025/',
    h1: { ja: /令和7年度.*予算額の順/, en: /by budget, FY2025/ },
    sees: { ja: /233,453千円/, en: /¥233,453 thousand/ },
  },
  {
    kind: 'meeting',
    ja: '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/',
    h1: { ja: /令和6年度第2回/, en: /2nd meeting of FY2024/ },
    sees: { ja: /資料5/, en: /Handout 5/ },
  },
  { kind: 'meetings index', ja: '/meetings/', h1: { ja: /会議/, en: /Meetings/ } },
  {
    kind: 'committee',
    ja: '/committees/zaitaku-care-medical-collaboration-subcommittee/',
    h1: { ja: /在宅介護・医療協働推進部会/, en: /Subcommittee/ },
    sees: { ja: /山田 雅子/, en: /山田 雅子/ },
  },
  {
    kind: 'regulation',
    ja: '/regulations/zaitaku-dissemination-project-outline/',
    h1: { ja: /東京都在宅療養普及事業実施要綱/, en: /Outline/i },
  },
  {
    kind: 'survey',
    ja: '/surveys/visiting-nursing-workforce-survey-fy2024/',
    h1: { ja: /調査/, en: /[Ss]urvey/ },
    sees: { ja: /1,768/, en: /1,768/ },
  },
  { kind: 'fiscal year', ja: '/fy/2025/', h1: { ja: /令和7年度/, en: /FY2025/ } },
  { kind: 'plan', ja: '/plan/tokyo-health-plan-2024-outline/', h1: { ja: /在宅療養/, en: /home-based care/i } },
  {
    kind: 'plan item (取組)',
    ja: '/plan/elderly-plan-7-municipal-support/area-5-item-1/',
    h1: { ja: /事項1：訪問診療を実施している診療所数・病院数/, en: /Item 1: Number of clinics and hospitals/ },
    sees: { ja: /令和元年度（2019年度）[\s\S]*2,410所/, en: /FY2019[\s\S]*2,410 facilities/ },
  },
  {
    kind: 'plan item with an uncertain indicator',
    ja: '/plan/tokyo-health-plan-2024-outline/smooth-transition-to-in-home-care/',
    h1: { ja: /取組3/, en: /Initiative 3/ },
    sees: {
      ja: /退院支援を実施している診療所・病院数[\s\S]*位置づけに注意/,
      en: /discharge support[\s\S]*Placement: check the source/,
    },
  },
  {
    kind: 'indicator',
    ja: '/indicators/clinics-hospitals-home-visit-medical-care/',
    h1: { ja: /訪問診療を実施している診療所・病院数/, en: /scheduled home medical visits/ },
    sees: { ja: /医療計画作成支援データブック[\s\S]*2,366所/, en: /Data Book[\s\S]*2,366 facilities/ },
  },
  {
    kind: 'indicators index',
    ja: '/indicators/',
    h1: { ja: /指標/, en: /Indicators/ },
    sees: { ja: /74,484人/, en: /74,484/ },
  },
  { kind: 'source', ja: '/sources/zaitaku-bukai-fy2024-2-materials/', h1: { ja: /令和6年度第2回/, en: /FY2024/ } },
  { kind: 'glossary', ja: '/glossary/', h1: { ja: /用語集/, en: /Glossary/ } },
  { kind: 'about', ja: '/about/', h1: { ja: /このサイトについて/, en: /About/ } },
  {
    kind: 'open data',
    ja: '/data/',
    h1: { ja: /オープンデータ/, en: /Open data/ },
    sees: { ja: /figures\.csv[\s\S]*KB/, en: /figures\.csv[\s\S]*KB/ },
  },
  {
    kind: 'updates',
    ja: '/changes/',
    h1: { ja: /更新情報/, en: /Updates/ },
    sees: { ja: /所管（在宅支援課）の表示を削除しました/, en: /Removed the section in charge/ },
  },
];

const twinOf = (ja: string) => `/en${ja}`;

/** Records every request; fails the test if one leaves 127.0.0.1. */
function watchRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') external.push(req.url());
  });
  return external;
}

for (const c of cases) {
  for (const lang of ['ja', 'en'] as const) {
    const path = lang === 'ja' ? c.ja : twinOf(c.ja);
    test(`${c.kind} (${lang}) ${path}`, async ({ page }) => {
      const external = watchRequests(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).toHaveText(c.h1[lang]);
      if (c.sees) await expect(page.locator('main')).toContainText(c.sees[lang]);

      // The language switch goes to the same page in the other language.
      const other = lang === 'ja' ? twinOf(c.ja) : c.ja;
      await expect(page.locator('a.lang-switch')).toHaveAttribute('href', other);

      expect(await axeViolations(page)).toEqual([]);
      expect(external).toEqual([]);
    });
  }
}

test('a program links to the meeting handout that discusses it, and the meeting links back', async ({ page }) => {
  await page.goto('/programs/visiting-nursing-education-stations/');
  const toMeeting = page.locator('main a[href^="/meetings/zaitaku-collaboration-subcommittee-fy2024-2/"]').first();
  await expect(toMeeting).toContainText('令和6年度第2回');
  await toMeeting.click();
  await expect(page).toHaveURL(/\/meetings\/zaitaku-collaboration-subcommittee-fy2024-2\//);
  await expect(page.locator('main a[href="/programs/visiting-nursing-education-stations/"]').first()).toBeVisible();
});

test('a program shows the indicators reported under it with their first and latest values', async ({ page }) => {
  await page.goto('/programs/home-medical-care-entry-promotion/');
  const section = page.locator('section:has(h2#indicators)');
  await expect(section).toContainText(/訪問診療を実施している診療所・病院数[\s\S]*2,366所[\s\S]*→[\s\S]*2,410所/);
  await section.getByRole('link', { name: '訪問診療を実施している診療所・病院数' }).click();
  await expect(page).toHaveURL(/\/indicators\/clinics-hospitals-home-visit-medical-care\/$/);
  // …and the indicator page links back to the program and to the 取組 it evaluates.
  await expect(page.locator('main a[href="/programs/home-medical-care-entry-promotion/"]')).toBeVisible();
  await expect(page.locator('main a[href="/plan/elderly-plan-7-municipal-support/area-5-item-1/"]')).toBeVisible();
  await page.goto('/en/programs/certified-care-worker-study-loans/');
  await expect(page.locator('section:has(h2#indicators)')).toContainText(
    /Certified care workers in Tokyo[\s\S]*74,484/,
  );
});

test('an old link to a 取組 on the plan page still lands on it, and leads to the 取組 page', async ({ page }) => {
  await page.goto('/plan/tokyo-health-plan-2024-outline/#smooth-transition-to-in-home-care');
  const entry = page.locator('#smooth-transition-to-in-home-care');
  await expect(entry).toBeInViewport();
  await entry.getByRole('link').click();
  await expect(page).toHaveURL(/\/plan\/tokyo-health-plan-2024-outline\/smooth-transition-to-in-home-care\/$/);
  // Old links to an indicator on the plan page land on its row, which links to the indicator page.
  await page.goto('/en/plan/tokyo-health-plan-2024-outline/#indicator-clinics-hospitals-discharge-support');
  await expect(page.locator('#indicator-clinics-hospitals-discharge-support a').first()).toHaveAttribute(
    'href',
    '/en/indicators/clinics-hospitals-discharge-support/',
  );
});

test('printing a 取組 page and an indicator page shows their URL and QR code and hides the pager', async ({ page }) => {
  for (const path of [
    '/plan/elderly-plan-7-municipal-support/area-8-item-2/',
    '/en/indicators/certified-care-workers-in-tokyo/',
  ]) {
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-url')).toContainText(path);
    await expect(page.locator('svg.qr')).toBeVisible();
    await expect(page.locator('.pager')).toBeHidden();
    // The chart prints (it is the page's picture of the series).
    if (path.includes('/indicators/')) await expect(page.locator('figure.chart svg')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  }
});

test('the English language switch lands on the twin page, not the home page', async ({ page }) => {
  await page.goto('/programs/visiting-nursing-recruitment/');
  await page.locator('a.lang-switch').click();
  await expect(page).toHaveURL(/\/en\/programs\/visiting-nursing-recruitment\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('printing a program page hides navigation and shows its permanent URL and a QR code', async ({ page }) => {
  await page.goto('/programs/visiting-nursing-comprehensive-program/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.print-url')).toBeVisible();
  await expect(page.locator('.print-url')).toContainText('/programs/visiting-nursing-comprehensive-program/');
  await expect(page.locator('svg.qr')).toBeVisible();
});

test('printing a meeting page shows its URL and QR code', async ({ page }) => {
  await page.goto('/en/meetings/zaitaku-collaboration-subcommittee-fy2024-2/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-url')).toContainText('/en/meetings/zaitaku-collaboration-subcommittee-fy2024-2/');
  await expect(page.locator('svg.qr')).toBeVisible();
});

test('keyboard alone reaches the search box and the language switch', async ({ page }) => {
  await page.goto('/programs/visiting-nursing-recruitment/');
  const reached = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : '';
    });
    reached.add(id);
  }
  expect([...reached].some((s) => s.includes('site-search-q'))).toBe(true);
  expect([...reached].some((s) => s.includes('lang-switch'))).toBe(true);
});

test('the page works at 320 px without horizontal scrolling of the page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/programs/visiting-nursing-comprehensive-program/');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the 404 page answers in both languages', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('main')).toContainText(/ページが見つかりません|見つかりません/);
  await expect(page.locator('main')).toContainText(/not found/i);
});

for (const lang of ['ja', 'en'] as const) {
  const prefix = lang === 'ja' ? '' : '/en';

  test(`a glossary term cited at its old address leads to its definition (${lang})`, async ({ page }) => {
    await page.goto(`${prefix}/glossary/#home-visit-nursing`);
    const entry = page.locator('li#home-visit-nursing');
    await expect(entry).toBeInViewport();
    await expect(entry).toContainText(
      lang === 'ja' ? '訪問看護 — home-visit nursing' : 'home-visit nursing — 訪問看護',
    );
    await entry.getByRole('link').click();
    const section = lang === 'ja' ? '/glossary/ha-gyo/' : '/en/glossary/h/';
    await expect(page).toHaveURL(new RegExp(`${section}#home-visit-nursing$`));
    await expect(page.locator('h1')).toHaveText(lang === 'ja' ? '用語集：は行' : 'Glossary: H');
    await expect(page.locator('#home-visit-nursing')).toBeInViewport();
    await expect(page.locator('#home-visit-nursing + dd')).toContainText(
      lang === 'ja' ? '主治医の指示' : 'instructions',
    );
    await expect(page.locator('nav.jump [aria-current="page"]')).toHaveText(lang === 'ja' ? 'は' : 'H');
    // Sections differ between the languages: the switch leads to the other language's index.
    await expect(page.locator('a.lang-switch')).toHaveAttribute('href', lang === 'ja' ? '/en/glossary/' : '/glossary/');
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`a source cited by many pages lists the first 20 and all of them on its own page (${lang})`, async ({
    page,
  }) => {
    const source = `${prefix}/sources/zaitaku-bukai-fy2024-2-materials/`;
    await page.goto(source);
    const section = page.locator('section', { has: page.locator('h2#cited-by') });
    const entryLinks = section.locator('h3 + ul > li > a');
    await expect(entryLinks).toHaveCount(20);
    const first = await entryLinks.allTextContents();
    const summary = (await section.locator('p').first().textContent())!;
    const total = Number(/(\d+)/.exec(summary)![1]);
    expect(total).toBeGreaterThan(20);
    // Each kind's count leads to where that kind begins in the full list.
    const meetings = section
      .locator('p')
      .first()
      .getByRole('link', { name: lang === 'ja' ? /^会議/ : /^Meetings/ });
    await expect(meetings).toHaveAttribute('href', new RegExp(`^${source}cited-by/(page/\\d+/)?#cited-by-meeting$`));
    await section
      .getByRole('link', { name: lang === 'ja' ? `引用している${total}件をすべて見る` : `See all ${total}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`${source}cited-by/$`));
    await expect(page.locator('h1')).toContainText(lang === 'ja' ? 'を引用しているページ' : 'Pages citing');
    const all = page.locator('main h2 + ul > li > a');
    await expect(all).toHaveCount(total);
    expect((await all.allTextContents()).slice(0, 20)).toEqual(first);
    // A cited heading leads back to its place in the text on the source page.
    const heading = page.locator('main ul.headings a').first();
    await expect(heading).toHaveAttribute('href', new RegExp(`^${source}#`));
    expect(await axeViolations(page)).toEqual([]);
    await heading.click();
    await expect(page.locator('mark:target')).toBeInViewport();
  });
}
