import { describe, expect, it } from 'vitest';
import { segmentSourceText } from '../../src/lib/source-text.ts';
import { headingAnchor } from '../../src/lib/urls.ts';

const join = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('segmentSourceText', () => {
  const text = '目次\n- 資料2 ２　訪問看護人材確保事業\n\n２　訪問看護人材確保事業\n本文です。\n3 管理者育成\n';

  it('keeps the text intact and wraps the cited heading with its anchor', () => {
    const { segments, found, missing } = segmentSourceText(text, ['2 訪問看護人材確保事業']);
    expect(join(segments)).toBe(text);
    expect(missing).toEqual([]);
    const anchored = segments.filter((s) => s.anchor);
    expect(anchored).toHaveLength(1);
    expect(anchored[0]!.anchor).toBe(headingAnchor('2 訪問看護人材確保事業'));
    expect(found.get('2 訪問看護人材確保事業')).toBe(anchored[0]!.anchor);
  });

  it('matches ignoring whitespace and full-/half-width, and prefers an occurrence that starts a line', () => {
    const { segments } = segmentSourceText(text, ['2訪問看護人材確保事業']);
    const i = segments.findIndex((s) => s.anchor);
    expect(segments[i]!.text).toBe('２　訪問看護人材確保事業');
    // The mention in the table of contents is left alone: the anchored one is the line of its own.
    expect(join(segments.slice(0, i)).endsWith('\n\n')).toBe(true);
  });

  it('falls back to the first occurrence when none starts a line', () => {
    const { segments } = segmentSourceText('前文 見出しA 後文 見出しA', ['見出しA']);
    expect(segments.map((s) => [s.text, !!s.anchor])).toEqual([
      ['前文 ', false],
      ['見出しA', true],
      [' 後文 見出しA', false],
    ]);
  });

  it('reports headings that do not occur', () => {
    expect(segmentSourceText(text, ['ない見出し']).missing).toEqual(['ない見出し']);
  });

  it('gives overlapping headings unique anchors without overlapping elements', () => {
    const { segments } = segmentSourceText('訪問看護人材確保事業の概要\n', [
      '訪問看護人材確保事業の概要',
      '訪問看護人材確保事業',
    ]);
    expect(join(segments)).toBe('訪問看護人材確保事業の概要\n');
    const anchors = segments.filter((s) => s.anchor).map((s) => s.anchor);
    expect(new Set(anchors).size).toBe(2);
    // The shorter heading becomes an empty anchor just before the longer one.
    expect(segments[0]).toEqual({ text: '', anchor: headingAnchor('訪問看護人材確保事業') });
  });

  it('maps half-width katakana with voiced marks back to the original characters', () => {
    const { segments } = segmentSourceText('前 ｶﾞｲﾄﾞ 後', ['ガイド']);
    expect(segments.find((s) => s.anchor)!.text).toBe('ｶﾞｲﾄﾞ');
  });

  it('does not anchor the same heading twice', () => {
    const { segments } = segmentSourceText('A見出し\n', ['見出し', '見 出 し']);
    expect(segments.filter((s) => s.anchor)).toHaveLength(1);
  });
});
