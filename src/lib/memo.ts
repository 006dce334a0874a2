/**
 * Results computed once per build: the data objects of a build (site-data.ts) are made once and never change, so a
 * pure function of one of them (and a small key, such as a fiscal year) can keep its answer for as long as that
 * object lives. Many pages ask the same question (every page of a fiscal year wants the year's amounts); without
 * this each page computed it again.
 *
 * Answers are shared between callers: they are typed readonly and must not be changed.
 */

/** `compute(object)` once per object (held weakly: a new data object, as in tests, computes afresh). */
export function memoOf<O extends object, R>(compute: (object: O) => R): (object: O) => R {
  const cache = new WeakMap<O, R>();
  return (object) => {
    if (!cache.has(object)) cache.set(object, compute(object));
    return cache.get(object)!;
  };
}

/** `compute(object, key)` once per object and key. */
export function memoByKey<O extends object, K, R>(compute: (object: O, key: K) => R): (object: O, key: K) => R {
  const cache = new WeakMap<O, Map<K, R>>();
  return (object, key) => {
    let byKey = cache.get(object);
    if (!byKey) cache.set(object, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, compute(object, key));
    return byKey.get(key)!;
  };
}
