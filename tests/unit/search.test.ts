/** Search normalization and the title boost (src/lib/search.ts), shared by the indexer and the search page. */
import { describe, expect, it } from 'vitest';
import {
  foldHtmlText,
  insertYearTokens,
  normalizeCounters,
  normalizeQuery,
  splitCounters,
  titleKey,
  titleRanker,
  yearToken,
  YEAR_TOKEN_PATTERN,
} from '../../src/lib/search.ts';

describe('normalizeQuery', () => {
  it('folds full-width and half-width forms (NFKC)', () => {
    expect(normalizeQuery('ＡＣＰ')).toBe('ACP');
    expect(normalizeQuery('ｶｽﾊﾗ')).toBe('カスハラ');
    expect(normalizeQuery('ﾊﾞｽ　停')).toBe('バス 停');
  });

  it('rewrites a fiscal year written any way to one token', () => {
    for (const q of [
      '令和6年度',
      '令和６年度',
      'R6',
      'r6',
      'R6年度',
      '2024年度',
      '２０２４年度',
      'FY2024',
      'FY 2024',
      '令和6年',
    ])
      expect(normalizeQuery(q), q).toBe('nendo2024');
    for (const q of ['平成31年度', '令和元年度', 'H31', 'R1', 'R元', '2019年度'])
      expect(normalizeQuery(q), q).toBe('nendo2019');
    expect(normalizeQuery('H30')).toBe('nendo2018');
    expect(normalizeQuery('R7 教育ステーション')).toBe('nendo2025 教育ステーション');
    expect(normalizeQuery('令和6年度第2回')).toBe('nendo2024 第 2 回');
  });

  it('leaves words that only look like years alone', () => {
    expect(normalizeQuery('H2O')).toBe('H2O');
    expect(normalizeQuery('HR6')).toBe('HR6');
    expect(normalizeQuery('2024')).toBe('2024');
  });

  it('splits a number from its counter and unifies counter spellings (the 18か所 workaround)', () => {
    expect(normalizeQuery('18か所')).toBe('18 か所');
    expect(normalizeQuery('18箇所')).toBe('18 か所');
    expect(normalizeQuery('１８ヶ所')).toBe('18 か所');
    expect(normalizeQuery('18カ所')).toBe('18 か所');
    expect(normalizeQuery('233,453千円')).toBe('233,453 千円');
    expect(normalizeQuery('337.0日')).toBe('337.0 日');
  });

  it('drops brackets and quotes, which Pagefind would keep as part of words', () => {
    expect(normalizeQuery('「教育ステーション」')).toBe('教育ステーション');
    expect(normalizeQuery('【再掲】')).toBe('再掲');
  });
});

describe('counters', () => {
  it('normalizeCounters only touches counters written after a number', () => {
    expect(normalizeCounters('18箇所、3ヶ月、箇所数')).toBe('18か所、3か月、箇所数');
    expect(splitCounters('第2回')).toBe('第 2 回');
  });
});

describe('foldHtmlText (the indexed copy of a page)', () => {
  it('folds text but not tags or attributes', () => {
    expect(foldHtmlText('<p title="ＡＣＰ">ＡＣＰ　ｶﾞｲﾄﾞ</p>')).toBe('<p title="ＡＣＰ">ACP ガイド</p>');
  });

  it('escapes what NFKC turns into markup, keeps entities, skips script and style', () => {
    expect(foldHtmlText('<li>＜一部再掲＞ &amp; ＆</li>')).toBe('<li>&lt;一部再掲&gt; &amp; &amp;</li>');
    expect(foldHtmlText('<script>"ＡＣＰ"</script><style>a{content:"Ａ"}</style>')).toBe(
      '<script>"ＡＣＰ"</script><style>a{content:"Ａ"}</style>',
    );
    expect(foldHtmlText('<!-- ＡＣＰ -->')).toBe('<!-- ＡＣＰ -->');
  });

  it('puts a year token after every fiscal year written out', () => {
    expect(foldHtmlText('<h1>令和６年度（2024年度）</h1>')).toBe(
      `<h1>令和6年度 ${yearToken(2024)} (2024年度 ${yearToken(2024)} )</h1>`,
    );
    expect(insertYearTokens('FY2025 budget')).toBe(`FY2025 ${yearToken(2025)}  budget`);
    expect(insertYearTokens('R2 and 2024 stay')).toBe('R2 and 2024 stay');
  });

  it('the search page can drop the tokens from excerpts', () => {
    expect(`令和6年度 ${yearToken(2024)} の事業`.replace(YEAR_TOKEN_PATTERN, '')).toBe('令和6年度 の事業');
  });
});

describe('title boost', () => {
  const rank = (q: string, title: string) => titleRanker(q)(titleKey(title));

  it('keys titles like queries', () => {
    expect(titleKey('令和6年度第2回 東京都在宅介護・医療協働推進部会')).toBe(
      'nendo2024第2回東京都在宅介護医療協働推進部会',
    );
    expect(titleKey('ACP推進事業')).toBe(titleKey('ＡＣＰ推進事業'));
  });

  it('puts a title that contains the query first, exact titles before longer ones', () => {
    expect(rank('訪問看護推進総合事業', '訪問看護推進総合事業')).toBe(3);
    expect(rank('在宅療養推進会議', '東京都在宅療養推進会議')).toBeGreaterThan(
      rank('在宅療養推進会議', '東京都在宅療養推進会議等の開催'),
    );
    expect(rank('在宅療養推進会議', '東京都在宅療養推進会議等の開催')).toBeGreaterThan(2);
    expect(rank('訪問看護推進総合事業', '令和6年度第2回 東京都在宅介護・医療協働推進部会')).toBe(0);
  });

  it('matches fiscal years in any form against titles', () => {
    expect(rank('R6', '令和6年度（2024年度）')).toBeGreaterThan(
      rank('R6', '令和6年度第2回 東京都在宅介護・医療協働推進部会'),
    );
    expect(rank('FY2024', 'FY2024')).toBe(3);
  });

  it('ranks a title with every word of the query below one with the whole query', () => {
    const words = rank('保健医療計画 骨子', '東京都保健医療計画「在宅療養」骨子（案）');
    expect(words).toBeGreaterThan(1);
    expect(words).toBeLessThan(2);
    expect(rank('R7 教育ステーション', '地域における教育ステーション事業')).toBeGreaterThan(1);
    expect(rank('ACP 教育ステーション', '地域における教育ステーション事業')).toBe(0);
  });
});
