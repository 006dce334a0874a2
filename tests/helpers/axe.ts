/** Axe (WCAG 2.2 AA) for browser tests: one helper, so every page is checked with the same rules and mode. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The WCAG 2.2 AA rules of axe whose result depends on colours: text contrast, and links told apart by colour. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * Axe's WCAG 2.2 AA violations on the page, as "rule: first targets". Legacy mode runs axe in the page
 * itself instead of opening a blank page to merge the results of frames: the same rules and results on our
 * pages, in about half the time (3.5–7.5 s → the full mode's 6.7–17 s on the loaded 2-core machine). It does
 * not look into frames, so a page with a frame is reported as a violation rather than passed unchecked.
 * `only.rules`: just these rules (COLOUR_RULES for a page whose colours alone differ from a page checked whole).
 */
export async function axeViolations(page: Page, only?: { rules: readonly string[] }): Promise<string[]> {
  const frames = await page.locator('iframe, frame').count();
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  const axe = await (only ? builder.withRules([...only.rules]) : builder.withTags(WCAG_22_AA)).analyze();
  const found = axe.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  return frames ? [`page has ${frames} frame(s): axe's legacy mode does not check inside them`, ...found] : found;
}
