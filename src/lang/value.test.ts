import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalValues } from './value-order.js';
import { isInterned, tuple1 } from './value.js';

describe('tuple1', () => {
  it('shares one tuple per small non-negative Int', () => {
    expect(tuple1(7)).toBe(tuple1(7));
    expect(tuple1(0)).toBe(tuple1(-0));
    expect(tuple1(2 ** 20 - 1)).toBe(tuple1(2 ** 20 - 1));
    expect(Object.is(tuple1(-0)[0], 0)).toBe(true);
  });

  it('makes a fresh tuple for every other value', () => {
    expect(tuple1(2 ** 20)).not.toBe(tuple1(2 ** 20));
    expect(tuple1(-1)).not.toBe(tuple1(-1));
    expect(tuple1(5n ** 30n)).toEqual([5n ** 30n]);
    expect(tuple1([1])).toEqual([[1]]);
  });

  it('is always the 1-tuple of its item', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 2 ** 21 }), fc.bigInt()), (n) => {
        expect(equalValues(tuple1(n), [n])).toBe(true);
      }),
    );
  });

  it('is told apart from an equal fresh tuple by isInterned', () => {
    expect(isInterned(tuple1(7))).toBe(true);
    expect(isInterned([7])).toBe(false);
    expect(isInterned(tuple1(2 ** 20))).toBe(false);
    expect(isInterned([7, 8])).toBe(false);
    expect(isInterned(7)).toBe(false);
  });
});
