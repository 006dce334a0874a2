/** The source documents in seeds/ are unchanged copies of the shared originals, and each is described in data/sources.yaml. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkData } from '../../src/data/index.ts';
import type { Source } from '../../src/schemas/source.ts';
import { ROOT } from '../helpers/fixtures.ts';

const shared = join(ROOT, '../shared/seeds');
const seeds = readdirSync(join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('source documents', () => {
  it.runIf(existsSync(shared))('are byte-identical to ../shared/seeds', () => {
    expect(seeds).toEqual(
      readdirSync(shared)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    );
    for (const f of seeds)
      expect(readFileSync(join(ROOT, 'seeds', f)).equals(readFileSync(join(shared, f))), f).toBe(true);
  });
  it('are each described once in data/sources.yaml', () => {
    const files = checkData(ROOT)
      .entries.filter((e) => e.collection === 'sources')
      .map((e) => (e.data as Source).file);
    expect(files.sort()).toEqual(seeds.map((f) => `seeds/${f}`));
  });
});
