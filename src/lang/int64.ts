/**
 * Exact signed 64-bit integer arithmetic on the Int normal form (see value.ts).
 *
 * `add`, `sub`, `mul` and `neg` take Ints and return Ints, wrapping on overflow exactly
 * like two's-complement `i64`. The common case — both operands safe-integer numbers and
 * the exact result still safe — runs on doubles with no allocation; anything else falls
 * back to BigInt and re-normalizes. Results are never `-0`. Also: numeric comparison,
 * the unsigned-word view used by `hash` and `random:` (`toU64`/`fromU64`), and
 * `bitLength` used by `enter_at`. None of these throw.
 */
import { int } from './value.js';
import type { Int } from './value.js';

const U64_MASK = (1n << 64n) - 1n;

/** a + b, wrapping like i64. */
export function add(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    // Doubles round monotonically and 2^53 is representable, so a safe result is exact.
    const r = a + b;
    if (r <= Number.MAX_SAFE_INTEGER && r >= Number.MIN_SAFE_INTEGER) return r;
  }
  return int(BigInt(a) + BigInt(b));
}

/** a − b, wrapping like i64. */
export function sub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= Number.MAX_SAFE_INTEGER && r >= Number.MIN_SAFE_INTEGER) return r;
  }
  return int(BigInt(a) - BigInt(b));
}

/** a × b, wrapping like i64. */
export function mul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    // `+ 0` turns a `-0` product into `0`.
    if (r <= Number.MAX_SAFE_INTEGER && r >= Number.MIN_SAFE_INTEGER) return r + 0;
  }
  return int(BigInt(a) * BigInt(b));
}

/** −a, wrapping like i64 (so −(−2^63) is −2^63). */
export function neg(a: Int): Int {
  if (typeof a === 'number') return 0 - a;
  return int(-a);
}

/** Numeric comparison of two Ints: −1, 0 or 1. */
export function compareInt(a: Int, b: Int): number {
  // Relational operators compare number and bigint by exact mathematical value.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Int's 64-bit two's-complement word read as unsigned, in 0..2^64−1. */
export function toU64(v: Int): bigint {
  return BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(v));
}

/** The Int whose two's-complement word is `w` (taken modulo 2^64). */
export function fromU64(w: bigint): Int {
  return int(BigInt.asIntN(64, w));
}

/** Significant bits of the Int read as an unsigned 64-bit word: 0 for 0, 64 for negatives. */
export function bitLength(v: Int): number {
  if (typeof v === 'number') {
    if (v < 0) return 64;
    if (v === 0) return 0;
    if (v < 4294967296) return 32 - Math.clz32(v);
    return 32 + (32 - Math.clz32(Math.floor(v / 4294967296)));
  }
  if (v < 0n) return 64;
  return (v & U64_MASK).toString(2).length;
}
