/**
 * JSON values (SERVER.md encoding) as the trace views need them: decoded to `Value`s for
 * ordering and identity, and printed in the compact table form.
 *
 * Decoding is memoized per JSON object (a `WeakMap`, so nothing outlives the rows that
 * the store holds), which makes re-rendering and re-sorting the same rows cheap. A JSON
 * value that is not a well-formed encoding (never sent by the server) decodes to the unit
 * tuple for ordering and prints as its raw JSON text, so the views never throw on it.
 */
import { valueFromJson } from '../../lang/value-json.js';
import type { ValueJson } from '../../lang/value-json.js';
import { compareValues, equalValues } from '../../lang/value-order.js';
import { formatValueCompact } from '../../lang/value-print.js';
import { UNIT } from '../../lang/value.js';
import type { Value } from '../../lang/value.js';

// Memo of decoded composite values; numbers and strings decode without allocation.
const decoded = new WeakMap<object, Value | null>();

/** The value a JSON encoding stands for, or `undefined` when it is malformed. */
function tryDecode(j: ValueJson): Value | undefined {
  if (typeof j !== 'object') return valueFromJson(j);
  const hit = decoded.get(j);
  if (hit !== undefined) return hit ?? undefined;
  const v = valueFromJson(j);
  decoded.set(j, v ?? null);
  return v;
}

/** The value a JSON encoding stands for (the unit tuple if it is malformed). */
export function decodeJson(j: ValueJson): Value {
  return tryDecode(j) ?? UNIT;
}

/** Longest text a table cell shows; the full text is in the cell's tooltip and in exports. */
export const CELL_TEXT_LIMIT = 160;

// Memo of the full compact text of composite values (filtering prints every key).
const texts = new WeakMap<object, string>();

/** The compact text of a JSON value (`(1, 2)`, `[7, 8]`, `#2(…)`), cut past `limit` chars with `…`. */
export function compactText(j: ValueJson, limit = Infinity): string {
  const full = limit === Infinity && typeof j === 'object';
  if (full) {
    const hit = texts.get(j);
    if (hit !== undefined) return hit;
  }
  const v = tryDecode(j);
  const text = v === undefined ? JSON.stringify(j) : formatValueCompact(v, limit);
  if (full) texts.set(j, text);
  return text;
}

/** Orders (key, val) pairs of JSON values by the value order of LANGUAGE.md §1. */
export function comparePairs(ak: ValueJson, av: ValueJson, bk: ValueJson, bv: ValueJson): number {
  const c = compareValues(decodeJson(ak), decodeJson(bk));
  return c !== 0 ? c : compareValues(decodeJson(av), decodeJson(bv));
}

/** Whether two JSON values encode equal values. */
export function equalJson(a: ValueJson, b: ValueJson): boolean {
  return a === b || equalValues(decodeJson(a), decodeJson(b));
}
