/**
 * Printed handouts (issue 13), in Chromium's print to PDF with the page's own @page size, both languages:
 * - every program page prints on at most two A4 pages;
 * - every printed page of a handout carries the site name, the page's URL, the as-of date and page N/M in its
 *   margins (read back from the PDF with pdftotext, poppler-utils);
 * - the URL, the citation and the QR code are on page 1; no page ends with a heading or a table caption;
 * - the print-margin style is allowed by the page's CSP (no violation reported);
 * - a build without SITE_URL says on screen and on paper that it is a preview.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA = join(import.meta.dirname, '../../data');
const programIds = readdirSync(join(DATA, 'programs'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
const preview = !process.env.SITE_URL;

/** The page printed to PDF: the text of each printed page (pdftotext -layout; pages end with a form feed). */
async function printedPages(page: Page): Promise<string[]> {
  // The test's own output folder (emptied by Playwright): safe when this file's tests run in several workers.
  const file = test.info().outputPath('page.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
  expect(count, `pdfinfo: ${info.stderr}`).toBeGreaterThan(0);
  const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
  const pages = text.split('\f').slice(0, count);
  expect(pages).toHaveLength(count);
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** The as-of date the page shows (PageUpdated), as printed. */
const shownDate = (page: Page) => page.locator('.page-updated time').innerText();

const label = {
  ja: { updated: 'データ更新日', page: (n: number, m: number) => `${n} / ${m}ページ`, site: '在宅療養事業アトラス' },
  en: { updated: 'Data last updated', page: (n: number, m: number) => `Page ${n} of ${m}`, site: 'Zaitaku Atlas' },
};

/**
 * How many printed pages the page has beyond `limit`, without printing the pages it may have: Chromium is asked for
 * pages limit+1 onwards, and says "Page range exceeds page count" when there are none. Printing a whole program page
 * costs 1–6 s (most of it writing fonts into the PDF); this costs ~0.1 s, so every program page can be checked.
 */
async function pagesBeyond(page: Page, limit: number): Promise<number> {
  let pdf: Buffer;
  try {
    pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, pageRanges: `${limit + 1}-` });
  } catch (error) {
    // Any other failure (or a Chromium that words it differently) fails the test rather than passing it.
    if (/Page range exceeds page count/.test(String(error))) return 0;
    throw error;
  }
  const file = test.info().outputPath('beyond.pdf');
  writeFileSync(file, pdf);
  const count = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);
  expect(count, 'pdfinfo of the pages beyond the limit').toBeGreaterThan(0);
  return count;
}

/** Every printed page carries the site name, the as-of date the page shows, its URL and "page N of M". */
function expectMargins(pages: string[], path: string, date: string, lang: 'ja' | 'en') {
  pages.forEach((text, i) => {
    const where = `${path} page ${i + 1}`;
    expect(text, where).toContain(label[lang].site);
    expect(squash(text), where).toContain(squash(`${label[lang].updated} ${date}`));
    expect(squash(text), where).toContain(squash(path));
    expect(squash(text), where).toContain(squash(label[lang].page(i + 1, pages.length)));
  });
}

// One test per language, so that with more than one worker the two halves of 100+ pages print side by side.
// What each page's margins say is checked here on printed handouts (below) and on every built page in
// tests/site/pages.test.ts (the margin style names the page's own URL and date).
for (const lang of ['ja', 'en'] as const) {
  test(`every program page (${lang}) prints on at most two A4 pages`, async ({ page }) => {
    test.setTimeout(300_000);
    const tooLong: string[] = [];
    for (const id of programIds) {
      const path = `${lang === 'ja' ? '' : '/en'}/programs/${id}/`;
      await page.goto(path);
      const extra = await pagesBeyond(page, 2);
      if (extra > 0) tooLong.push(`${path}: ${2 + extra} pages`);
    }
    expect(tooLong).toEqual([]);
  });
}

test('the page count probe sees a third printed page when there is one', async ({ page }) => {
  await page.goto('/programs/visiting-nursing-recruitment/');
  expect(await pagesBeyond(page, 2)).toBe(0);
  await page.locator('main').evaluate((main) => {
    for (let i = 0; i < 200; i++) main.append(Object.assign(document.createElement('p'), { textContent: `行 ${i}` }));
  });
  expect(await pagesBeyond(page, 2)).toBeGreaterThan(0);
  const pages = await printedPages(page);
  expect(await pagesBeyond(page, 2)).toBe(pages.length - 2);
});

/** Headings and captions of the page as text, to see whether one is the last thing on a printed page. */
async function headingTexts(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const texts = await page.locator('main :is(h2, h3, caption, summary):visible').allInnerTexts();
  await page.emulateMedia({ media: null });
  return texts.map(squash).filter((t) => t.length > 2);
}

/** The last line of a printed page's body (above the bottom margin's URL and page number). */
function lastBodyLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return squash(lines.at(-2) ?? '');
}

for (const lang of ['ja', 'en'] as const) {
  const prefix = lang === 'ja' ? '' : '/en';

  test(`a printed handout (${lang}) has its margins, starts with URL, citation and QR code, no page ends on a heading`, async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    for (const path of [
      '/programs/visiting-nursing-education-stations/',
      '/programs/visiting-nursing-comprehensive-program/',
      '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/',
      '/plan/tokyo-health-plan-2024-outline/',
      '/fy/2025/',
    ]) {
      await page.goto(prefix + path);
      const headings = await headingTexts(page);
      const date = await shownDate(page);
      const pages = await printedPages(page);
      expectMargins(pages, prefix + path, date, lang);
      const first = squash(pages[0]!);
      expect(first).toContain(squash(lang === 'ja' ? 'このページ：' : 'This page:'));
      if (!path.startsWith('/fy/')) {
        expect(first).toContain(squash(lang === 'ja' ? '引用：' : 'Cite as:'));
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('.print-head svg.qr')).toBeVisible();
        await page.emulateMedia({ media: null });
      }
      pages.slice(0, -1).forEach((text, i) => {
        const last = lastBodyLine(text);
        // The page's last line is a heading or caption, or the start of one that goes on over the page (a line
        // long enough not to be a table cell's word that happens to begin a heading).
        const stranded = headings.filter((h) => last === h || (last.length >= 12 && h.startsWith(last)));
        expect(stranded, `${prefix + path} page ${i + 1} ends with "${last}"`).toEqual([]);
      });
    }
    expect(violations).toEqual([]);
  });

  test(`the print margin style is allowed by the page's CSP (${lang})`, async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to apply/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${prefix}/programs/visiting-nursing-recruitment/`);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).not.toContain('unsafe-inline');
    const inline = await page.locator('head style').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(inline.some((css) => css.includes('@bottom-right'))).toBe(true);
    expect(violations).toEqual([]);
  });

  test(`a build without SITE_URL says it is a preview, on screen and on paper (${lang})`, async ({ page }) => {
    await page.goto(`${prefix}/programs/visiting-nursing-recruitment/`);
    const banner = page.locator('.preview-banner');
    if (!preview) {
      await expect(banner).toHaveCount(0);
      return;
    }
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(lang === 'ja' ? 'プレビュー版' : 'Preview build');
    const [first] = await printedPages(page);
    expect(squash(first!)).toContain(squash(lang === 'ja' ? 'プレビュー版' : 'Preview build'));
  });
}
