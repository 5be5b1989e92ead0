/**
 * `hashOrder`: the permutation that lists int32 hashes in ascending unsigned order, stable
 * (equal hashes keep their positions' order). A stable three-pass radix sort on 11-bit
 * digits: O(n), typed arrays only.
 *
 * Why: a `KeyTable` puts a hash's home slot at its top bits, so visiting a large batch's
 * keys in this order walks the table's index, its entries and the key histories created
 * in that order front to back, instead of at random (key-table.ts, arrange.ts). Also
 * here: `hashesOf`, a batch's key hashes to order by.
 */
import { hashValue } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;

/** `hashValue` of each key (a loop alone in its function, for the reason given below). */
export function hashesOf(keys: readonly Value[]): Int32Array {
  const hashes = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) hashes[i] = hashValue(keys[i] as Value);
  return hashes;
}

/** Positions `0 … hashes.length - 1` ordered by `hashes[i] >>> 0`, ties in position order. */
export function hashOrder(hashes: Int32Array): Uint32Array {
  const n = hashes.length;
  if (n <= SMALL) return insertionOrder(hashes);
  let from: Uint32Array = identity(n);
  let to: Uint32Array = new Uint32Array(n);
  const starts = new Uint32Array(DIGITS + 1);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    countDigits(hashes, shift, starts);
    sumCounts(starts);
    scatter(hashes, shift, starts, from, to);
    const done = to;
    to = from;
    from = done;
  }
  return from;
}

// Each pass is a few loops, each in its own function: the first pass of a large batch gets
// a loop on-stack-replaced by V8, and the code after it (without type feedback) would
// deoptimize as soon as it ran; as separate functions, the later passes reuse the
// optimized loops instead.

// Up to this many hashes, an insertion sort beats three passes over 2048 digit counters.
const SMALL = 32;

// `hashOrder` by a stable insertion sort (few hashes).
function insertionOrder(hashes: Int32Array): Uint32Array {
  const order = identity(hashes.length);
  for (let i = 1; i < order.length; i++) {
    const p = order[i] as number;
    const h = (hashes[p] as number) >>> 0;
    let j = i - 1;
    while (j >= 0 && (hashes[order[j] as number] as number) >>> 0 > h) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = p;
  }
  return order;
}

// The positions 0 … n-1.
function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

// `starts[d + 1]`: how many hashes have the digit d at `shift`.
function countDigits(hashes: Int32Array, shift: number, starts: Uint32Array): void {
  starts.fill(0);
  for (let i = 0; i < hashes.length; i++)
    (starts[(((hashes[i] as number) >>> shift) & DIGIT_MASK) + 1] as number)++;
}

// Turns the counts into `starts[d]`: where the positions with digit d start in the output.
function sumCounts(starts: Uint32Array): void {
  for (let d = 0; d < DIGITS; d++) starts[d + 1] = (starts[d + 1] as number) + (starts[d] as number);
}

// Moves the positions of `from` into `to`, stably ordered by their digit at `shift`.
function scatter(
  hashes: Int32Array,
  shift: number,
  starts: Uint32Array,
  from: Uint32Array,
  to: Uint32Array,
): void {
  for (let i = 0; i < from.length; i++) {
    const p = from[i] as number;
    const d = ((hashes[p] as number) >>> shift) & DIGIT_MASK;
    to[(starts[d] as number)++] = p;
  }
}
