/**
 * Open data as a person meets it, in both languages: the data page with its files, sizes, dictionary and
 * citation (and its JSON-LD raising no CSP violation); a program's "Get the data" link that downloads its
 * figures; change notes in one line with every update behind "See all updates" (no JavaScript needed),
 * the list and the links hidden in print; the meeting's "Add to calendar" file.
 */
import { expect, test, type Page } from '@playwright/test';

const L = {
  ja: {
    data: '/data/',
    program: '/programs/visiting-nursing-recruitment/',
    meeting: '/meetings/zaitaku-collaboration-subcommittee-fy2024-2/',
    getData: 'データを入手',
    latest: /2026年12月1日.*に更新：所管（在宅支援課）の表示を削除しました。/,
    all: 'すべての更新を見る（1件）',
    cite: /出典：在宅療養事業アトラス編集チーム「在宅療養事業アトラス データセット」（https?:\/\/[^）]+\/data\/）（○年○月○日に利用）/,
    edited: /「在宅療養事業アトラス データセット」（https?:\/\/[^）]+\/data\/）を加工して作成/,
    calendar: 'カレンダーに追加（iCalendar）',
  },
  en: {
    data: '/en/data/',
    program: '/en/programs/visiting-nursing-recruitment/',
    meeting: '/en/meetings/zaitaku-collaboration-subcommittee-fy2024-2/',
    getData: 'Get the data',
    latest: /Updated .*1 December 2026: Removed the section in charge/,
    all: 'See all updates (1)',
    cite: /Source: Zaitaku Atlas editors, “Zaitaku Atlas dataset: Tokyo home-based care programs”, https?:\/\/\S+\/en\/data\/ \(accessed day month year\)/,
    edited: /Created by processing Zaitaku Atlas editors, “Zaitaku Atlas dataset/,
    calendar: 'Add to calendar (iCalendar)',
  },
} as const;

/** Console messages that report a Content Security Policy violation. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

for (const lang of ['ja', 'en'] as const) {
  const l = L[lang];

  test(`data page (${lang}): files with sizes, the dictionary, citation lines, JSON-LD without CSP violation`, async ({
    page,
  }) => {
    const csp = watchCsp(page);
    await page.goto(l.data);
    const files = page.locator('table.files');
    await expect(files.getByRole('link', { name: 'figures.csv', exact: true })).toHaveAttribute(
      'href',
      '/data/figures.csv',
    );
    await expect(files.locator('tr', { hasText: 'municipalities.csv' })).toContainText(
      /\d(\.\d)? KB|\d+ ?バイト|bytes/,
    );
    // The dictionary explains the municipality code field, with its check digit.
    await expect(page.locator('#table-municipalities + p + ul + .table-scroll')).toContainText('code');
    await expect(page.locator('main')).toContainText(l.cite);
    await expect(page.locator('main')).toContainText(l.edited);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld['@type']).toBe('Dataset');
    expect(ld.inLanguage).toEqual(['ja', 'en']);
    expect(csp).toEqual([]);
    const download = await page.request.get('/data/datapackage.json');
    expect(download.status()).toBe(200);
  });

  test(`program (${lang}): "Get the data" downloads its figures; change notes in one line, all behind a details`, async ({
    page,
  }) => {
    await page.goto(l.program);
    const getData = page.locator('.get-data');
    await expect(getData).toContainText(l.getData);
    const csv = getData.getByRole('link', { name: 'CSV', exact: true });
    await expect(csv).toHaveAttribute('href', '/programs/visiting-nursing-recruitment.csv');
    const response = await page.request.get((await csv.getAttribute('href'))!);
    expect(response.headers()['content-type'] ?? '').toMatch(/csv|octet-stream/);
    const text = await response.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('program,visiting-nursing-recruitment,訪問看護人材確保事業');

    const notes = page.locator('.change-notes');
    await expect(notes.locator('.change-latest')).toHaveText(l.latest);
    const list = notes.locator('.change-list');
    await expect(list).toBeHidden();
    await notes.getByText(l.all).click();
    await expect(list).toBeVisible();
    await expect(list.locator('li')).toHaveCount(1);

    // In print: the latest note in one line, no list, no download links.
    await page.emulateMedia({ media: 'print' });
    await expect(notes.locator('.change-latest')).toBeVisible();
    const line = await notes.locator('.change-latest').evaluate((el) => {
      const style = getComputedStyle(el);
      return { height: el.getBoundingClientRect().height, lineHeight: parseFloat(style.lineHeight) || 20 };
    });
    expect(line.height).toBeLessThan(line.lineHeight * 1.5);
    await expect(notes.locator('details')).toBeHidden();
    await expect(getData).toBeHidden();
  });

  test(`meeting (${lang}): "Add to calendar" gives the meeting at its Japan time`, async ({ page }) => {
    await page.goto(l.meeting);
    const link = page.getByRole('link', { name: l.calendar });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/zaitaku-collaboration-subcommittee-fy2024-2\.ics$/);
    const ics = await (await page.request.get(href)).text();
    // 18:00 in Tokyo is 09:00 UTC.
    expect(ics).toContain('DTSTART:20250205T090000Z');
    expect(ics).toContain('DTEND:20250205T103000Z');
  });
}
