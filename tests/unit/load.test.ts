import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadData, MAX_ALIAS_COPIES } from '../../src/data/load.ts';
import { textProblem } from '../../src/schemas/common.ts';
import { COLLECTIONS } from '../../src/schemas/index.ts';

function tree(files: Record<string, string | Uint8Array>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'atlas-load-')), 'data');
  mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** Problems of one file only (a partial tree also reports the collections it lacks). */
function problemsIn(files: Record<string, string | Uint8Array>, file: string) {
  return loadData(tree(files)).problems.filter((p) => p.file.endsWith(`data/${file}`));
}

const FUND = (extra = '') => `- id: f\n  name: { ja: 基金, en: Fund }\n  provisional: false\n${extra}`;

describe('loading YAML', () => {
  it('keeps an unquoted date a string instead of converting it to a Date', () => {
    const root = tree({
      'sources.yaml':
        '- id: s\n  file: seeds/x.txt\n  title: { ja: 資料, en: Document }\n  kind: plan-draft\n  date: 2025-02-05\n  publisher: { ja: 東京都, en: Tokyo }\n  description: { ja: 説明, en: Description }\n',
    });
    const { entries, problems } = loadData(root);
    expect(problems.filter((p) => p.file.endsWith('sources.yaml'))).toEqual([]);
    expect((entries[0]!.data as { date: unknown }).date).toBe('2025-02-05');
  });
  it('reports every schema problem of a file, each with its line', () => {
    const root = tree({ 'funds.yaml': '- id: Bad Id\n  name: { ja: 基金 }\n  provisional: maybe\n' });
    const { problems } = loadData(root);
    expect(problems.map((p) => [p.field, p.line])).toEqual(
      expect.arrayContaining([
        ['[0].id', 1],
        ['[0].name.en', 2],
        ['[0].provisional', 3],
      ]),
    );
  });
  it('accepts a UTF-8 byte-order mark and drops it', () => {
    const { entries, problems } = loadData(tree({ 'funds.yaml': `\uFEFF${FUND()}` }));
    expect(problems.filter((p) => p.file.endsWith('funds.yaml'))).toEqual([]);
    expect(entries.find((e) => e.collection === 'funds')!.data).toMatchObject({ id: 'f', name: { ja: '基金' } });
  });
  it('lets one anchor be used many times, and refuses aliases that copy more than the limit', () => {
    const reuse = `- id: f\n  name: &n { ja: 基金, en: Fund }\n  provisional: false\n${Array.from({ length: 99 }, (_, i) => `- id: f${i}\n  name: *n\n  provisional: false\n`).join('')}`;
    expect(problemsIn({ 'funds.yaml': reuse }, 'funds.yaml')).toEqual([]);
    const items = Array.from({ length: 100 }, (_, i) => `"x${i}"`).join(', ');
    const big = `- id: f\n  name: { ja: 基金, en: Fund }\n  provisional: false\n  description: { ja: &big [${items}], en: x }\n${Array.from({ length: MAX_ALIAS_COPIES / 100 }, () => '- *big\n').join('')}`;
    expect(problemsIn({ 'funds.yaml': big }, 'funds.yaml').map((p) => p.message)).toEqual([
      expect.stringMatching(`aliases copy more than ${MAX_ALIAS_COPIES} values`),
    ]);
  });
});

describe('the data folder', () => {
  it('reports a missing data folder and stops', () => {
    const { problems } = loadData(join(tmpdir(), 'atlas-no-such-folder', 'data'));
    expect(problems).toEqual([{ file: 'data', message: expect.stringMatching(/^the data folder does not exist/) }]);
  });
  it('reports a data "folder" that is a file', () => {
    const root = tree({ x: '' });
    const { problems } = loadData(join(root, 'x'));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^the data folder is a file, not a folder/)]);
  });
  it('reports every collection of an empty data folder as missing, so an empty site is never built', () => {
    const { problems } = loadData(tree({}));
    expect(problems.map((p) => p.file).sort()).toEqual(
      Object.values(COLLECTIONS)
        .map((c) => join('data', c.path))
        .sort(),
    );
    expect(problems.every((p) => /missing/.test(p.message) && p.line === undefined)).toBe(true);
  });
});

