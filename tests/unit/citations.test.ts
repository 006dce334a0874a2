import { describe, expect, it } from 'vitest';
import { collectCitations, refsByDocument, sourceRefsIn } from '../../src/lib/citations.ts';

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
    expect(sourceRefsIn(program).map((r) => `${r.document}#${r.heading}`)).toEqual(['doc-a#H1', 'doc-a#H2', 'doc-a#H1', 'doc-b#X']);
  });
  it('groups headings by document, each once', () => {
    expect([...refsByDocument(program)]).toEqual([['doc-a', ['H1', 'H2']], ['doc-b', ['X']]]);
  });
  it('indexes citing entries by document', () => {
    const meeting = { id: 'm', source: { document: 'doc-b', heading: 'Y' } };
    const map = collectCitations([{ kind: 'program', entries: [program] }, { kind: 'meeting', entries: [meeting] }]);
    expect(map.get('doc-a')).toEqual([{ kind: 'program', id: 'p', heading: 'H1' }, { kind: 'program', id: 'p', heading: 'H2' }]);
    expect(map.get('doc-b')!.map((c) => c.kind)).toEqual(['program', 'meeting']);
  });
});
