import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/lib/data-package.ts';
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
