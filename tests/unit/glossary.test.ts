import { describe, expect, it } from 'vitest';
import {
  glossaryPages,
  glossarySectionPath,
  glossarySections,
  glossaryTermPaths,
  kanaRow,
  plainKana,
  readingHelps,
  termHeading,
} from '../../src/lib/glossary.ts';

const entry = (id: string, ja: string, reading: string, en: string) => ({ id, term: { ja, en }, reading });
const entries = [
  entry('kaigo', '介護', 'かいご', 'long-term care'),
  entry('acp', 'ACP', 'エーシーピー', 'advance care planning (ACP)'),
  entry('gaiyou', '概要', 'がいよう', 'outline'),
  entry('frailty', 'フレイル', 'フレイル', 'frailty'),
  entry('ouchi', '往診', 'おうしん', '"on-request" home visit'),
  entry('five', '5疾病5事業', 'ごしっぺいごじぎょう', '5 diseases and 5 services'),
  entry('wa', '我が事', 'わがこと', 'Own affair'),
];

describe('kana rows', () => {
  it('folds katakana, voiced and small kana to the plain hiragana of their row', () => {
    expect(plainKana('ガイドライン')).toBe('かいとらいん');
    expect(plainKana('ぁっゃ')).toBe('あつや');
    expect(plainKana('ヴ')).toBe('う');
    expect(kanaRow('ごしっぺい')).toBe('ka');
    expect(kanaRow('エーシーピー')).toBe('a');
    expect(kanaRow('んー')).toBe('wa');
    expect(kanaRow('ABC')).toBeUndefined();
  });
});

describe('glossarySections', () => {
  it('Japanese: every row of あかさたな, terms by reading, voiced kana with their plain row', () => {
    const sections = glossarySections(entries, 'ja');
    expect(sections.map((s) => s.label)).toEqual(['あ', 'か', 'さ', 'た', 'な', 'は', 'ま', 'や', 'ら', 'わ']);
    const ids = Object.fromEntries(sections.map((s) => [s.key, s.entries.map((e) => e.id)]));
    expect(ids.a).toEqual(['acp', 'ouchi']);
    expect(ids.ka).toEqual(['kaigo', 'gaiyou', 'five']);
    expect(ids.ha).toEqual(['frailty']);
    expect(ids.wa).toEqual(['wa']);
    expect(ids.sa).toEqual([]);
  });

  it('English: A–Z by the English term, ignoring case and leading quotes, digits last', () => {
    const sections = glossarySections(entries, 'en');
    expect(sections.map((s) => s.label).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ0–9');
    const order = sections.flatMap((s) => s.entries.map((e) => e.id));
    expect(order).toEqual(['acp', 'frailty', 'kaigo', 'ouchi', 'gaiyou', 'wa', 'five']);
    expect(sections.find((s) => s.key === 'o')!.entries.map((e) => e.id)).toEqual(['ouchi', 'gaiyou', 'wa']);
  });
});

describe('termHeading', () => {
  it('puts the page language first and gives the reading only where the term is not all kana', () => {
    expect(readingHelps('フレイル')).toBe(false);
    expect(readingHelps('介護')).toBe(true);
    expect(termHeading(entries[0]!, 'ja')).toEqual({
      main: '介護',
      other: 'long-term care',
      otherLang: 'en',
      reading: 'かいご',
    });
    expect(termHeading(entries[3]!, 'ja').reading).toBeUndefined();
    expect(termHeading(entries[0]!, 'en')).toEqual({ main: 'long-term care', other: '介護', otherLang: 'ja' });
  });
});

describe('glossary pages', () => {
  it('are the sections with entries, at addresses that differ between the languages', () => {
    expect(glossaryPages(entries, 'ja').map((p) => p.path)).toEqual([
      '/glossary/a-gyo/',
      '/glossary/ka-gyo/',
      '/glossary/ha-gyo/',
      '/glossary/wa-gyo/',
    ]);
    const en = glossaryPages(entries, 'en').map((p) => p.path);
    expect(en).toEqual(['/glossary/a/', '/glossary/f/', '/glossary/l/', '/glossary/o/', '/glossary/0-9/']);
    expect(en.filter((p) => glossaryPages(entries, 'ja').some((j) => j.path === p))).toEqual([]);
    expect(glossarySectionPath('other', 'ja')).toBe('/glossary/other/');
  });

  it('hold every term once, and each term is found on the page of its section by its permanent id', () => {
    for (const lang of ['ja', 'en'] as const) {
      const pages = glossaryPages(entries, lang);
      expect(pages.flatMap((p) => p.entries.map((e) => e.id)).sort()).toEqual(entries.map((e) => e.id).sort());
      const where = glossaryTermPaths(entries, lang);
      expect(where.size).toBe(entries.length);
      for (const p of pages) for (const e of p.entries) expect(where.get(e.id)).toBe(`${p.path}#${e.id}`);
    }
    expect(glossaryTermPaths(entries, 'ja').get('kaigo')).toBe('/glossary/ka-gyo/#kaigo');
    expect(glossaryTermPaths(entries, 'en').get('kaigo')).toBe('/glossary/l/#kaigo');
  });
});
