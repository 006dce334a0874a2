/**
 * Which entries cite which source documents, and under which headings: found by walking every
 * entry for {document, heading} objects (figures, links, statements all carry one).
 */
import type { SourceRef } from '../schemas/common.ts';

export type CitingKind = 'program' | 'meeting' | 'committee' | 'plan' | 'regulation' | 'survey';

export interface Citation {
  kind: CitingKind;
  id: string;
  heading: string;
}

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
    if (typeof obj.document === 'string' && typeof obj.heading === 'string') out.push({ document: obj.document, heading: obj.heading });
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

/** document id → the entries citing it (one Citation per entry and heading). */
export function collectCitations(groups: { kind: CitingKind; entries: { id: string }[] }[]): Map<string, Citation[]> {
  const out = new Map<string, Citation[]>();
  for (const { kind, entries } of groups) {
    for (const entry of entries) {
      for (const [document, headings] of refsByDocument(entry)) {
        const list = out.get(document) ?? [];
        for (const heading of headings) list.push({ kind, id: entry.id, heading });
        out.set(document, list);
      }
    }
  }
  return out;
}
