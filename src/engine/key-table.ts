/**
 * An open-addressing hash table of keyed entries, specialized for traces.
 *
 * Entries carry their own 32-bit `hash` and `key`; the table finds an entry by hash and
 * decides identity with `equalValues`, so entries whose hashes collide are kept apart.
 * Representation: one array of slots (power-of-two capacity, at most 1/2 full), linear
 * probing, deletion by backward shift (no tombstones, so lookups stay short after many
 * deletions). Faster and leaner than a `Map` from hash to chain for the hundreds of
 * thousands of keys a trace holds. Iteration order is slot order: deterministic for a
 * given history of insertions and deletions, but not insertion order.
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
  private slots: (E | undefined)[] = emptySlots(INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  /** The number of entries. */
  size = 0;

  /** The entry for `key` (whose hash is `hash`), if present. */
  get(key: Value, hash: number): E | undefined {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const e = slots[i];
      if (e === undefined) return undefined;
      if (e.hash === hash && (e.key === key || equalValues(e.key, key))) return e;
    }
  }

  /** Adds an entry whose key is not yet present. */
  insert(entry: E): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = this.mask;
    let i = entry.hash & mask;
    while (slots[i] !== undefined) i = (i + 1) & mask;
    slots[i] = entry;
    this.size++;
  }

  /** Removes `entry` (the very object) if present. */
  delete(entry: E): void {
    const slots = this.slots;
    const mask = this.mask;
    let i = entry.hash & mask;
    for (;;) {
      const e = slots[i];
      if (e === undefined) return;
      if (e === entry) break;
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the probe run into the hole.
    let hole = i;
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const e = slots[j];
      if (e === undefined) break;
      const home = e.hash & mask;
      // `e` may fill the hole unless its home lies cyclically in (hole, j].
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        slots[hole] = e;
        hole = j;
      }
    }
    slots[hole] = undefined;
    this.size--;
    if (this.slots.length > INITIAL_CAPACITY && this.size * 8 < this.slots.length)
      this.resize(this.slots.length / 2);
  }

  /** Grows the table now so that `n` more entries fit without further resizing. */
  reserve(n: number): void {
    let capacity = this.slots.length;
    while ((this.size + n) * 2 > capacity) capacity *= 2;
    if (capacity > this.slots.length) this.resize(capacity);
  }

  /** Calls `f` for every entry (slot order). */
  forEach(f: (entry: E) => void): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const e = slots[i];
      if (e !== undefined) f(e);
    }
  }

  private grow(): void {
    this.resize(this.slots.length * 2);
  }

  private resize(capacity: number): void {
    const old = this.slots;
    this.slots = emptySlots<E>(capacity);
    this.mask = capacity - 1;
    const slots = this.slots;
    const mask = this.mask;
    for (let k = 0; k < old.length; k++) {
      const e = old[k];
      if (e === undefined) continue;
      let i = e.hash & mask;
      while (slots[i] !== undefined) i = (i + 1) & mask;
      slots[i] = e;
    }
  }
}

// A packed array of empty slots (V8 reads packed arrays faster than holey ones).
function emptySlots<E>(capacity: number): (E | undefined)[] {
  return new Array<E | undefined>(capacity).fill(undefined);
}
