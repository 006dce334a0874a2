import { describe, expect, it } from 'vitest';
import { checkDigitOf, isValidLocalGovernmentCode } from '../../src/lib/local-government-code.ts';

describe('全国地方公共団体コード check digit', () => {
  it('computes the published codes: 東京都 130001, 千代田区 131016, 八王子市 132012, 小笠原村 134210', () => {
    expect(checkDigitOf('13000')).toBe(1);
    expect(checkDigitOf('13101')).toBe(6);
    expect(checkDigitOf('13201')).toBe(2);
    expect(checkDigitOf('13421')).toBe(0);
  });
  it('maps a remainder of 0 or 1 to 0 via (11 − r) mod 10: 13362 (利島村) → 1', () => {
    // 1*6+3*5+3*4+6*3+2*2 = 55, 55 mod 11 = 0 → (11 − 0) mod 10 = 1.
    expect(checkDigitOf('13362')).toBe(1);
  });
  it('accepts a right code and refuses a wrong check digit, length or non-digits', () => {
    expect(isValidLocalGovernmentCode('131016')).toBe(true);
    expect(isValidLocalGovernmentCode('131017')).toBe(false);
    expect(isValidLocalGovernmentCode('13101')).toBe(false);
    expect(isValidLocalGovernmentCode('13101a')).toBe(false);
  });
});
