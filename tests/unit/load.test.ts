import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadData } from '../../src/data/load.ts';

function tree(files: Record<string, string>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'atlas-load-')), 'data');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('loading YAML', () => {
  it('keeps an unquoted date a string instead of converting it to a Date', () => {
    const root = tree({ 'sources.yaml': "- id: s\n  file: seeds/x.txt\n  title: { ja: 資料, en: Document }\n  kind: plan-draft\n  date: 2025-02-05\n  publisher: { ja: 東京都, en: Tokyo }\n  description: { ja: 説明, en: Description }\n" });
    const { entries, problems } = loadData(root);
    expect(problems).toEqual([]);
    expect((entries[0]!.data as { date: unknown }).date).toBe('2025-02-05');
  });
  it('reports every schema problem of a file, each with its line', () => {
    const root = tree({ 'funds.yaml': '- id: Bad Id\n  name: { ja: 基金 }\n  provisional: maybe\n' });
    const { problems } = loadData(root);
    expect(problems.map((p) => [p.field, p.line])).toEqual(expect.arrayContaining([['[0].id', 1], ['[0].name.en', 2], ['[0].provisional', 3]]));
  });
});
