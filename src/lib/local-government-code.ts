/**
 * 全国地方公共団体コード (local government code, 総務省): five digits (prefecture 2 + municipality 3) and a
 * check digit. The check digit: weights 6, 5, 4, 3, 2 on the first five digits, check = (11 − sum mod 11)
 * mod 10 — e.g. 東京都 130001, 千代田区 131016, 八王子市 132012.
 */

/** The check digit of the first five digits of a code. */
export function checkDigitOf(firstFive: string): number {
  if (!/^\d{5}$/.test(firstFive)) throw new Error(`not five digits: ${firstFive}`);
  const sum = [...firstFive].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

/** true when `code` is six digits whose last is the check digit of the first five. */
export function isValidLocalGovernmentCode(code: string): boolean {
  return /^\d{6}$/.test(code) && checkDigitOf(code.slice(0, 5)) === Number(code[5]);
}
