import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashOrder } from './hash-order.js';
import { homeSlot } from './key-table.js';
import { hashValue } from '../lang/value-order.js';

describe('hashOrder', () => {
  it('orders by unsigned hash, keeping equal hashes in position order', () => {
    const hashes = Int32Array.from([5, -1, 0, 5, 0x7fffffff, -2147483648, 5]);
    expect([...hashOrder(hashes).order]).toEqual([2, 0, 3, 6, 4, 5, 1]);
  });

  it('is the stable sort of the positions by unsigned hash, and lists the hashes in it', () => {
    // Many equal hashes too (ties keep position order), below and above the insertion sort's size.
    const hash = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -2, max: 2 }));
    fc.assert(
      fc.property(fc.array(hash, { maxLength: 300, size: 'max' }), (xs) => {
        const hashes = Int32Array.from(xs);
        const expected = xs.map((_, i) => i).sort((a, b) => (xs[a]! >>> 0) - (xs[b]! >>> 0) || a - b);
        const { order, sorted } = hashOrder(hashes);
        expect([...order]).toEqual(expected);
        expect([...sorted]).toEqual(expected.map((i) => xs[i]));
      }),
    );
  });

  it("visits a key table's home slots in ascending order, at every table size", () => {
    const hashes = Int32Array.from({ length: 5000 }, (_, i) => hashValue([i, i * 7]));
    const { order } = hashOrder(hashes);
    for (let shift = 16; shift <= 28; shift += 4) {
      let last = -1;
      let descents = 0;
      for (const p of order) {
        const home = homeSlot(hashes[p] as number, shift);
        if (home < last) descents++;
        last = home;
      }
      expect(descents).toBe(0);
    }
  });

  it('handles an empty input', () => {
    expect(hashOrder(new Int32Array(0)).order.length).toBe(0);
  });
});
