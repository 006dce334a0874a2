import { describe, expect, it } from 'vitest';
import { jsonForScript, temporalCoverage } from '../../src/lib/data-package.ts';
import type { Collections } from '../../src/schemas/index.ts';
import { DATASET } from '../../src/lib/publication.ts';

describe('jsonForScript', () => {
  it('writes <, > and & as \\u escapes, so data cannot close the script element, and parses back the same', () => {
    const value = { name: '</script><script>alert(1)</script> & <!-- x -->', line: 'a\u2028b' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('dataset description', () => {
  it('is 50–5,000 characters in both languages (what dataset search requires)', () => {
    for (const text of [DATASET.description.ja, DATASET.description.en]) {
      expect(text.length).toBeGreaterThanOrEqual(50);
      expect(text.length).toBeLessThanOrEqual(5000);
    }
  });
});

describe('temporalCoverage', () => {
  it('runs from 1 April of the first fiscal year to 31 March after the last, at any number of figures', () => {
    // 300,000 figures: more than a spread into Math.min's arguments survives.
    const figures = Array.from({ length: 300_000 }, (_, i) => ({ fiscal_year: 2015 + (i % 11) }));
    const data = {
      programs: [{ figures }],
      indicators: [{ series: [{ fiscal_year: 2012 }] }],
      meetings: [{ fiscal_year: 2026 }],
    } as unknown as Collections;
    expect(temporalCoverage(data)).toEqual(['2012-04-01', '2027-03-31']);
  });
});
