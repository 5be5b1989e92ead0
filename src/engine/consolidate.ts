/**
 * Consolidation: summing the multiplicities of equal rows and dropping zeros.
 *
 * Identity is always structural (`equalValues`); `hashValue` only picks a bucket, so two
 * rows whose hashes collide are never merged. Two tools:
 * - `consolidateVals` merges a run of `(val, diff)` pairs in place (the per-key step of
 *   arrangements and reducers), optionally leaving it in value order;
 * - `RowCounts` is a consolidated multiset of `(key, val)` rows in first-insertion order
 *   (retained inputs, inspect reports, exported deltas).
 */
import { compareValues, equalValues, hashValue } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

// Below this many pairs a quadratic merge beats sorting.
const SMALL_RUN = 8;

// Scratch permutation for sorting runs, reused across calls (single-threaded).
let order: number[] = [];

/**
 * Consolidates `vals[start..end)` / `diffs[start..end)` in place: equal vals are merged,
 * zero sums dropped. Returns the new end of the run. With `sorted`, the surviving pairs
 * are in value order (`compareValues`); otherwise they keep first-appearance order.
 */
export function consolidateVals(
  vals: Value[],
  diffs: number[],
  start: number,
  end: number,
  sorted: boolean,
): number {
  if (end - start > 1) end = mergeAdjacentSame(vals, diffs, start, end);
  const n = end - start;
  if (n <= 1) return n === 1 && diffs[start] === 0 ? start : end;
  if (!sorted && n <= SMALL_RUN) return mergeQuadratic(vals, diffs, start, end);
  // Sort a permutation, merge adjacent equal vals, then write back the survivors.
  order.length = 0;
  for (let i = start; i < end; i++) order.push(i);
  order.sort((a, b) => compareValues(vals[a] as Value, vals[b] as Value));
  const sortedVals: Value[] = [];
  const sortedDiffs: number[] = [];
  for (const i of order) {
    const v = vals[i] as Value;
    const d = diffs[i] as number;
    const last = sortedVals.length - 1;
    if (last >= 0 && equalValues(sortedVals[last] as Value, v))
      sortedDiffs[last] = (sortedDiffs[last] as number) + d;
    else {
      sortedVals.push(v);
      sortedDiffs.push(d);
    }
  }
  // Don't keep a huge scratch array alive after a rare huge run.
  if (order.length > 4096) order = [];
  let w = start;
  for (let i = 0; i < sortedVals.length; i++) {
    const d = sortedDiffs[i] as number;
    if (d === 0) continue;
    vals[w] = sortedVals[i] as Value;
    diffs[w] = d;
    w++;
  }
  return w;
}

// Merges each run of adjacent pairs holding the very same val object (one shared value
// emitted many times, e.g. unit) into its first pair; returns the new end. Zeros stay.
function mergeAdjacentSame(vals: Value[], diffs: number[], start: number, end: number): number {
  let w = start;
  for (let i = start + 1; i < end; i++) {
    const v = vals[i] as Value;
    if (v === vals[w]) diffs[w] = (diffs[w] as number) + (diffs[i] as number);
    else {
      w++;
      vals[w] = v;
      diffs[w] = diffs[i] as number;
    }
  }
  return w + 1;
}

function mergeQuadratic(vals: Value[], diffs: number[], start: number, end: number): number {
  let w = start;
  for (let i = start; i < end; i++) {
    const v = vals[i] as Value;
    let j = start;
    while (j < w && !equalValues(vals[j] as Value, v)) j++;
    if (j < w) diffs[j] = (diffs[j] as number) + (diffs[i] as number);
    else {
      vals[w] = v;
      diffs[w] = diffs[i] as number;
      w++;
    }
  }
  // Drop the zero sums, keeping order.
  let k = start;
  for (let i = start; i < w; i++) {
    if (diffs[i] === 0) continue;
    vals[k] = vals[i] as Value;
    diffs[k] = diffs[i] as number;
    k++;
  }
  return k;
}

/** Hash of a `(key, val)` row for bucketing (31 bits, like `hashValue`: never boxed by V8). */
export function hashRow(key: Value, val: Value): number {
  return (Math.imul(hashValue(key), 0x9e3779b1) ^ hashValue(val)) >> 1;
}

// One distinct row of a RowCounts; `next` chains rows whose hashes collide.
interface RowCell {
  readonly key: Value;
  readonly val: Value;
  diff: number;
  next: RowCell | null;
}

/** A consolidated multiset of `(key, val)` rows, iterated in first-insertion order. */
export class RowCounts {
  private readonly buckets = new Map<number, RowCell>();
  // Insertion order; cells whose diff fell to 0 stay until `compact` removes them.
  private cells: RowCell[] = [];
  private zeros = 0;

  /** Adds `diff` to the multiplicity of `(key, val)`. */
  add(key: Value, val: Value, diff: number): void {
    if (diff === 0) return;
    const h = hashRow(key, val);
    let cell: RowCell | null | undefined = this.buckets.get(h);
    while (cell !== undefined && cell !== null) {
      if (equalValues(cell.key, key) && equalValues(cell.val, val)) {
        if (cell.diff === 0) this.zeros--;
        cell.diff += diff;
        if (cell.diff === 0) this.noteZero();
        return;
      }
      cell = cell.next;
    }
    const fresh: RowCell = { key, val, diff, next: this.buckets.get(h) ?? null };
    this.buckets.set(h, fresh);
    this.cells.push(fresh);
  }

  /** The number of rows with a non-zero multiplicity. */
  get size(): number {
    return this.cells.length - this.zeros;
  }

  /** Calls `f` for each row with a non-zero multiplicity, in first-insertion order. */
  forEach(f: (key: Value, val: Value, diff: number) => void): void {
    for (const c of this.cells) if (c.diff !== 0) f(c.key, c.val, c.diff);
  }

  private noteZero(): void {
    this.zeros++;
    if (this.zeros > 32 && this.zeros * 2 > this.cells.length) this.compact();
  }

  // Drops cells whose multiplicity is 0 so memory follows the live contents.
  private compact(): void {
    const live: RowCell[] = [];
    this.buckets.clear();
    for (const c of this.cells) {
      if (c.diff === 0) continue;
      const h = hashRow(c.key, c.val);
      c.next = this.buckets.get(h) ?? null;
      this.buckets.set(h, c);
      live.push(c);
    }
    this.cells = live;
    this.zeros = 0;
  }
}
