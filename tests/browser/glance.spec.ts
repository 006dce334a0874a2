/**
 * Reading at a glance (issue 13), checked against the data files themselves, in both languages:
 * - a program's year sheet: one column per fiscal year of its figures, in order, and every figure in
 *   the cell of its year and row; the short year label on phones keeps the full one for screen readers;
 * - a parent program's components × years: the sum of the parts and the stated total as printed;
 * - budget rankings never add a component or a program twice, and the totals agree across pages;
 * - every page says when its data last changed, visibly and in <meta name="dcterms.modified">;
 * - the glossary's jump index, the English glossary in English order, and the programs tabs without JS.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Lang = 'ja' | 'en';
interface Figure {
  fiscal_year: number;
  kind: string;
  label: Record<Lang, string>;
  value: number;
  unit: string;
  total_of?: { programs?: string[] };
}
interface Program {
  id: string;
  parent?: string;
  figures?: Figure[];
}

const DATA = join(import.meta.dirname, '../../data');
const programs: Program[] = readdirSync(join(DATA, 'programs')).map((f) =>
  parse(readFileSync(join(DATA, 'programs', f), 'utf8')),
);
const byId = new Map(programs.map((p) => [p.id, p]));
const LANGS: Lang[] = ['ja', 'en'];
const at = (lang: Lang, path: string) => (lang === 'ja' ? path : `/en${path}`);
/** The number as both languages print it: 50,840 (Japanese adds the unit after it, English words). */
const grouped = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
/** Text of the cells of a table row, without the footnote references. */
const cellTexts = (page: Page, row: ReturnType<Page['locator']>) =>
  row.locator('td').evaluateAll((tds) =>
    tds.map((td) => {
      const copy = td.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('sup, .sr-only, .badge').forEach((e) => e.remove());
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    }),
  );

