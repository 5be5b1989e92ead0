/**
 * Values as JSON (SERVER.md, "Output: the --json event contract").
 *
 * `valueToJson`: Int → number when |n| ≤ 2^53−1, else its decimal string; Tuple → array;
 * List → `{"list":[...]}`; Variant → `{"tag":t,"val":payload}`. Total, never throws.
 * `valueFromJson` is the inverse, for pasted rows: it accepts exactly those shapes (an Int
 * also as a decimal string in range) and answers `undefined` for anything else — a
 * non-integer or unsafe number, an out-of-range string, an object with other keys, a tag
 * outside 0..2^32−1. `valueFromJson(valueToJson(v))` equals `v` for every value.
 */
import { int, ListValue, VariantValue } from './value.js';
import type { Value } from './value.js';

/** The JSON encoding of a value. */
export type ValueJson =
  | number
  | string
  | readonly ValueJson[]
  | { readonly list: readonly ValueJson[] }
  | { readonly tag: number; readonly val: ValueJson };

/** Encodes a value per SERVER.md. */
export function valueToJson(v: Value): ValueJson {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return (v as readonly Value[]).map(valueToJson);
  if (v instanceof VariantValue) return { tag: v.tag, val: valueToJson(v.payload) };
  return { list: (v as ListValue).items.map(valueToJson) };
}

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

function intFromString(s: string): Value | undefined {
  if (!/^-?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < I64_MIN || n > I64_MAX ? undefined : int(n);
}

function itemsFromJson(items: readonly unknown[]): Value[] | undefined {
  const out: Value[] = [];
  for (const item of items) {
    const v = valueFromJson(item);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

/** Decodes the JSON encoding of a value (already parsed with `JSON.parse`); `undefined` if malformed. */
export function valueFromJson(j: unknown): Value | undefined {
  if (typeof j === 'number') return Number.isSafeInteger(j) ? j + 0 : undefined;
  if (typeof j === 'string') return intFromString(j);
  if (Array.isArray(j)) return itemsFromJson(j);
  if (typeof j !== 'object' || j === null) return undefined;
  const keys = Object.keys(j);
  const o = j as Record<string, unknown>;
  if (keys.length === 1 && Array.isArray(o.list)) {
    const items = itemsFromJson(o.list);
    return items && new ListValue(items);
  }
  if (keys.length === 2 && 'tag' in o && 'val' in o) {
    const tag = o.tag;
    if (typeof tag !== 'number' || !Number.isInteger(tag) || tag < 0 || tag > 0xffffffff) return undefined;
    const payload = valueFromJson(o.val);
    return payload === undefined ? undefined : new VariantValue(tag, payload);
  }
  return undefined;
}
