/**
 * The source documents an entry cites, and under which headings: found by walking the entry for
 * {document, heading} objects (figures, links, statements all carry one). The index of which entries
 * cite a document is built from these in lib/relations.ts.
 */
import type { SourceRef } from '../schemas/common.ts';

/** Every {document, heading} inside a value, in document order. */
export function sourceRefsIn(value: unknown): SourceRef[] {
  const out: SourceRef[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const obj = v as Record<string, unknown>;
    if (typeof obj.document === 'string' && typeof obj.heading === 'string')
      out.push({ document: obj.document, heading: obj.heading });
    for (const child of Object.values(obj)) walk(child);
  };
  walk(value);
  return out;
}

/** Source refs grouped by document, each heading once, in first-seen order. */
export function refsByDocument(value: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ref of sourceRefsIn(value)) {
    const list = out.get(ref.document) ?? [];
    if (!list.includes(ref.heading)) list.push(ref.heading);
    out.set(ref.document, list);
  }
  return out;
}
