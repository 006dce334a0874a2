/** html-validate's recommended rules report no error on any built page. */
import { beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { assertBuilt, htmlFiles, read, urlPathOf } from '../helpers/dist.ts';

beforeAll(assertBuilt);

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes void elements as <meta ...> and minifies whitespace; these style rules do not affect validity.
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    // Japanese text legitimately contains full-width characters that this rule flags as "raw" entities.
    'no-raw-characters': 'off',
    // Program names are long official names (English renderings often exceed 70 characters); cutting
    // the <title> would drop the words that tell similar programs apart. An SEO hint, not validity.
    'long-title': 'off',
  },
});

describe('HTML validity', () => {
  it('has no html-validate errors', async () => {
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const report = await validator.validateString(read(file), file);
      for (const result of report.results)
        for (const m of result.messages)
          if (m.severity === 2) problems.push(`${urlPathOf(file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems.slice(0, 50), problems.slice(0, 50).join('\n')).toEqual([]);
  }, 300_000);
});
