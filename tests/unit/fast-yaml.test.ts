import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { fastParse } from '../../src/data/fast-yaml.ts';

const dataRoot = resolve(import.meta.dirname, '../../data');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? yamlFiles(abs) : name.endsWith('.yaml') ? [abs] : [];
  });
}

const viaYaml = (text: string) => parse(text, { version: '1.2', schema: 'core', uniqueKeys: true, maxAliasCount: -1 });

describe('the fast YAML path', () => {
  it('reads every real data file to exactly the value the yaml package gives', () => {
    const files = yamlFiles(dataRoot);
    expect(files.length).toBeGreaterThan(50);
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const value = fastParse(text);
      if (value === undefined) continue;
      fast++;
      expect(value, file).toEqual(viaYaml(text));
    }
    // Nearly every hand-written file is plain data.
    expect(fast).toBeGreaterThan(files.length * 0.9);
  });

  it('reads scalars as YAML 1.2 core does: dates and yes/no stay text, plain decimals are numbers', () => {
    const text = 'a: 2025-02-05\nb: yes\nc: 4347\nd: -3\ne: 155.5\nf: true\ng: ~\nh:\ni: "12"\n2025: x\n';
    expect(fastParse(text)).toEqual(viaYaml(text));
    expect(fastParse(text)).toEqual({
      a: '2025-02-05',
      b: 'yes',
      c: 4347,
      d: -3,
      e: 155.5,
      f: true,
      g: null,
      h: null,
      i: '12',
      2025: 'x',
    });
  });

  it.each([
    ['a hexadecimal number', 'a: 0x1F\n'],
    ['exponent notation', 'a: 1e3\n'],
    ['a leading zero', 'a: 0777\n'],
    ['a plus sign', 'a: +5\n'],
    ['.nan', 'a: .nan\n'],
    ['minus zero', 'a: -0\n'],
    ['an integer beyond 2^53', 'a: 12345678901234567890\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {b: 2}\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a tab for indentation', 'a:\n\tb: 1\n'],
    ['a bidirectional control character', 'a: "x\\u202Ey"\n'],
    ['a control character in a key', '"k\\u0007": 1\n'],
    ['only whitespace', 'a: "\\u200B"\n'],
    ['a scalar document', '42\n'],
    ['an empty document', '# only a comment\n'],
  ])('leaves %s to the full path', (_, text) => {
    expect(fastParse(text)).toBeUndefined();
  });
});
