import { describe, expect, it } from 'vitest';
import { refsByDocument, sourceRefsIn } from '../../src/lib/citations.ts';

const program = {
  id: 'p',
  summary_source: { document: 'doc-a', heading: 'H1' },
  figures: [
    { value: 1, source: { document: 'doc-a', heading: 'H2' } },
    { value: 2, source: { document: 'doc-a', heading: 'H1' } },
    { value: 3, source: { document: 'doc-b', heading: 'X' } },
  ],
};

describe('citations', () => {
  it('finds every {document, heading} at any depth, in order', () => {
    expect(sourceRefsIn(program).map((r) => `${r.document}#${r.heading}`)).toEqual([
      'doc-a#H1',
      'doc-a#H2',
      'doc-a#H1',
      'doc-b#X',
    ]);
  });
  it('groups headings by document, each once', () => {
    expect([...refsByDocument(program)]).toEqual([
      ['doc-a', ['H1', 'H2']],
      ['doc-b', ['X']],
    ]);
  });
});
