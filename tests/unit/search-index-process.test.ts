import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndexInChild } from '../../src/integrations/search-index-process.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A built site of one page per language: `body` false leaves out data-pagefind-body (nothing to index). */
function site(body = true): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-index-child-'));
  roots.push(root);
  const page = (lang: string, title: string) =>
    `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body>` +
    `<main${body ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${title}の本文 text</p></main></body></html>`;
  mkdirSync(join(root, 'en', 'a'), { recursive: true });
  mkdirSync(join(root, 'a'), { recursive: true });
  writeFileSync(join(root, 'a', 'index.html'), page('ja', '訪問看護'));
  writeFileSync(join(root, 'en', 'a', 'index.html'), page('en', 'Home-visit nursing'));
  return root;
}

describe('buildSearchIndexInChild', () => {
  it('indexes the site in a child process and returns its summary', async () => {
    const root = site();
    const summary = await buildSearchIndexInChild(root);
    expect([...summary.pages].sort()).toEqual([
      ['en', 1],
      ['ja', 1],
    ]);
    const folders = readdirSync(join(root, 'pagefind')).filter((f) => /^(ja|en)_[0-9a-f]{10}$/.test(f));
    expect(folders.map((f) => f.slice(0, 2)).sort()).toEqual(['en', 'ja']);
    for (const f of folders) {
      const entry = JSON.parse(readFileSync(join(root, 'pagefind', f, 'pagefind-entry.json'), 'utf8'));
      expect(Object.keys(entry.languages)).toEqual([f.slice(0, 2)]);
    }
  }, 60_000);

  it('fails when the index step fails (no page to index)', async () => {
    await expect(buildSearchIndexInChild(site(false))).rejects.toThrow(/search index process .* failed/);
  }, 60_000);
});
