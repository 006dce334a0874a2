import { describe, expect, it } from 'vitest';
import { searchKey } from '../../src/lib/text.ts';

describe('text folding', () => {
  it('folds full-width letters, digits and half-width katakana', () => {
    expect(searchKey('ＡＣＰ　１３圏域')).toBe('ACP13圏域');
    expect(searchKey('ｶｽﾊﾗ  対策')).toBe('カスハラ対策');
  });
});
