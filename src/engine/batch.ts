/**
 * Batches: the currency between operators.
 *
 * A `Batch` is a list of updates `(key, val, diff)` that all happen at one logical time;
 * the time is held by the queue the batch sits in (the same batch object may be queued at
 * different times by different receivers, e.g. once at `t` and, through a loop's
 * feedback edge, at `t + 1`). Batches are immutable once built and are shared by every
 * receiver, so fan-out costs one reference per receiver, not a copy per update.
 *
 * Representation: three parallel arrays (no object per update). A batch is *not*
 * necessarily consolidated: equal rows may repeat and diffs may cancel; arrangements
 * consolidate when they index a batch.
 */
import { keepLayout } from './layouts.js';
import type { Value } from '../lang/value.js';

/** Updates at one logical time, as parallel arrays. */
export class Batch {
  /**
   * The number of updates. A field, not a getter over `keys.length`: every port and outlet
   * reads it per batch, and until V8 optimizes them a getter is a call each time.
   */
  readonly size: number;

  constructor(
    /** The key of each update. */
    readonly keys: readonly Value[],
    /** The val of each update. */
    readonly vals: readonly Value[],
    /** The signed multiplicity of each update (never 0 once consolidated). */
    readonly diffs: readonly number[],
  ) {
    this.size = keys.length;
  }
}

// An empty array in V8's generic elements kind, copied by `objectArray`.
const EMPTY_GENERIC: unknown[] = [null];
EMPTY_GENERIC.pop();

/**
 * An empty array in V8's generic elements kind. A fresh `[]` holds small integers until
 * the first object is pushed, and that transition, met for the first time in optimized
 * code (a tick after a load), throws the code away; arrays of values, keys and traces
 * are made with this instead. (A copy of an empty generic array keeps its kind, and costs
 * half of emptying a fresh `[null]`, whose elements V8 first copies out of the literal's.)
 */
export function objectArray<T>(): T[] {
  return EMPTY_GENERIC.slice() as T[];
}

/**
 * An array of `n` slots, to be filled by index, in V8's generic elements kind (holey: a
 * sized array starts with holes, a state it never leaves). Filling it costs no regrowth.
 */
export function sizedObjectArray<T>(n: number): T[] {
  const a = new Array<T | null>(n);
  // Storing an object makes the array generic now, not at its first key or val.
  if (n > 0) a[0] = null;
  return a as T[];
}

/**
 * An array of `n` slots (undefined until written), to be filled by index, in V8's generic
 * packed elements kind: unlike `sizedObjectArray`'s, its `slice`s are packed too, like the
 * arrays key histories hold (trace.ts), so their readers meet one kind of array.
 */
export function packedArray<T>(n: number): T[] {
  return [...new Array<T>(n)];
}

/** Accumulates updates for one batch; `build` hands the arrays over to a `Batch`. */
export class BatchBuilder {
  private keys: Value[] = objectArray();
  private vals: Value[] = objectArray();
  private diffs: number[] = [];

  /** Appends one update. */
  push(key: Value, val: Value, diff: number): void {
    this.keys.push(key);
    this.vals.push(val);
    this.diffs.push(diff);
  }

  /**
   * Appends one update, merged into the previous one when that has the very same key and
   * val objects (a join projecting many pairs onto one shared key and unit val, say); an
   * update merged to a zero diff is removed. Cheaper than consolidating it later.
   */
  pushMerging(key: Value, val: Value, diff: number): void {
    const last = this.keys.length - 1;
    if (last >= 0 && this.keys[last] === key && this.vals[last] === val) {
      const sum = (this.diffs[last] as number) + diff;
      if (sum !== 0) this.diffs[last] = sum;
      else {
        this.keys.pop();
        this.vals.pop();
        this.diffs.pop();
      }
      return;
    }
    this.keys.push(key);
    this.vals.push(val);
    this.diffs.push(diff);
  }

  /**
   * Appends every update of `batch`, which is handed over: an empty builder takes the
   * batch's arrays as its own instead of copying them, so the caller must not use the
   * batch again. (A batch from `build` has arrays of the kinds a builder makes.)
   */
  pushBatch(batch: Batch): void {
    if (this.keys.length === 0) {
      this.keys = batch.keys as Value[];
      this.vals = batch.vals as Value[];
      this.diffs = batch.diffs as number[];
      return;
    }
    for (let i = 0; i < batch.size; i++)
      this.push(batch.keys[i] as Value, batch.vals[i] as Value, batch.diffs[i] as number);
  }

  /** The number of updates pushed since the last `build`. */
  get size(): number {
    return this.keys.length;
  }

  /** The batch of everything pushed so far; the builder starts over empty. */
  build(): Batch {
    const batch = new Batch(this.keys, this.vals, this.diffs);
    this.keys = objectArray();
    this.vals = objectArray();
    this.diffs = [];
    return batch;
  }
}

// See layouts.ts: a builder that has built a batch, and that batch.
{
  const builder = keepLayout(new BatchBuilder());
  builder.push(0, 0, 1);
  keepLayout(builder.build());
}

/** All updates of `batches` as one batch, in order (the batch itself if there is one). */
export function concatBatches(batches: readonly Batch[]): Batch {
  if (batches.length === 1) return batches[0] as Batch;
  const out = new BatchBuilder();
  for (let k = 0; k < batches.length; k++) {
    const b = batches[k] as Batch;
    for (let i = 0; i < b.keys.length; i++)
      out.push(b.keys[i] as Value, b.vals[i] as Value, b.diffs[i] as number);
  }
  return out.build();
}

/** The total number of updates in `batches`. */
export function countUpdates(batches: readonly Batch[]): number {
  let n = 0;
  for (let i = 0; i < batches.length; i++) n += (batches[i] as Batch).size;
  return n;
}
