/**
 * A trace's base: the first batch an arrangement receives (a load, typically), kept as
 * columns instead of as a key history object and an array per key (trace.ts).
 *
 * Keys are stored in ascending unsigned hash order (hash-order.ts), colliding keys apart,
 * each with one run of entries in `data`. `data` has the flat `[val, time, diff, seq]`
 * layout of key histories, so readers read a key of either kind the same way (`History`
 * in trace.ts); key k's run is slots `[starts[k], starts[k + 1])`. All entries share the
 * batch's time and seq, and each run is consolidated (distinct vals, no zero diffs). An
 * open-addressing index finds keys (as key-table.ts does; a hash's home slot is its top
 * bits, so the keys fill it front to back).
 *
 * A base never changes. When a key receives a later update, its trace moves the key's run
 * into a key history of its own and marks it moved here (copy on write), so that each key
 * lives in exactly one place.
 */
import { STRIDE, consolidateBlock } from './block.js';
import { hashOrder } from './hash-order.js';
import type { HashOrder } from './hash-order.js';
import { homeSlot } from './key-table.js';
import { packedArray } from './batch.js';
import { keepLayout } from './layouts.js';
import type { Time } from './time.js';
import { equalValues, hashValue } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

/** An immutable, columnar set of key histories, all from one batch. */
export class TraceBase {
  // Slot → key position, or -1.
  private readonly index: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  // 1 for each key moved out into a key history of its own.
  private readonly moved: Uint8Array;
  /** Keys moved out so far. */
  movedCount = 0;

  constructor(
    /** The keys, in ascending unsigned hash order. */
    readonly keys: readonly Value[],
    /** `hashValue` of each key. */
    readonly hashes: Int32Array,
    /** Key k's entries are slots `[starts[k], starts[k + 1])` of `data`. */
    readonly starts: Int32Array,
    /** Entries `[val, time, diff, seq]`, key by key. */
    readonly data: readonly Value[],
  ) {
    let capacity = 16;
    while (capacity < keys.length * 2) capacity *= 2;
    this.index = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.moved = new Uint8Array(keys.length);
    fillIndex(this.index, hashes, this.shift, this.mask);
  }

  /** Keys still held here. */
  get liveKeys(): number {
    return this.keys.length - this.movedCount;
  }

  /** The position of `key` (whose hash is `hash`), or -1 if absent or moved out. */
  find(key: Value, hash: number): number {
    const h = hash | 0;
    const index = this.index;
    const mask = this.mask;
    for (let i = homeSlot(h, this.shift); ; i = (i + 1) & mask) {
      const k = index[i] as number;
      if (k < 0) return -1;
      if (this.hashes[k] === h) {
        const stored = this.keys[k] as Value;
        if (stored === key || equalValues(stored, key)) return this.moved[k] === 0 ? k : -1;
      }
    }
  }

  /** Whether key k is still held here. */
  holds(k: number): boolean {
    return this.moved[k] === 0;
  }

  /** Marks key k as moved out (it must be held here). */
  move(k: number): void {
    this.moved[k] = 1;
    this.movedCount++;
  }

  /** A base of the keys still held here (the moved ones' columns freed); null if none. */
  withoutMoved(): TraceBase | null {
    if (this.liveKeys === 0) return null;
    const keys: Value[] = [];
    const hashes = new Int32Array(this.liveKeys);
    const starts = new Int32Array(this.liveKeys + 1);
    const data: Value[] = [];
    for (let k = 0; k < this.keys.length; k++) {
      if (this.moved[k] !== 0) continue;
      hashes[keys.length] = this.hashes[k] as number;
      starts[keys.length] = data.length;
      keys.push(this.keys[k] as Value);
      const end = this.starts[k + 1] as number;
      for (let e = this.starts[k] as number; e < end; e++) data.push(this.data[e] as Value);
    }
    starts[keys.length] = data.length;
    return new TraceBase(keys, hashes, starts, data);
  }
}

// Puts every key's position in the index (keys in hash order fill it front to back).
function fillIndex(index: Int32Array, hashes: Int32Array, shift: number, mask: number): void {
  for (let k = 0; k < hashes.length; k++) {
    let i = homeSlot(hashes[k] as number, shift);
    while ((index[i] as number) >= 0) i = (i + 1) & mask;
    index[i] = k;
  }
}

/** A base just built, and where each of its keys first appeared in the batch. */
export interface BuiltBase {
  readonly base: TraceBase;
  /**
   * Per update of the batch (for a delta in batch order): `SOLO` if it is the only update
   * of its key and the base keeps it as it is, the key's position in the base if it is
   * the first of several (or of one changed), -1 otherwise (later updates of a key, and
   * keys whose updates cancel out).
   */
  readonly firstAt: Int32Array;
}

/** `BuiltBase.firstAt` of an update that is a kept key's only entry, unchanged. */
export const SOLO = -2;