describe('numbers as written', () => {
  const value = (v: string) =>
    problemsIn({ 'funds.yaml': FUND(`  description: { ja: 説明, en: x, n: ${v} }\n`) }, 'funds.yaml').map(
      (p) => p.message,
    );
  it.each([
    ['0x1F', /0x1F is written in hexadecimal.*\(31\)/],
    ['0o17', /0o17 is written in octal.*\(15\)/],
    ['1e3', /1e3 is written in exponent notation.*\(1000\)/],
    ['-0', /-0 is minus zero; write 0/],
    ['-0.0', /-0\.0 is minus zero/],
    ['0777', /0777 has a leading zero.*write 777/],
    ['+5', /\+5 is not written as a plain decimal; write 5/],
    ['.5', /\.5 is not written as a plain decimal; write 0\.5/],
    ['.nan', /^not a number \(\.nan\)/],
    ['.inf', /^not a number \(\.inf is infinity\)/],
    ['9007199254740993', /larger than 9007199254740991 and would be read as 9007199254740992/],
  ])('%s', (written, message) => {
    expect(value(written)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
  it.each(['0', '4347', '27.0', '155.5', '-3', '9007199254740991'])('%s is fine as written', (written) => {
    expect(value(written).filter((m) => !/unknown key/.test(m))).toEqual([]);
  });
});

describe('text rules', () => {
  it.each([
    ['NUL', 'a\u0000b', /U\+0000 \(NUL\), a control character \(character 2\)/],
    ['escape', '\u001b[31mred', /U\+001B \(escape\)/],
    ['carriage return', 'a\rb', /U\+000D \(carriage return\)/],
    ['DEL', 'a\u007f', /U\+007F \(DEL\)/],
    ['C1 control', 'caf\u0089', /U\+0089, a control character/],
    ['right-to-left override', 'abc\u202Edef', /U\+202E \(right-to-left override\), a bidirectional control character/],
    ['left-to-right embedding', '\u202Aabc', /U\+202A/],
    ['right-to-left isolate', 'a\u2067b', /U\+2067 \(right-to-left isolate\)/],
    ['pop directional isolate', 'a\u2069', /U\+2069/],
    ['replacement character', 'ï¿½\uFFFD', /U\+FFFD \(replacement character\)/],
    ['lone surrogate', 'a\uD800b', /lone surrogate/],
    ['zero-width spaces only', '\u200B\u200B', /only whitespace or zero-width/],
    ['word joiner and BOM only', '\u2060\uFEFF', /only whitespace or zero-width/],
    ['ideographic space only', '\u3000 \u200D', /only whitespace or zero-width/],
  ])('refuses %s', (_, text, message) => {
    expect(textProblem(text)?.message).toMatch(message);
  });
  it.each([
    ['Japanese with a tab and a line break', '在宅療養\t推進\n会議'],
    ['an emoji sequence joined by U+200D', '👩\u200D⚕️ 訪問看護'],
    ['a zero-width space inside text', '訪問\u200B看護'],
    ['rare kanji', '𠮷野・髙橋・﨑'],
    ['an empty string (the schema decides whether it may be empty)', ''],
  ])('accepts %s', (_, text) => {
    expect(textProblem(text)).toBeUndefined();
  });
  it('applies to every string of a file, keys included, with the line of the character', () => {
    const problems = problemsIn(
      { 'funds.yaml': `${FUND()}  description:\n    ja: |\n      一行目\n      二行目\u202E\n    en: x\n` },
      'funds.yaml',
    );
    expect(problems.map((p) => [p.field, p.line])).toEqual([['[0].description.ja', 7]]);
    const key = problemsIn({ 'funds.yaml': `${FUND()}  "de\u202Escription": x\n` }, 'funds.yaml');
    expect(key.map((p) => [p.line, p.message])).toEqual([[4, expect.stringMatching(/U\+202E/)]]);
  });
});
