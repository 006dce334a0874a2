/** What browser tests of the search page share. */
import type { Page } from '@playwright/test';

/** Waits until the results on the page are those of `query` (the page marks its state on #search). */
export async function waitForResults(page: Page, query: string) {
  await page.waitForFunction(
    (q) => {
      const el = document.getElementById('search');
      return el?.dataset.state === 'done' && el.dataset.query === q;
    },
    query,
    { timeout: 15_000 },
  );
}