/**
 * Builds the base of the batch `keys`/`vals`/`diffs` (all at `time`, batch number `seq`),
 * `hashes` holding `hashValue` of each key: sorted by hash, grouped by key, consolidated.
 * Null if every update cancels out.
 */
export function buildBase(
  keys: readonly Value[],
  hashes: Int32Array,
  vals: readonly Value[],
  diffs: readonly number[],
  time: Time,
  seq: number,
): BuiltBase | null {
  const builder = new BaseBuilder(vals, diffs, time, seq);
  builder.addAll(keys, hashOrder(hashes));
  return builder.build();
}

// Collects a base key by key, into arrays made once at their largest possible size (a
// load's columns grown by `push` would be copied over and over) and cut to size at the
// end. Each loop sits alone in its function: a load's huge batch gets a loop
// on-stack-replaced by V8, and code after it in the same function (without type feedback)
// would deoptimize on every later call.
class BaseBuilder {
  // Slots [0, keyCount) hold the kept keys; each kept key's hash, first slot and first
  // update's batch position are at the key's position.
  private readonly keys: Value[];
  private keyCount = 0;
  private readonly hashes: Int32Array;
  private readonly starts: Int32Array;
  private readonly firstAt: Int32Array;
  // Slots [0, end) hold the kept keys' entries.
  private readonly data: Value[];
  private end = 0;

  constructor(
    private readonly vals: readonly Value[],
    private readonly diffs: readonly number[],
    private readonly time: Time,
    private readonly seq: number,
  ) {
    const n = vals.length;
    this.keys = packedArray(n);
    this.hashes = new Int32Array(n);
    this.starts = new Int32Array(n + 1);
    this.firstAt = new Int32Array(n).fill(-1);
    this.data = packedArray(n * STRIDE);
  }

  // Adds the updates in hash order: a run of equal hashes is usually one key object,
  // added here; otherwise its updates are grouped by key (`addCollisions`).
  addAll(keys: readonly Value[], { order, sorted }: HashOrder): void {
    const n = order.length;
    const { vals, diffs, time, seq, data } = this;
    let end = this.end;
    let j = 0;
    while (j < n) {
      const first = order[j] as number;
      const key = keys[first] as Value;
      const h = sorted[j] as number;
      let k = j + 1;
      let oneKey = true;
      while (k < n && sorted[k] === h) {
        if (keys[order[k] as number] !== key) oneKey = false;
        k++;
      }
      if (oneKey) {
        const start = end;
        for (let q = j; q < k; q++) {
          const i = order[q] as number;
          data[end] = vals[i] as Value;
          data[end + 1] = time;
          data[end + 2] = diffs[i] as number;
          data[end + 3] = seq;
          end += STRIDE;
        }
        // One update needs no consolidation unless it is a zero.
        const solo = k - j === 1 && diffs[first] !== 0;
        if (!solo) end = consolidateBlock(data, start, end);
        if (end > start) this.keep(key, h, start, first, solo);
      } else {
        this.end = end;
        this.addCollisions(keys, h, order, j, k);
        end = this.end;
      }
      j = k;
    }
    this.end = end;
  }

  // Records a key whose consolidated entries start at slot `start`, first seen at batch
  // position `first` (its only update, kept as it is, when `solo`).
  private keep(key: Value, h: number, start: number, first: number, solo: boolean): void {
    const p = this.keyCount++;
    this.keys[p] = key;
    this.hashes[p] = h;
    this.starts[p] = start;
    this.firstAt[first] = solo ? SOLO : p;
  }

  // The updates order[from..to) share a hash but not a key object: adds each distinct key.
  private addCollisions(
    keys: readonly Value[],
    h: number,
    order: Uint32Array,
    from: number,
    to: number,
  ): void {
    const data = this.data;
    let rest = Array.from(order.subarray(from, to));
    while (rest.length > 0) {
      const first = rest[0] as number;
      const key = keys[first] as Value;
      const start = this.end;
      let end = start;
      for (const i of rest) {
        if (!equalValues(keys[i] as Value, key)) continue;
        data[end] = this.vals[i] as Value;
        data[end + 1] = this.time;
        data[end + 2] = this.diffs[i] as number;
        data[end + 3] = this.seq;
        end += STRIDE;
      }
      this.end = consolidateBlock(data, start, end);
      if (this.end > start) this.keep(key, h, start, first, false);
      rest = rest.filter((i) => !equalValues(keys[i] as Value, key));
    }
  }

  build(): BuiltBase | null {
    const n = this.keyCount;
    if (n === 0) return null;
    this.keys.length = n;
    this.data.length = this.end;
    this.starts[n] = this.end;
    const base = new TraceBase(this.keys, this.hashes.slice(0, n), this.starts.slice(0, n + 1), this.data);
    return { base, firstAt: this.firstAt };
  }
}

// See layouts.ts: a base, as traces hold them.
keepLayout((buildBase([[0]], Int32Array.of(hashValue([0])), [[]], [1], [0], 0) as BuiltBase).base);
