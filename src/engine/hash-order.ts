/**
 * `hashOrder`: the permutation that lists int32 hashes in ascending unsigned order, stable
 * (equal hashes keep their positions' order), and the hashes in that order. A stable
 * three-pass radix sort on 11-bit digits: O(n), typed arrays only.
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

/** A permutation by hash (`hashOrder`) and the hashes it lists, in its order. */
export interface HashOrder {
  /** Positions `0 … n - 1` ordered by `hashes[i] >>> 0`, ties in position order. */
  readonly order: Uint32Array;
  /** `sorted[j] === hashes[order[j]]`. */
  readonly sorted: Int32Array;
}

/**
 * The stable order of `hashes` by unsigned value. Each radix pass moves the hashes along
 * with their positions, so every pass (and every reader of the result) reads them in
 * sequence instead of looking each one up at its position.
 */
export function hashOrder(hashes: Int32Array): HashOrder {
  const n = hashes.length;
  if (n <= SMALL) return insertionOrder(hashes);
  const starts = new Uint32Array(DIGITS + 1);
  let fromHashes = new Int32Array(n);
  let fromOrder = new Uint32Array(n);
  countDigits(hashes, 0, starts);
  sumCounts(starts);
  scatterFirst(hashes, starts, fromHashes, fromOrder);
  let toHashes = new Int32Array(n);
  let toOrder = new Uint32Array(n);
  for (let shift = DIGIT_BITS; shift < 32; shift += DIGIT_BITS) {
    countDigits(fromHashes, shift, starts);
    sumCounts(starts);
    scatter(fromHashes, fromOrder, shift, starts, toHashes, toOrder);
    [fromHashes, toHashes] = [toHashes, fromHashes];
    [fromOrder, toOrder] = [toOrder, fromOrder];
  }
  return { order: fromOrder, sorted: fromHashes };
}

// Each pass is a few loops, each in its own function: the first pass of a large batch gets
// a loop on-stack-replaced by V8, and the code after it (without type feedback) would
// deoptimize as soon as it ran; as separate functions, the later passes reuse the
// optimized loops instead.

// Up to this many hashes, an insertion sort beats three passes over 2048 digit counters.
const SMALL = 32;

// `hashOrder` by a stable insertion sort (few hashes).
function insertionOrder(hashes: Int32Array): HashOrder {
  const order = new Uint32Array(hashes.length);
  const sorted = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i] as number;
    let j = i - 1;
    while (j >= 0 && (sorted[j] as number) >>> 0 > h >>> 0) {
      order[j + 1] = order[j] as number;
      sorted[j + 1] = sorted[j] as number;
      j--;
    }
    order[j + 1] = i;
    sorted[j + 1] = h;
  }
  return { order, sorted };
}

// `starts[d + 1]`: how many hashes have the digit d at `shift`.
function countDigits(hashes: Int32Array, shift: number, starts: Uint32Array): void {
  starts.fill(0);
  for (let i = 0; i < hashes.length; i++)
    (starts[(((hashes[i] as number) >>> shift) & DIGIT_MASK) + 1] as number)++;
}

// Turns the counts into `starts[d]`: where the hashes with digit d start in the output.
function sumCounts(starts: Uint32Array): void {
  for (let d = 0; d < DIGITS; d++) starts[d + 1] = (starts[d + 1] as number) + (starts[d] as number);
}

// The first pass: moves each hash and its position into place by its lowest digit.
function scatterFirst(
  hashes: Int32Array,
  starts: Uint32Array,
  toHashes: Int32Array,
  toOrder: Uint32Array,
): void {
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i] as number;
    const w = (starts[h & DIGIT_MASK] as number)++;
    toHashes[w] = h;
    toOrder[w] = i;
  }
}

// A later pass: moves the hashes and their positions, stably ordered by their digit at `shift`.
function scatter(
  fromHashes: Int32Array,
  fromOrder: Uint32Array,
  shift: number,
  starts: Uint32Array,
  toHashes: Int32Array,
  toOrder: Uint32Array,
): void {
  for (let i = 0; i < fromHashes.length; i++) {
    const h = fromHashes[i] as number;
    const w = (starts[(h >>> shift) & DIGIT_MASK] as number)++;
    toHashes[w] = h;
    toOrder[w] = fromOrder[i] as number;
  }
}
