import { describe, expect, it } from 'vitest';
import { memoByKey, memoOf } from '../../src/lib/memo.ts';

describe('memoOf', () => {
  it('computes once per object and gives the same answer again', () => {
    let calls = 0;
    const total = memoOf((xs: number[]) => (calls++, xs.reduce((a, b) => a + b, 0)));
    const xs = [1, 2, 3];
    expect(total(xs)).toBe(6);
    expect(total(xs)).toBe(6);
    expect(calls).toBe(1);
  });

  it('computes afresh for another object, even with equal contents', () => {
    let calls = 0;
    const copy = memoOf((xs: number[]) => (calls++, [...xs]));
    expect(copy([1])).toEqual([1]);
    expect(copy([1])).toEqual([1]);
    expect(calls).toBe(2);
  });

  it('keeps an undefined answer (computed once, not again)', () => {
    let calls = 0;
    const none = memoOf((_: object) => void calls++);
    const o = {};
    none(o);
    none(o);
    expect(calls).toBe(1);
  });
});

describe('memoByKey', () => {
  it('computes once per object and key', () => {
    const seen: string[] = [];
    const pick = memoByKey((o: Record<string, number>, k: string) => (seen.push(k), o[k]));
    const o = { a: 1, b: 2 };
    expect([pick(o, 'a'), pick(o, 'b'), pick(o, 'a'), pick(o, 'b')]).toEqual([1, 2, 1, 2]);
    expect(seen).toEqual(['a', 'b']);
    expect(pick({ a: 5 }, 'a')).toBe(5);
    expect(seen).toEqual(['a', 'b', 'a']);
  });
});
