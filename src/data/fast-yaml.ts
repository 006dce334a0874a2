/**
 * The fast path of the loader: reads a data file with js-yaml (about ten times faster than the `yaml`
 * package, which builds a node tree with positions for every value) when the file is plain, ordinary
 * data. It answers the value or `undefined`; `undefined` sends the file down the full path in load.ts,
 * which parses with `yaml` and reports every problem with file:line:column exactly as before. So the
 * fast path only ever accepts: anything unusual or wrong is left to the full path.
 *
 * Unusual means: anchors, aliases, tags, directives, merge keys or explicit `?` keys anywhere (checked
 * on the text, erring towards the full path); a number not written as a plain decimal, or one the
 * `yaml` core schema would read differently; a string or key that textProblem refuses; a js-yaml error
 * or warning (duplicate keys, several documents, tabs). Scalars resolve as in YAML 1.2's core schema,
 * the one load.ts gives `yaml`: `2025-02-05` and `yes` stay strings.
 */
import { load, FAILSAFE_SCHEMA, Type } from 'js-yaml';
import { textProblem } from '../schemas/common.ts';

/** Thrown inside js-yaml when a scalar needs the full path; caught below. */
class NeedsFullPath extends Error {}

/** YAML 1.2 core: null, booleans, and every way of writing a number (yaml's core tag tests). */
const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_NUMBER = new RegExp(
  [
    '^(?:0o[0-7]+', // octal
    '[-+]?[0-9]+', // decimal integer
    '0x[0-9a-fA-F]+', // hexadecimal
    '[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN', // infinity, not a number
    '[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$', // decimal, exponent
  ].join('|'),
);
/** The only numbers taken as written: plain decimals, exact (the full path explains any other). */
const PLAIN_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const PLAIN_DECIMAL = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;

const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (data: string) => CORE_NULL.test(data),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (data: string) => CORE_BOOL.test(data),
      construct: (data: string) => data[0] === 't' || data[0] === 'T',
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (data: string) => CORE_NUMBER.test(data),
      construct: (data: string) => {
        const value = Number(data);
        if (PLAIN_INTEGER.test(data) ? !Number.isSafeInteger(value) : !PLAIN_DECIMAL.test(data))
          throw new NeedsFullPath();
        if (Object.is(value, -0)) throw new NeedsFullPath();
        return value;
      },
    }),
  ],
});

/**
 * Anything the fast path leaves to `yaml`: an anchor (&a) or alias (*a) or tag (!x) where a node can
 * start, a directive (%YAML), a merge key (<<) or an explicit key (?). Text such as "R&D" or "5 * 3"
 * does not match; a false match only costs the slower parse.
 */
const UNUSUAL_SYNTAX = /(?:^|[\s[{,:-])[&*!][^\s]|^%|<<|^[ \t-]*\?(?:[ \t]|$)/m;

/** Every string and key in a parsed value passes textProblem (the full path reports which does not). */
function textIsClean(value: unknown): boolean {
  if (typeof value === 'string') return textProblem(value) === undefined;
  if (Array.isArray(value)) {
    for (const item of value) if (!textIsClean(item)) return false;
    return true;
  }
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (textProblem(key) !== undefined) return false;
      if (!textIsClean((value as Record<string, unknown>)[key])) return false;
    }
  }
  return true;
}

/** The file's value when it is plain data the fast path can read; undefined when `yaml` must read it. */
export function fastParse(text: string): unknown {
  if (UNUSUAL_SYNTAX.test(text)) return undefined;
  let value: unknown;
  let warned = false;
  try {
    value = load(text, { schema: SCHEMA, onWarning: () => (warned = true) });
  } catch {
    return undefined;
  }
  if (warned || value === null || typeof value !== 'object') return undefined;
  return textIsClean(value) ? value : undefined;
}
