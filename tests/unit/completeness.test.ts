import { describe, expect, it } from 'vitest';
import { isHeld, programLikeRuns } from '../../src/lib/completeness.ts';

describe('program-like runs', () => {
  it('finds runs ending in 事業, 部会, 会議 and 研修, split at punctuation and spaces', () => {
    const runs = programLikeRuns('■在宅療養研修事業【11,209千円】\n○東京都在宅療養推進会議の開催・ACP推進部会');
    expect(runs).toEqual(expect.arrayContaining(['在宅療養研修', '在宅療養研修事業', '東京都在宅療養推進会議', 'ACP推進部会']));
    expect(runs).not.toContain('11,209千円');
  });
  it('folds full-width letters', () => {
    expect(programLikeRuns('ＡＣＰ推進事業')).toContain('ACP推進事業');
  });
  it('counts a run as held when a name contains it, ignoring spaces and width', () => {
    expect(isHeld('在宅療養研修', ['在宅療養研修事業'])).toBe(true);
    expect(isHeld('ACP推進事業', ['ＡＣＰ推進事業'])).toBe(true);
    expect(isHeld('存在しない事業', ['在宅療養研修事業'])).toBe(false);
  });
});
