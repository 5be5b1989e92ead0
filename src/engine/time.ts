/**
 * Logical times `[epoch, c1, …, cd]` and their partial order (ENGINE.md "Time").
 *
 * A time is a small array of non-negative integers, outermost coordinate first. Arrays of
 * different lengths are compared as if the shorter one were padded with zeros, so a
 * parent scope's time can be compared with a child's without copying. Times are treated
 * as immutable values and shared freely: every function here returns one of its
 * arguments (same reference) whenever the result equals it, which keeps operators from
 * allocating a fresh time per update.
 *
 * - `leq` is the product order (every coordinate ≤); `join`/`meet` are the coordinate-wise
 *   max/min (least upper / greatest lower bound).
 * - `compareLex` is a total order that extends the product order; schedulers process
 *   times in this order.
 * - `advance(t, F)` = meet over f ∈ F of join(t, f): the compaction of DD traces, which
 *   keeps every answer at times ≥ F exact.
 */
import type { Time } from './api.js';

/** A logical time (defined by the API): `[epoch, c1, …]`. */
export type { Time };

/** Coordinate `i` of `t`, reading missing trailing coordinates as 0. */
export function coord(t: Time, i: number): number {
  return i < t.length ? (t[i] as number) : 0;
}

/** True when `a ≤ b` in the product order. */
export function leq(a: Time, b: Time): boolean {
  if (a === b) return true;
  const n = a.length;
  // Root times (`[e, c1]`) first, without a loop.
  if (n === 2 && b.length === 2)
    return (a[0] as number) <= (b[0] as number) && (a[1] as number) <= (b[1] as number);
  if (n === b.length) {
    for (let i = 0; i < n; i++) if ((a[i] as number) > (b[i] as number)) return false;
    return true;
  }
  const m = n > b.length ? n : b.length;
  for (let i = 0; i < m; i++) {
    if (coord(a, i) > coord(b, i)) return false;
  }
  return true;
}

/** True when `a` and `b` denote the same time (trailing zeros are insignificant). */
export function timeEquals(a: Time, b: Time): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  const n = a.length > b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    if (coord(a, i) !== coord(b, i)) return false;
  }
  return true;
}

/** The lexicographic order (outermost coordinate first): negative, zero or positive. */
export function compareLex(a: Time, b: Time): number {
  if (a === b) return 0;
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const d = (a[i] as number) - (b[i] as number);
      if (d !== 0) return d;
    }
    return 0;
  }
  const n = a.length > b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const d = coord(a, i) - coord(b, i);
    if (d !== 0) return d;
  }
  return 0;
}

/** The least upper bound (coordinate-wise max); returns `a` or `b` itself when it is the bound. */
export function join(a: Time, b: Time): Time {
  if (leq(b, a)) return a;
  if (leq(a, b)) return b;
  const n = a.length > b.length ? a.length : b.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = coord(a, i);
    const y = coord(b, i);
    out[i] = x > y ? x : y;
  }
  return out;
}

/** The greatest lower bound (coordinate-wise min); returns `a` or `b` itself when it is the bound. */
export function meet(a: Time, b: Time): Time {
  if (leq(a, b)) return a;
  if (leq(b, a)) return b;
  const n = a.length > b.length ? a.length : b.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = coord(a, i);
    const y = coord(b, i);
    out[i] = x < y ? x : y;
  }
  return out;
}

/**
 * Compaction: meet over f ∈ `frontier` of join(t, f). With a non-empty frontier every
 * time ≥ some f keeps its relation to `t`, so answers there are unchanged.
 */
export function advance(t: Time, frontier: readonly Time[]): Time {
  let result: Time | null = null;
  for (const f of frontier) {
    const j = join(t, f);
    result = result === null ? j : meet(result, j);
  }
  if (result === null) throw new RangeError(`advance: empty frontier for time [${t.join(', ')}]`);
  return result;
}

/** `t` with coordinate `i` replaced by `value` (a new array of at least `i + 1` coordinates). */
export function withCoord(t: Time, i: number, value: number): Time {
  const n = t.length > i + 1 ? t.length : i + 1;
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = k === i ? value : coord(t, k);
  return out;
}

/** `t` cut or padded (with zeros) to exactly `width` coordinates; `t` itself if it already fits. */
export function resize(t: Time, width: number): Time {
  if (t.length === width) return t;
  const out = new Array<number>(width);
  for (let k = 0; k < width; k++) out[k] = coord(t, k);
  return out;
}

/** True when the first `prefix.length` coordinates of `t` equal `prefix`. */
export function hasPrefix(t: Time, prefix: Time): boolean {
  for (let i = 0; i < prefix.length; i++) {
    if (coord(t, i) !== prefix[i]) return false;
  }
  return true;
}

/** A readable rendering for messages, e.g. `[3, 0, 12]`. */
export function formatTime(t: Time): string {
  return `[${t.join(', ')}]`;
}
