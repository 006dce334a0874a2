/**
 * `npm run check` runs the integrity rules on each entry's summary (src/data/integrity.ts, summarize) and
 * keeps the summaries in its cache: on every malformed fixture tree, on the valid one and on the real data,
 * it must print exactly what the check on the whole data prints — the same problems, files, lines, columns,
 * fields and order — whether the summaries were just made (cold) or read from the cache (warm).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataCache } from '../../src/data/cache.ts';
import { checkData } from '../../src/data/index.ts';
import { formatProblem } from '../../src/data/load.ts';
import { badFixtures, materialize, ROOT, VALID } from '../helpers/fixtures.ts';

/** The check's output on the whole data, on fresh summaries, and on summaries from the cache. */
function threeWays(dataRoot: string) {
  const whole = checkData(ROOT, dataRoot).problems.map(formatProblem);
  const cacheDir = mkdtempSync(join(tmpdir(), 'atlas-summaries-'));
  const summaries = () => {
    const cache = new DataCache(cacheDir, 'code', 'summary');
    const result = checkData(ROOT, dataRoot, { cache, summariesOnly: true });
    return { problems: result.problems.map(formatProblem), misses: cache.misses.length, result };
  };
  const cold = summaries();
  const warm = summaries();
  return { whole, cold, warm };
}

describe('the check on integrity summaries', () => {
  it.each(badFixtures().map((f) => f.name))('reports what the whole check reports: %s', (name) => {
    const { whole, cold, warm } = threeWays(materialize(name));
    expect(whole.length).toBeGreaterThan(0);
    expect(cold.problems).toEqual(whole);
    expect(warm.problems).toEqual(whole);
  });

  it('finds no problem in the valid tree or the real data, and reads nothing again on the second run', () => {
    for (const dataRoot of [VALID, join(ROOT, 'data')]) {
      const { whole, cold, warm } = threeWays(dataRoot);
      expect(whole).toEqual([]);
      expect(cold.problems).toEqual([]);
      expect(warm.problems).toEqual([]);
      expect(cold.misses).toBeGreaterThan(10);
      expect(warm.misses).toBe(0);
      // Every entry of the warm run is known by its summary only.
      expect(warm.result.entries.every((e) => e.summary !== undefined)).toBe(true);
    }
  });
});
