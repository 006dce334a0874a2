/**
 * Phones and looks (issue 13), both languages, on one page of every kind:
 * - at 375 and 320 px the header is under 120 px, and no table cell lies outside the screen unless it is
 *   inside a scroll region; a region that scrolls is labelled, reachable by keyboard and says it scrolls;
 * - names in rosters and fiscal-year labels never break inside (320 px);
 * - Japanese fonts come first, running Japanese text is 35–45 characters a line, line height about 1.7;
 * - axe's colour rules find nothing in the dark scheme either (the light scheme, every rule: pages.spec.ts). The
 *   dark scheme changes only colour properties (tests/source/styles.test.ts), so no other rule can differ.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, COLOUR_RULES } from '../helpers/axe.ts';

const KINDS: [string, string][] = [
  ['program', '/programs/visiting-nursing-education-stations/'],
  ['parent program', '/programs/visiting-nursing-comprehensive-program/'],
  ['plan', '/plan/tokyo-health-plan-2024-outline/'],
  ['取組 item', '/plan/tokyo-health-plan-2024-outline/smooth-transition-to-in-home-care/'],
  ['indicator', '/indicators/clinics-hospitals-home-visit-medical-care/'],
  ['meeting', '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/'],
  ['committee', '/committees/zaitaku-care-medical-collaboration-subcommittee/'],
  ['fiscal year', '/fy/2025/'],
  ['glossary', '/glossary/'],
  ['home', '/'],
  ['programs index', '/programs/'],
  ['programs by budget', '/programs/by-budget/2025/'],
  ['search', '/search/?q=訪問看護'],
];
const prefixes = { ja: '', en: '/en' } as const;

/** Table cells whose right edge is off the screen without a scroll region around them. */
function cellsOffScreen(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('main th, main td')) {
      if (!cell.getClientRects().length) continue;
      const scroller = cell.closest<HTMLElement>('.table-scroll');
      const box = (scroller ?? cell).getBoundingClientRect();
      const scrolls = scroller && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX);
      if (box.right > width + 1 || (!scrolls && cell.getBoundingClientRect().right > width + 1))
        out.push(cell.innerText.slice(0, 30));
    }
    return out;
  });
}

for (const lang of ['ja', 'en'] as const) {
  test(`phones (${lang}): header under 120 px, tables inside the screen or in a scroll region`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const width of [375, 320]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [kind, path] of KINDS) {
        await page.goto(prefixes[lang] + path);
        const where = `${kind} ${prefixes[lang] + path} at ${width} px`;
        const header = await page.locator('.site-header').boundingBox();
        expect(header!.height, where).toBeLessThan(120);
        expect(await cellsOffScreen(page), where).toEqual([]);
        // A region that does scroll says so, has a name and takes the keyboard focus.
        for (const region of await page.locator('main .table-scroll').all()) {
          const wider = await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
          if (!wider || !(await region.isVisible())) continue;
          await expect(region, where).toHaveAttribute('tabindex', '0');
          await expect(region, where).toHaveRole('region');
          expect(await region.getAttribute('aria-label'), where).toBeTruthy();
          await expect(region.locator('.scroll-hint'), where).toBeVisible();
        }
      }
    }
  });

  test(`the menu folds on a phone and opens without script (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${prefixes[lang]}/programs/`);
    const firstLink = page.locator('.site-menu nav a').first();
    await expect(firstLink).toBeHidden();
    await page.locator('.site-menu summary').click();
    await expect(firstLink).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${prefixes[lang]}/programs/`);
    await expect(page.locator('.site-menu summary')).toBeHidden();
    await expect(firstLink).toBeVisible();
    await context.close();
  });

  test(`dark scheme (${lang}): axe finds no contrast violation on any page kind`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    for (const [kind, path] of KINDS) {
      await page.goto(prefixes[lang] + path);
      if (kind === 'search') await expect(page.locator('#search-results li').first()).toBeVisible();
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg, 'the dark scheme is in use').not.toBe('rgb(255, 255, 255)');
      expect(await axeViolations(page, { rules: COLOUR_RULES }), `${kind} ${prefixes[lang] + path}`).toEqual([]);
    }
    await context.close();
  });
}

test('names in a roster and fiscal-year labels never break inside at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of [
    '/committees/zaitaku-care-medical-collaboration-subcommittee/',
    '/en/committees/zaitaku-care-medical-collaboration-subcommittee/',
  ]) {
    await page.goto(path);
    const names = page.locator('.roster th[scope="row"] > span');
    expect(await names.count()).toBeGreaterThan(5);
    const broken = await names.evaluateAll((els) =>
      els
        .filter((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size > 1)
        .map((el) => el.textContent),
    );
    expect(broken, path).toEqual([]);
  }
  await page.goto('/programs/visiting-nursing-comprehensive-program/');
  const labels = page.locator('.sheet .nw');
  const split = await labels.evaluateAll((els) =>
    els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent),
  );
  expect(split).toEqual([]);
});

test('Japanese fonts first; Japanese running text 35–45 characters a line, line height about 1.7', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/programs/visiting-nursing-education-stations/');
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(font).toMatch(/^"?Noto Sans JP"?,/);
  const measure = await page.locator('main p.lead').evaluate((p) => {
    const style = getComputedStyle(p);
    const size = parseFloat(style.fontSize);
    return { chars: p.getBoundingClientRect().width / size, lineHeight: parseFloat(style.lineHeight) / size };
  });
  expect(measure.chars).toBeGreaterThanOrEqual(35);
  expect(measure.chars).toBeLessThanOrEqual(45);
  expect(measure.lineHeight).toBeGreaterThan(1.6);
  expect(measure.lineHeight).toBeLessThan(1.8);
});
