/**
 * Finds program-like names in the source documents: every run of text ending in 事業, 部会, 会議 or
 * 研修. Used by the completeness test, which requires each to be held by a data entry or excluded.
 */
import { searchKey } from '../../src/lib/text.ts';

/** Characters that end a run: spaces, punctuation, brackets, list marks. */
const BREAK = String.raw`\s、。，,.「」『』（）()【】\[\]［］〔〕■□○●◎〇◯・※＜＞<>≪≫《》：:；;／/…\-－ー―~～「」"'“”‘’!！?？|｜\u{F000}-\u{F8FF}`;

/** Program-like runs in a text, NFKC-folded, each once, in order of first appearance. */
export function programLikeRuns(text: string): string[] {
  const folded = text.normalize('NFKC');
  const runs = new Set<string>();
  for (const line of folded.split('\n')) {
    for (const token of line.split(new RegExp(`[${BREAK}]+`, 'u'))) {
      // Within one token, every prefix ending in a suffix word is a run (e.g. 在宅療養研修事業 → 在宅療養研修, 在宅療養研修事業).
      for (const m of token.matchAll(/(?:事業|部会|会議|研修)/g)) runs.add(token.slice(0, m.index + m[0].length));
    }
  }
  return [...runs];
}

/** A run is held when it occurs in one of the names (names and runs compared without spaces, NFKC). */
export function isHeld(run: string, names: readonly string[]): boolean {
  const key = searchKey(run);
  return names.some((n) => searchKey(n).includes(key));
}
