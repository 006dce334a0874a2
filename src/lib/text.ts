/**
 * Text normalization. NFKC folds full-width and half-width forms (ＡＣＰ → ACP, １３ → 13, ｶｽﾊﾗ → カスハラ);
 * it is right for matching and search keys, and lossy for display (① → 1), so never display its output.
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
