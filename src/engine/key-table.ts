/**
 * A hash table of keyed entries, specialized for traces.
 *
 * Entries carry their own 32-bit `hash` and `key`; the table finds an entry by hash and
 * decides identity with `equalValues`, so entries whose hashes collide are kept apart.
 * Representation (compact, as V8's own hash tables): the entries sit densely in an array
 * with their hashes beside them in an `Int32Array`; an open-addressing `Int32Array` index
 * (power-of-two capacity, at most 1/2 full, linear probing, -1 = empty) holds positions
 * in that array. A hash's home slot is its top bits, so keys visited in ascending
 * unsigned hash order (hash-order.ts) walk the index front to back. The flip side: keys
 * *inserted* in that order fill the front of the index first, so a table must be sized
 * for such a run before it starts (`reserve`), or the run piles into one long probe run.
 * Probing and resizing touch only typed arrays, never the entries, and a resize is a
 * loop over int32s. Deletion shifts the probe run back (no tombstones) and
 * moves the last entry into the hole. Iteration is in entry order: insertion order, but
 * for those moved by deletions — deterministic for a given history.
 */
import { equalValues } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

/** What the table stores: anything with a key and its hash. */
export interface Keyed {
  readonly key: Value;
  readonly hash: number;
}

const INITIAL_CAPACITY = 16;

/** A set of `Keyed` entries, looked up by key. */
export class KeyTable<E extends Keyed> {
  // Slot → position in `entries`, or -1.
  private index = emptyIndex(INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  // 32 - log2(capacity): see `homeSlot`.
  private shift = 32 - Math.log2(INITIAL_CAPACITY);
  // The entries, dense, and their hashes (as int32) at the same positions.
  private readonly entries: E[] = [];
  private hashes = new Int32Array(INITIAL_CAPACITY);
  /** The number of entries. */
  size = 0;

  /** The entry for `key` (whose hash is `hash`), if present. */
  get(key: Value, hash: number): E | undefined {
    const h = hash | 0;
    const index = this.index;
    const mask = this.mask;
    const hashes = this.hashes;
    // `homeSlot`, written out: a lookup is a tick's commonest call before V8 optimizes.
    for (let i = (h << 1) >>> this.shift; ; i = (i + 1) & mask) {
      const p = index[i] as number;
      if (p < 0) return undefined;
      if (hashes[p] === h) {
        const e = this.entries[p] as E;
        if (e.key === key || equalValues(e.key, key)) return e;
      }
    }
  }

  /** Adds an entry whose key is not yet present. */
  insert(entry: E): void {
    if ((this.size + 1) * 2 > this.index.length) this.resize(this.index.length * 2);
    const p = this.size;
    if (p === this.hashes.length) {
      const grown = new Int32Array(p * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    const h = entry.hash | 0;
    this.entries.push(entry);
    this.hashes[p] = h;
    this.index[this.freeSlot(h)] = p;
    this.size = p + 1;
  }

  /** Removes `entry` (the very object) if present. */
  delete(entry: E): void {
    const slot = this.slotOf(entry);
    if (slot < 0) return;
    const p = this.index[slot] as number;
    this.unlink(slot);
    // Fill the entry's place with the last entry, so the entries stay dense.
    const last = this.size - 1;
    if (p !== last) {
      const moved = this.entries[last] as E;
      this.index[this.slotOf(moved)] = p;
      this.entries[p] = moved;
      this.hashes[p] = this.hashes[last] as number;
    }
    this.entries.pop();
    this.size = last;
    if (this.index.length > INITIAL_CAPACITY && this.size * 8 < this.index.length)
      this.resize(this.index.length / 2);
  }

  /** Grows the table now so that `n` more entries fit without further resizing. */
  reserve(n: number): void {
    let capacity = this.index.length;
    while ((this.size + n) * 2 > capacity) capacity *= 2;
    if (capacity > this.index.length) this.resize(capacity);
  }

  /** Calls `f` for every entry (entry order). */
  forEach(f: (entry: E) => void): void {
    const entries = this.entries;
    for (let p = 0; p < entries.length; p++) f(entries[p] as E);
  }

  // The first empty slot of the probe run starting at hash `h`.
  private freeSlot(h: number): number {
    const index = this.index;
    const mask = this.mask;
    let i = homeSlot(h, this.shift);
    while ((index[i] as number) >= 0) i = (i + 1) & mask;
    return i;
  }

  // The slot holding `entry` (the very object), or -1.
  private slotOf(entry: E): number {
    const index = this.index;
    const mask = this.mask;
    for (let i = homeSlot(entry.hash, this.shift); ; i = (i + 1) & mask) {
      const p = index[i] as number;
      if (p < 0) return -1;
      if (this.entries[p] === entry) return i;
    }
  }

  // Empties `slot`, pulling later entries of its probe run back into the hole.
  private unlink(slot: number): void {
    const index = this.index;
    const mask = this.mask;
    const hashes = this.hashes;
    let hole = slot;
    for (let j = (slot + 1) & mask; ; j = (j + 1) & mask) {
      const p = index[j] as number;
      if (p < 0) break;
      const home = homeSlot(hashes[p] as number, this.shift);
      // The entry at j may fill the hole unless its home lies cyclically in (hole, j].
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        index[hole] = p;
        hole = j;
      }
    }
    index[hole] = -1;
  }

  private resize(capacity: number): void {
    this.index = emptyIndex(capacity);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    const hashes = this.hashes;
    for (let p = 0; p < this.size; p++) this.index[this.freeSlot(hashes[p] as number)] = p;
  }
}

/**
 * Where a hash's probe run starts in an index of `2^(32 - shift)` slots: its top bits
 * (of the 31 that `hashValue` gives), so ascending unsigned hashes have ascending homes
 * (hash-order.ts). Workers own hashes by a remix of all their bits (`shardOf`), so one
 * worker's keys use every home.
 */
export function homeSlot(hash: number, shift: number): number {
  return (hash << 1) >>> shift;
}

function emptyIndex(capacity: number): Int32Array {
  return new Int32Array(capacity).fill(-1);
}
