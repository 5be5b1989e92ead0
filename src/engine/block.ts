/**
 * One key's block: the entries `[val, time, diff, seq]` a key receives in one batch, all
 * at one time and seq, in a range of slots of a flat entry array (trace.ts,
 * trace-base.ts). `consolidateBlock` merges equal vals and drops zeros in place; blocks
 * that need nothing (a few distinct vals, what a load mostly brings) are recognized
 * cheaply first, without sorting or hashing where possible.
 */
import { consolidateVals } from './consolidate.js';
import { equalValues, hashValue } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

/** Slots per entry in key histories, bases and blocks: `[val, time, diff, seq]`. */
export const STRIDE = 4;

// Scratch arrays for consolidating one block (single-threaded reuse).
const blockVals: Value[] = [];
const blockDiffs: number[] = [];

/**
 * Consolidates the block in slots `[start, end)` of `d` in place: equal vals merged, zero
 * sums dropped (its entries must share their time and seq). Returns the block's new end;
 * the slots from there to `end` are stale, for the caller to drop or overwrite.
 */
export function consolidateBlock(d: Value[], start: number, end: number): number {
  // A few distinct vals with non-zero diffs (a load's edges of one node) are left as they are.
  if (end - start <= SMALL_BLOCK * STRIDE && distinctBlock(d, start, end)) return end;
  const time = d[start + 1] as Value;
  const seq = d[start + 3] as Value;
  blockVals.length = 0;
  blockDiffs.length = 0;
  for (let i = start; i < end; i += STRIDE) {
    blockVals.push(d[i] as Value);
    blockDiffs.push(d[i + 2] as number);
  }
  const n = consolidateVals(blockVals, blockDiffs, 0, blockVals.length, false);
  let w = start;
  for (let i = 0; i < n; i++) {
    d[w] = blockVals[i] as Value;
    d[w + 1] = time;
    d[w + 2] = blockDiffs[i] as number;
    d[w + 3] = seq;
    w += STRIDE;
  }
  return w;
}

// Blocks of up to this many entries are checked for being consolidated already.
const SMALL_BLOCK = 32;

// Up to this many entries, a block's vals are compared with each other directly.
const TINY_BLOCK = 4;

// The hashes of one block's vals (`distinctBlock`'s scratch).
const blockHashes = new Int32Array(SMALL_BLOCK);

// The Ints inside one block's 1-tuple vals (`distinctInts`' scratch).
const blockInts = new Float64Array(SMALL_BLOCK);

// True when the entries in slots `[start, end)` have pairwise distinct vals and no zero diff.
// A block whose vals are all 1-tuples of Ints (what `key($0[0] ; $0[1])` and a count
// make) compares the Ints. Beyond a few entries, other vals are compared by hash first: a
// block of distinct vals then costs one hash each and integer comparisons, and only vals
// whose hashes agree are compared as values.
function distinctBlock(d: readonly Value[], start: number, end: number): boolean {
  for (let i = start + 2; i < end; i += STRIDE) if (d[i] === 0) return false;
  if (end - start <= TINY_BLOCK * STRIDE) return distinctPairs(d, start, end);
  const ints = intTupleItems(d, start, end);
  return ints >= 0 ? distinctInts(ints) : distinctHashes(d, start, end);
}

// True when the vals in slots `[start, end)` are pairwise distinct, compared directly.
function distinctPairs(d: readonly Value[], start: number, end: number): boolean {
  for (let i = start + STRIDE; i < end; i += STRIDE) {
    const v = d[i] as Value;
    for (let j = start; j < i; j += STRIDE) if (equalValues(d[j] as Value, v)) return false;
  }
  return true;
}

// When every val in slots `[start, end)` is a 1-tuple of a (number) Int, writes the Ints to
// `blockInts` and returns how many; otherwise -1. Two such tuples are equal exactly when
// their Ints are.
function intTupleItems(d: readonly Value[], start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i += STRIDE) {
    const v = d[i] as Value;
    if (!Array.isArray(v) || v.length !== 1) return -1;
    const item = (v as readonly Value[])[0];
    if (typeof item !== 'number') return -1;
    blockInts[n++] = item;
  }
  return n;
}

// True when the first `n` numbers of `blockInts` are pairwise distinct.
function distinctInts(n: number): boolean {
  for (let i = 1; i < n; i++) {
    const x = blockInts[i] as number;
    for (let j = 0; j < i; j++) if (blockInts[j] === x) return false;
  }
  return true;
}

// True when the vals in slots `[start, end)` are pairwise distinct, compared by hash first.
function distinctHashes(d: readonly Value[], start: number, end: number): boolean {
  let n = 0;
  for (let i = start; i < end; i += STRIDE) {
    const v = d[i] as Value;
    const h = hashValue(v);
    for (let j = 0; j < n; j++) {
      if (blockHashes[j] === h && equalValues(d[start + j * STRIDE] as Value, v)) return false;
    }
    blockHashes[n++] = h;
  }
  return true;
}
