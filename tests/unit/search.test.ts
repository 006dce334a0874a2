/** Search normalization and the title boost (src/lib/search.ts), shared by the indexer and the search page. */
import { describe, expect, it } from 'vitest';
import {
  cleanExcerpt,
  closestSuggestions,
  foldHtmlText,
  foldIndexText,
  foldKana,
  insertDayTokens,
  kanaVariants,
  insertYearTokens,
  normalizeCounters,
  normalizeQuery,
  orderByTitle,
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

  it('leaves plain ASCII runs as they are, and still folds a run with a digit or a bare ampersand', () => {
    expect(foldHtmlText('<p>\n  Home care, visiting nursing\n</p>')).toBe('<p>\n  Home care, visiting nursing\n</p>');
    expect(foldHtmlText('<p>FY2024 R6年度</p>')).toBe('<p>FY2024 nendo2024  R6年度 nendo2024 </p>');
    expect(foldHtmlText('<p>care & nursing</p>')).toBe('<p>care &amp; nursing</p>');
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

describe('orderByTitle (the title boost on one page of results)', () => {
  const page = [
    { url: '/sources/a/', title: '第3回 東京都在宅療養推進会議 資料' },
    { url: '/meetings/b/', title: '令和6年度第2回 東京都在宅介護・医療協働推進部会' },
    { url: '/committees/c/', title: '東京都在宅療養推進会議' },
    { url: '/programs/d/', title: '在宅療養推進会議等の開催' },
  ];
  const order = (q: string) => orderByTitle(q, page, (r) => r.title).map((r) => r.url);

  it('puts titles that contain the query first, the closest title first', () => {
    expect(order('在宅療養推進会議')).toEqual(['/committees/c/', '/programs/d/', '/sources/a/', '/meetings/b/']);
  });

  it("keeps Pagefind's order among results the title does not tell apart", () => {
    expect(order('介護')).toEqual(['/meetings/b/', '/sources/a/', '/committees/c/', '/programs/d/']);
    expect(order('ACP')).toEqual(page.map((r) => r.url));
  });
});

describe('days written in any common form (rewriteDays, insertDayTokens)', () => {
  it('turns each form of 5 February 2025 into the same token in the query', () => {
    for (const q of [
      '令和7年2月5日',
      '2025年2月5日',
      '2025-02-05',
      '2025/2/5',
      'R7.2.5',
      '5 February 2025',
      'February 5, 2025',
    ])
      expect(normalizeQuery(q), q).toBe('day20250205');
    expect(normalizeQuery('２０２５年２月５日')).toBe('day20250205');
    expect(normalizeQuery('平成31年4月1日')).toBe('day20190401');
    expect(normalizeQuery('令和元年5月1日')).toBe('day20190501');
  });
  it('reads a fiscal year that is not a day as before', () => {
    expect(normalizeQuery('令和7年度')).toBe('nendo2025');
    expect(normalizeQuery('2025年2月')).not.toContain('day');
  });
  it('puts the token after each day the indexed text writes out', () => {
    expect(insertDayTokens('令和7年2月5日（水）')).toBe('令和7年2月5日 day20250205 （水）');
    expect(foldIndexText('Wednesday 5 February 2025')).toContain('day20250205');
  });
});

describe('kana (foldKana, kanaVariants)', () => {
  it('folds hiragana to katakana for comparing titles; half-width katakana is folded by NFKC', () => {
    expect(foldKana('かすはら')).toBe('カスハラ');
    expect(titleKey('ｶｽﾊﾗ')).toBe(titleKey('かすはら'));
  });
  it('offers the other kana spelling of words written in one script only', () => {
    expect(kanaVariants(normalizeQuery('かすはら'))).toEqual(['カスハラ']);
    expect(kanaVariants(normalizeQuery('カカリツケ'))).toEqual(['かかりつけ']);
    expect(kanaVariants(normalizeQuery('訪問看護の推進'))).toEqual([]);
  });
});

describe('cleanExcerpt', () => {
  it('drops the index tokens and the spaces they leave before brackets', () => {
    expect(cleanExcerpt('令和6年度 nendo2024 （2024年度 nendo2024 ）の事業')).toBe('令和6年度（2024年度）の事業');
    expect(cleanExcerpt('(2024年度 )')).toBe('(2024年度)');
  });
  it('drops stray punctuation at the start', () => {
    expect(cleanExcerpt('. 令和7年2月5日 day20250205 開催')).toBe('令和7年2月5日 開催');
  });
});

describe('closestSuggestions', () => {
  const list = [
    { t: '地域における教育ステーション事業' },
    { t: '訪問看護推進総合事業' },
    { t: 'カスタマーハラスメント' },
  ];
  it('offers the titles closest to a query that found nothing, best first', () => {
    expect(closestSuggestions('教育ステーショソ', list)[0]!.t).toBe('地域における教育ステーション事業');
    expect(closestSuggestions('かすたまーはらすめんと対策', list)[0]!.t).toBe('カスタマーハラスメント');
  });
  it('offers nothing unrelated', () => {
    expect(closestSuggestions('xyz', list)).toEqual([]);
  });
});
