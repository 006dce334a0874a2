import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { neutralizeFormula, toCsv } from '../../src/lib/csv.ts';
import { figureRows, FIGURE_COLUMNS } from '../../src/lib/open-data.ts';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/","x")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
];

describe('CSV', () => {
  it('starts with a BOM and ends lines with CRLF, for Japanese Excel', () => {
    const csv = toCsv(['a', 'b'], [[1, '千円']]);
    expect(csv.startsWith('\uFEFFa,b\r\n1,千円\r\n')).toBe(true);
  });
  it('round-trips commas, quotes, line breaks, empty cells and booleans through a CSV parser', () => {
    const rows = [[4347, '4,347', 'say "hi"', 'a\nb', undefined, null, true, false]];
    const back = parse(toCsv(['n', 'comma', 'quote', 'lines', 'undef', 'null', 'yes', 'no'], rows), { bom: true });
    expect(back).toEqual([
      ['n', 'comma', 'quote', 'lines', 'undef', 'null', 'yes', 'no'],
      ['4347', '4,347', 'say "hi"', 'a\nb', '', '', 'true', 'false'],
    ]);
  });
  it('neutralises text cells that a spreadsheet would run as a formula, and keeps negative numbers numbers', () => {
    const csv = toCsv(['label', 'value'], [...HOSTILE.map((label, i) => [label, -i - 1]), ['ordinary 人', -0.5]]);
    const back = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(back.slice(1).map((r) => r[0])).toEqual([...HOSTILE.map((label) => `'${label}`), 'ordinary 人']);
    // Numbers are written bare: -1 is read back as -1, not as the text '-1.
    expect(back.slice(1).map((r) => r[1])).toEqual(['-1', '-2', '-3', '-4', '-5', '-6', '-0.5']);
    // No field of the file starts a formula.
    for (const row of back.slice(1)) expect(row[0]).not.toMatch(/^[=+\-@\t\r]/);
  });
  it('leaves ordinary text alone', () => {
    for (const text of ['予算額（案）', 'R6：4,138千円', '2024-04', 'ACP (advance care planning)', ''])
      expect(neutralizeFormula(text)).toBe(text);
  });
  it('has one row per figure with its fiscal year in both forms and its source', () => {
    const rows = figureRows(
      [
        {
          id: 'p',
          name: { ja: '事業', en: 'Program' },
          figures: [
            {
              fiscal_year: 2019,
              kind: 'result',
              label: { ja: 'x', en: 'x' },
              value: 13,
              unit: '箇所',
              source: { document: 'd', heading: 'h' },
              confidence: 'certain',
              derived: false,
            },
          ],
        } as never,
      ],
      [],
    );
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(FIGURE_COLUMNS.map((c, i) => [c, rows[0]![i]]));
    expect(row).toMatchObject({
      owner_id: 'p',
      fiscal_year: 2019,
      fiscal_year_ja: '令和元年度',
      value: 13,
      unit: '箇所',
      source_document: 'd',
    });
  });
  it('neutralises a hostile label and name in the figures CSV, keeping the value a number', () => {
    const program = {
      id: 'p',
      name: { ja: '=1+1', en: '@cmd' },
      figures: [
        {
          fiscal_year: 2024,
          kind: 'result',
          label: { ja: '-5 回', en: '+cmd' },
          value: -5,
          unit: '回',
          source: { document: 'd', heading: '=h' },
          confidence: 'certain',
          derived: false,
        },
      ],
    };
    const [header, row] = parse(toCsv(FIGURE_COLUMNS, figureRows([program as never], [])), { bom: true }) as string[][];
    const cells = Object.fromEntries(header!.map((c, i) => [c, row![i]]));
    expect(cells).toMatchObject({
      owner_name_ja: "'=1+1",
      owner_name_en: "'@cmd",
      label_ja: "'-5 回",
      label_en: "'+cmd",
      source_heading: "'=h",
      value: '-5',
      fiscal_year: '2024',
    });
  });
});
