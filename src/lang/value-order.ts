/**
 * Identity of values: the total order, structural equality and a bucketing hash.
 *
 * `compareValues` is the order of LANGUAGE.md §1 — first by form (Int < Tuple < Variant <
 * List), then Ints numerically, Tuples and Lists element by element with a proper prefix
 * first, Variants by tag then payload. `equalValues` agrees with it (`compare == 0` iff
 * equal). `hashValue` is a well-mixed 31-bit structural hash for hash tables: equal values
 * always hash equally (an Int hashes by its 64-bit word, so even a non-normalized bigint
 * hashes like its number twin), but identity is always decided by `equalValues`.
 * All three are total functions: they never throw on a well-formed Value (very deeply
 * nested values may exhaust the JS stack, which callers treat like any evaluation error).
 */
import { ListValue, VariantValue } from './value.js';
import type { Int, Value } from './value.js';

// Form ranks, in the order of LANGUAGE.md §1.
const RANK_INT = 0;
const RANK_TUPLE = 1;
const RANK_VARIANT = 2;
const RANK_LIST = 3;

function rank(v: Value): number {
  if (typeof v === 'number' || typeof v === 'bigint') return RANK_INT;
  if (Array.isArray(v)) return RANK_TUPLE;
  return v instanceof VariantValue ? RANK_VARIANT : RANK_LIST;
}

/** Compares two Ints numerically (number and bigint may be mixed): -1, 0 or 1. */
export function compareInts(a: Int, b: Int): number {
  // JS relational operators compare number and bigint by exact mathematical value.
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareSeqs(a: readonly Value[], b: readonly Value[]): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i] as Value, b[i] as Value);
    if (c !== 0) return c;
  }
  return a.length - b.length < 0 ? -1 : a.length === b.length ? 0 : 1;
}

/** The total order of LANGUAGE.md §1: negative, zero or positive like `Array.sort` expects. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case RANK_INT:
      return compareInts(a as Int, b as Int);
    case RANK_TUPLE:
      return compareSeqs(a as readonly Value[], b as readonly Value[]);
    case RANK_VARIANT: {
      const va = a as VariantValue;
      const vb = b as VariantValue;
      if (va.tag !== vb.tag) return va.tag < vb.tag ? -1 : 1;
      return compareValues(va.payload, vb.payload);
    }
    default:
      return compareSeqs((a as ListValue).items, (b as ListValue).items);
  }
}

function equalSeqs(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!equalValues(a[i] as Value, b[i] as Value)) return false;
  }
  return true;
}

/** Structural equality; consistent with `compareValues(a, b) === 0`. */
export function equalValues(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === 'number' || ta === 'bigint') {
    const tb = typeof b;
    // In normal form a number never equals a bigint; this also accepts stray 5n vs 5.
    return (tb === 'number' || tb === 'bigint') && ta !== tb && compareInts(a as Int, b as Int) === 0;
  }
  if (Array.isArray(a)) return Array.isArray(b) && equalSeqs(a, b as readonly Value[]);
  if (a instanceof VariantValue) {
    return b instanceof VariantValue && a.tag === b.tag && equalValues(a.payload, b.payload);
  }
  return b instanceof ListValue && equalSeqs((a as ListValue).items, b.items);
}

// ---- hashing ---------------------------------------------------------------------------

const TWO_32 = 4294967296;
const SEED_TUPLE = 0x2f1a7c39;
const SEED_LIST = 0x6b43a9b5;
const SEED_VARIANT = 0x1b873593;

/**
 * murmur3's 32-bit finalizer: every input bit affects every output bit. The result is a
 * signed int32, which V8 keeps unboxed (an unsigned one above 2^31 would be a heap number).
 */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Folds one 32-bit word into a running hash (murmur3 body step). */
function combine(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Hash of an Int by its two's-complement 64-bit word, so 5 and 5n agree. */
function hashInt(n: Int): number {
  let lo: number;
  let hi: number;
  if (typeof n === 'number') {
    lo = n >>> 0; // ToUint32 is exact modular reduction for any integral double
    hi = Math.floor(n / TWO_32) | 0;
  } else {
    lo = Number(BigInt.asUintN(32, n));
    hi = Number(BigInt.asIntN(32, n >> 32n));
  }
  return fmix32(combine(lo, hi)) >> 1;
}

function hashSeq(seed: number, items: readonly Value[]): number {
  let h = seed;
  for (let i = 0; i < items.length; i++) h = combine(h, hashValue(items[i] as Value));
  return fmix32(h ^ items.length) >> 1;
}

/**
 * A well-mixed 31-bit structural hash (a signed int in -2^30 … 2^30 - 1); equal values
 * give equal hashes. 31 bits, not 32 (every final mix drops its lowest bit): that is V8's
 * small-integer range, so a hash stored in an object field, passed to a call or used as a
 * `Map` key is never boxed into a heap number (half of all 32-bit hashes would be).
 */
export function hashValue(v: Value): number {
  if (typeof v === 'number' || typeof v === 'bigint') return hashInt(v);
  if (Array.isArray(v)) {
    // The commonest key, a 1-tuple of an int32, in one step (the same hash as the general walk).
    if (v.length === 1) {
      const x = (v as readonly Value[])[0];
      if (typeof x === 'number' && (x | 0) === x)
        return fmix32(combine(SEED_TUPLE, fmix32(combine(x >>> 0, x < 0 ? -1 : 0)) >> 1) ^ 1) >> 1;
    }
    return hashSeq(SEED_TUPLE, v as readonly Value[]);
  }
  if (v instanceof VariantValue)
    return fmix32(combine(combine(SEED_VARIANT, v.tag), hashValue(v.payload))) >> 1;
  return hashSeq(SEED_LIST, (v as ListValue).items);
}
