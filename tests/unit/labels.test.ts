import { describe, expect, it } from 'vitest';
import { agendaAnchor, handoutAnchor, handoutLabel, meetingOrdinal, meetingTitle } from '../../src/lib/labels.ts';

describe('labels', () => {
  it('name a meeting 令和6年度第2回 and 2nd meeting of FY2024', () => {
    expect(meetingOrdinal(2024, 2, 'ja')).toBe('令和6年度第2回');
    expect(meetingOrdinal(2024, 2, 'en')).toBe('2nd meeting of FY2024');
    expect(meetingOrdinal(2019, 1, 'ja')).toBe('令和元年度第1回');
    expect(meetingOrdinal(2024, 11, 'en')).toBe('11th meeting of FY2024');
    expect(meetingTitle(2024, 2, { ja: '部会', en: 'Subcommittee' }, 'en')).toBe('Subcommittee, 2nd meeting of FY2024');
  });
  it('translate handout numbering and give stable anchors', () => {
    expect(handoutLabel('資料5', 'en')).toBe('Handout 5');
    expect(handoutLabel('参考資料1-2', 'en')).toBe('Reference material 1-2');
    expect(handoutLabel('参考資料1-2', 'ja')).toBe('参考資料1-2');
    expect(handoutAnchor('資料5')).toBe('handout-5');
    expect(handoutAnchor('参考資料1-2')).toBe('reference-1-2');
  });
});

describe('agendaAnchor', () => {
  it('turns agenda numbers into ids', () => {
    expect(agendaAnchor('3(2)')).toBe('agenda-3-2');
    expect(agendaAnchor('１')).toBe('agenda-1');
    expect(agendaAnchor('（）')).toBe('agenda');
  });
});