for (const lang of LANGS) {
  for (const id of ['visiting-nursing-education-stations', 'visiting-nursing-comprehensive-program']) {
    test(`${id} (${lang}): the year sheet has a column per fiscal year and every figure in its cell`, async ({
      page,
    }) => {
      const figures = byId.get(id)!.figures!;
      await page.goto(at(lang, `/programs/${id}/`));
      const sheet = page.locator('table.sheet').first();
      const years = [...new Set(figures.map((f) => f.fiscal_year))].sort((a, b) => a - b);
      const headers = await sheet.locator('thead th.fy .fy-full').allTextContents();
      expect(headers).toHaveLength(years.length);
      headers.forEach((h, i) => expect(h).toContain(lang === 'ja' ? `${years[i]}年度` : `FY${years[i]}`));

      // Group the data as the sheet does: one row per kind, label and unit; one cell per year.
      const rows = new Map<string, Map<number, Figure[]>>();
      for (const f of figures) {
        const key = `${f.kind}|${f.label.ja}|${f.unit}`;
        const row = rows.get(key) ?? new Map<number, Figure[]>();
        row.set(f.fiscal_year, [...(row.get(f.fiscal_year) ?? []), f]);
        rows.set(key, row);
      }
      const bodyRows = sheet.locator('tbody tr:not(.group)');
      expect(await bodyRows.count()).toBe(rows.size);
      for (const cells of rows.values()) {
        const first = [...cells.values()][0]![0]!;
        const row = bodyRows
          .filter({ has: page.getByRole('rowheader', { name: first.label[lang], exact: true }) })
          .filter({
            has: page.locator('td', { hasText: grouped(first.value) }),
          });
        await expect(row.first()).toBeVisible();
        const texts = await cellTexts(page, row.first());
        years.forEach((year, i) => {
          const here = cells.get(year) ?? [];
          if (here.length === 0) expect(texts[i], `${first.label.ja} ${year}`).toBe('–');
          for (const f of here) {
            expect(texts[i], `${f.label.ja} ${year}`).toContain(grouped(f.value));
            if (lang === 'ja') expect(texts[i]).toContain(f.unit);
          }
        });
      }
    });
  }

  test(`the components sheet (${lang}) adds up the parts the stated total names, as printed`, async ({ page }) => {
    const parent = byId.get('visiting-nursing-comprehensive-program')!;
    await page.goto(at(lang, `/programs/${parent.id}/`));
    const sheet = page.locator('table.components');
    const totals = parent.figures!.filter((f) => f.total_of?.programs).sort((a, b) => a.fiscal_year - b.fiscal_year);
    const sumRow = await cellTexts(page, sheet.locator('tbody.totals tr').nth(0));
    const statedRow = await cellTexts(page, sheet.locator('tbody.totals tr').nth(1));
    const checkRow = await cellTexts(page, sheet.locator('tbody.totals tr').nth(2));
    totals.forEach((total, i) => {
      const parts = total.total_of!.programs!.map(
        (pid) =>
          byId.get(pid)!.figures!.find((f) => f.fiscal_year === total.fiscal_year && f.kind === total.kind)!.value,
      );
      const sum = parts.reduce((n, v) => n + v, 0);
      expect(sumRow[i]).toContain(grouped(sum));
      expect(statedRow[i]).toContain(grouped(total.value));
      expect(checkRow[i]).toMatch(sum === total.value ? /✓/ : /✗/);
    });
    // Every component is a row, linked.
    const components = programs.filter((p) => p.parent === parent.id || byId.get(p.parent ?? '')?.parent === parent.id);
    for (const c of components) await expect(sheet.locator(`a[href$="/programs/${c.id}/"]`)).toHaveCount(1);
  });

  test(`the budget ranking (${lang}) counts no program twice and its total is the sum of the ranked amounts`, async ({
    page,
  }) => {
    const year = 2025;
    await page.goto(at(lang, `/programs/by-budget/${year}/`));
    const table = page.locator('table.ranking');
    const idOf = (href: string | null) => href!.split('/').filter(Boolean).at(-1)!;
    const ranked = await table
      .locator('tbody tr:not(.part) th a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const parts = await table.locator('tbody tr.part th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const rankedIds = ranked.map(idOf);
    const all = [...rankedIds, ...parts.map(idOf)];
    expect(new Set(all).size).toBe(all.length);

    // Every program with a budget of the year is listed once; none ranked is inside another ranked one.
    const budgeted = programs.filter((p) =>
      p.figures?.some(
        (f) => f.fiscal_year === year && ['budget', 'budget-proposed'].includes(f.kind) && f.unit === '千円',
      ),
    );
    expect(all.sort()).toEqual(budgeted.map((p) => p.id).sort());
    const ancestors = (p: Program): string[] => (p.parent ? [p.parent, ...ancestors(byId.get(p.parent)!)] : []);
    const namedInTotals = new Set(
      rankedIds.flatMap((rid) =>
        byId.get(rid)!.figures!.flatMap((f) => (f.fiscal_year === year ? (f.total_of?.programs ?? []) : [])),
      ),
    );
    for (const rid of rankedIds) {
      expect(
        ancestors(byId.get(rid)!).filter((a) => rankedIds.includes(a)),
        rid,
      ).toEqual([]);
      expect(namedInTotals.has(rid), rid).toBe(false);
    }

    // The total is the sum of the ranked amounts (the kind of every 2025 amount is the proposed budget).
    const amountOf = (pid: string) =>
      byId.get(pid)!.figures!.find((f) => f.fiscal_year === year && f.kind === 'budget-proposed')!.value;
    const expected = rankedIds.reduce((n, pid) => n + amountOf(pid), 0);
    const totalText = await table.locator('tfoot td.num').first().textContent();
    expect(totalText).toContain(grouped(expected));
    await expect(table.locator('tfoot')).toContainText(
      lang === 'ja' ? `${rankedIds.length}事業` : `${rankedIds.length} programs`,
    );

    // The same total, with the same count, on the fiscal-years index and the home page.
    for (const path of ['/fy/', '/']) {
      await page.goto(at(lang, path));
      const row = page.locator('tr', { has: page.locator(`a[href$="/fy/${year}/"]`) });
      await expect(row).toContainText(grouped(expected));
      await expect(row).toContainText(lang === 'ja' ? `${rankedIds.length}事業` : `${rankedIds.length} programs`);
    }
  });

  test(`pages say when their data last changed (${lang})`, async ({ page }) => {
    for (const path of ['/', '/programs/visiting-nursing-recruitment/', '/programs/by-budget/2025/', '/glossary/']) {
      await page.goto(at(lang, path));
      const iso = await page.locator('meta[name="dcterms.modified"]').getAttribute('content');
      expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [y, m, d] = iso!.split('-').map(Number);
      const shown = page.locator('main .page-updated');
      await expect(shown).toHaveText(
        lang === 'ja' ? `データ更新日 ${y}年${m}月${d}日` : new RegExp(`^Data last updated ${d} [A-Z][a-z]+ ${y}$`),
      );
      await expect(shown.locator('time')).toHaveAttribute('datetime', iso!);
    }
  });

  test(`the glossary jumps by section and lists terms in the page's order (${lang})`, async ({ page }) => {
    await page.goto(at(lang, '/glossary/'));
    const jump = page.locator('nav.jump');
    const labels = (await jump.locator('li').allTextContents()).map((s) => s.trim());
    expect(labels.slice(0, lang === 'ja' ? 10 : 26).join('')).toBe(
      lang === 'ja' ? 'あかさたなはまやらわ' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    );
    const target = lang === 'ja' ? 'か' : 'H';
    await jump.getByRole('link', { name: target, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#index-${lang === 'ja' ? 'ka' : 'h'}$`));
    await expect(page.locator(`#index-${lang === 'ja' ? 'ka' : 'h'}`)).toBeInViewport();
    if (lang === 'en') {
      const terms = await page.locator('ul.glossary-index > li > a').allTextContents();
      const key = (s: string) => s.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();
      const letters = terms.map(key).filter((k) => /^[a-z]/.test(k));
      expect(letters).toEqual([...letters].sort((a, b) => a.localeCompare(b, 'en')));
      expect(terms.length).toBeGreaterThan(100);
    }
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the programs tabs are links: each grouping is a page of its own and marks itself', async ({ page }) => {
    const tabs = [
      ['/programs/', 0],
      ['/programs/by-bureau/', 1],
      ['/programs/by-budget/', 2],
    ] as const;
    for (const [path, index] of tabs) {
      await page.goto(path);
      const links = page.locator('nav.tabs a');
      await expect(links).toHaveCount(3);
      await expect(links.nth(index)).toHaveAttribute('aria-current', 'page');
    }
    await page.locator('nav.tabs a').nth(1).click();
    await expect(page).toHaveURL(/\/programs\/by-bureau\/$/);
  });

  test('on a phone the sheet shows R6 and keeps 令和6年度 for screen readers', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/programs/visiting-nursing-education-stations/');
    const header = page.locator('table.sheet thead th.fy').nth(2);
    await expect(header.locator('.fy-short')).toBeVisible();
    await expect(header.locator('.fy-short')).toHaveText('R6');
    expect(await header.locator('.fy-full').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    await expect(page.getByRole('columnheader', { name: /^令和6年度\s*（2024年度）$/ })).toHaveCount(1);
  });
});
