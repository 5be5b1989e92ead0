/**
 * The Value model of DDIR (LANGUAGE.md §1): Int, Tuple, Variant, List.
 *
 * Representation (chosen for speed in JavaScript; every module relies on it):
 * - `Int` is a signed 64-bit integer held as a JS `number` when it is a safe integer
 *   (|n| ≤ 2^53−1) and as a `bigint` otherwise. This is a *normal form*: a bigint in the
 *   safe range never appears, so equality of Ints is `===` and small arithmetic stays on
 *   doubles. Use `int()` to normalize any integer you compute.
 * - `Tuple` is a plain frozen-by-convention JS array of Values (keys and vals of every
 *   row are Tuples, so this is the hot case).
 * - `Variant` and `List` are small classes, told apart with `instanceof`.
 * Values are immutable once built; structure may be shared freely.
 */

/** A signed 64-bit integer in normal form: a safe-integer `number`, else a `bigint`. */
export type Int = number | bigint;

/** A product of values; `[]` is unit. */
export type TupleValue = readonly Value[];

/** A tagged value: a tag in 0..2^32−1 and one payload. */
export class VariantValue {
  constructor(
    readonly tag: number,
    readonly payload: Value,
  ) {}
}

/** A sequence of values (distinct from a Tuple in order, equality and printing). */
export class ListValue {
  constructor(readonly items: readonly Value[]) {}
}

/** Any DDIR value. */
export type Value = Int | TupleValue | VariantValue | ListValue;

/** The unit value `tuple()`. */
export const UNIT: TupleValue = Object.freeze([]) as TupleValue;

const MIN_I64 = -(1n << 63n);

/** Normalizes an integer to the Int normal form, wrapping a bigint to 64 bits two's-complement. */
export function int(n: number | bigint): Int {
  if (typeof n === 'number') {
    if (Number.isSafeInteger(n)) return n;
    return int(BigInt(n));
  }
  const wrapped = BigInt.asIntN(64, n);
  if (wrapped >= -9007199254740991n && wrapped <= 9007199254740991n) return Number(wrapped);
  return wrapped;
}

/** The Int as a bigint (exact). */
export function intToBigInt(n: Int): bigint {
  return typeof n === 'bigint' ? n : BigInt(n);
}

/** True for an Int value. */
export function isInt(v: Value): v is Int {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** True for a Tuple value. */
export function isTuple(v: Value): v is TupleValue {
  return Array.isArray(v);
}

/** The least Int, −2^63. */
export const INT_MIN: Int = MIN_I64;

/** Builds a Tuple. */
export function tuple(...items: Value[]): TupleValue {
  return items;
}

// Interned 1-tuples of the Ints 0 ≤ n < 2^20, in chunks of 1024 made on first use; a
// slot holding unit has no tuple yet (packed arrays, no holes).
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
const INTERN_LIMIT = 1 << 20;
const interned: (TupleValue[] | null)[] = new Array<TupleValue[] | null>(INTERN_LIMIT / CHUNK).fill(null);

/**
 * The 1-tuple `(item)`. For an Int 0 ≤ item < 2^20 it is one shared tuple per Int (values
 * are immutable, so only `===` can tell): the keys and vals programs build most often
 * (`key($0[0] ; $0[1])`, a count) then cost no allocation, and equal ones are identical,
 * which every equality test checks first. At most 2^20 such tuples are ever kept.
 */
export function tuple1(item: Value): TupleValue {
  if (typeof item !== 'number' || !(item >= 0 && item < INTERN_LIMIT) || (item | 0) !== item) return [item];
  const chunk = interned[item >> CHUNK_BITS] ?? internChunk(item >> CHUNK_BITS);
  const slot = item & (CHUNK - 1);
  const found = chunk[slot] as TupleValue;
  if (found !== UNIT) return found;
  const made: TupleValue = [item | 0];
  chunk[slot] = made;
  return made;
}

/** True when `v` is the shared 1-tuple `tuple1` keeps for its Int (see there). */
export function isInterned(v: Value): boolean {
  if (!Array.isArray(v) || v.length !== 1) return false;
  const item = (v as TupleValue)[0];
  if (typeof item !== 'number' || !(item >= 0 && item < INTERN_LIMIT) || (item | 0) !== item) return false;
  return interned[item >> CHUNK_BITS]?.[item & (CHUNK - 1)] === v;
}

function internChunk(c: number): TupleValue[] {
  const chunk = new Array<TupleValue>(CHUNK).fill(UNIT);
  interned[c] = chunk;
  return chunk;
}

/** Builds a List. */
export function list(...items: Value[]): ListValue {
  return new ListValue(items);
}

/** Builds a Variant; the tag is taken modulo 2^32 as the reference does. */
export function variant(tag: number, payload: Value): VariantValue {
  return new VariantValue(tag >>> 0, payload);
}
