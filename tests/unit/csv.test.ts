import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/lib/csv.ts';
import { figureRows, FIGURE_COLUMNS } from '../../src/lib/open-data.ts';

describe('CSV', () => {
  it('starts with a BOM and ends lines with CRLF, for Japanese Excel', () => {
    const csv = toCsv(['a', 'b'], [[1, '千円']]);
    expect(csv.startsWith('\uFEFFa,b\r\n1,千円\r\n')).toBe(true);
  });
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('4,347')).toBe('"4,347"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(undefined)).toBe('');
  });
  it('has one row per figure with its fiscal year in both forms and its source', () => {
    const rows = figureRows(
      [{ id: 'p', name: { ja: '事業', en: 'Program' }, figures: [{ fiscal_year: 2019, kind: 'result', label: { ja: 'x', en: 'x' }, value: 13, unit: '箇所', source: { document: 'd', heading: 'h' }, confidence: 'certain', derived: false }] } as never],
      [],
    );
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(FIGURE_COLUMNS.map((c, i) => [c, rows[0]![i]]));
    expect(row).toMatchObject({ owner_id: 'p', fiscal_year: 2019, fiscal_year_ja: '令和元年度', value: 13, unit: '箇所', source_document: 'd' });
  });
});
