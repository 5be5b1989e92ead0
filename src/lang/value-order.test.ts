import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareInts, compareValues, equalValues, hashValue } from './value-order.js';
import { list, ListValue, tuple, UNIT, variant, VariantValue } from './value.js';
import type { Value } from './value.js';
import { arbValue as arbSmallValue } from './value-arbitrary.js';

/** Small nested values, with few distinct tags so that equal and prefix cases are common. */
const arbValue = arbSmallValue(2);

/** A structurally equal copy built from fresh objects (and bigints where that is still normal). */
function clone(v: Value): Value {
  if (typeof v === 'bigint') return BigInt(v.toString());
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return (v as readonly Value[]).map(clone);
  if (v instanceof VariantValue) return new VariantValue(v.tag, clone(v.payload));
  return new ListValue((v as ListValue).items.map(clone));
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('compareValues', () => {
  it('orders forms Int < Tuple < Variant < List', () => {
    const ordered: Value[] = [2n ** 63n - 1n, UNIT, variant(0, 0), list()];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(compareValues(ordered[i] as Value, ordered[i + 1] as Value)).toBeLessThan(0);
    }
  });

  it('orders Ints numerically across number and bigint', () => {
    expect(compareValues(-(2n ** 63n), -5)).toBeLessThan(0);
    expect(compareValues(2n ** 53n, Number.MAX_SAFE_INTEGER)).toBeGreaterThan(0);
    expect(compareInts(3, 3)).toBe(0);
  });

  it('puts a proper prefix before the longer tuple or list', () => {
    expect(compareValues(tuple(1), tuple(1, 0))).toBeLessThan(0);
    expect(compareValues(tuple(2), tuple(1, 9))).toBeGreaterThan(0);
    expect(compareValues(list(1, 2), list(1))).toBeGreaterThan(0);
  });

  it('orders variants by tag, then payload', () => {
    expect(compareValues(variant(1, 99), variant(2, 0))).toBeLessThan(0);
    expect(compareValues(variant(2, tuple(1)), variant(2, tuple(0, 5)))).toBeGreaterThan(0);
  });

  it('is antisymmetric and consistent with equalValues', () => {
    fc.assert(
      fc.property(arbValue, arbValue, (a, b) => {
        const ab = compareValues(a, b);
        expect(sign(ab) + sign(compareValues(b, a))).toBe(0);
        expect(ab === 0).toBe(equalValues(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(arbValue, arbValue, arbValue, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareValues) as [Value, Value, Value];
        expect(compareValues(x, y)).toBeLessThanOrEqual(0);
        expect(compareValues(y, z)).toBeLessThanOrEqual(0);
        expect(compareValues(x, z)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('equalValues and hashValue', () => {
  it('a value equals a fresh copy of itself and hashes the same', () => {
    fc.assert(
      fc.property(arbValue, (a) => {
        const b = clone(a);
        expect(equalValues(a, b)).toBe(true);
        expect(compareValues(a, b)).toBe(0);
        expect(hashValue(a)).toBe(hashValue(b));
      }),
    );
  });

  it('equal values hash equally', () => {
    fc.assert(
      fc.property(arbValue, arbValue, (a, b) => {
        if (equalValues(a, b)) expect(hashValue(a)).toBe(hashValue(b));
      }),
    );
  });

  it('an Int hashes and compares by its number, even as a stray non-normal bigint', () => {
    expect(hashValue(5n)).toBe(hashValue(5));
    expect(hashValue(-7n)).toBe(hashValue(-7));
    expect(equalValues(5n, 5)).toBe(true);
    expect(equalValues(5n, 6)).toBe(false);
  });

  it('tells apart a tuple, a list and a variant with the same contents', () => {
    expect(equalValues(tuple(1, 2), list(1, 2))).toBe(false);
    expect(equalValues(variant(0, tuple()), tuple())).toBe(false);
    expect(hashValue(tuple(1, 2))).not.toBe(hashValue(list(1, 2)));
  });

  it('spreads small-int tuples over many buckets', () => {
    const buckets = new Set<number>();
    for (let a = 0; a < 64; a++) for (let b = 0; b < 64; b++) buckets.add(hashValue(tuple(a, b)) & 1023);
    expect(buckets.size).toBeGreaterThan(900);
  });

  it('hashes a 1-tuple of an int32 as the general walk does (its bigint twin, a longer tuple)', () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        expect(hashValue([n])).toBe(hashValue([BigInt(n)]));
        expect(hashValue([n, 0])).not.toBe(hashValue([n]));
      }),
    );
    expect(hashValue([-0])).toBe(hashValue([0n]));
  });

  it('hashes are signed 32-bit integers', () => {
    fc.assert(
      fc.property(arbValue, (a) => {
        const h = hashValue(a);
        expect(h | 0).toBe(h);
      }),
    );
  });
});

describe('hashValue range', () => {
  it("stays in V8's small-integer range (31 bits), so hashes are never boxed", () => {
    let outside = 0;
    for (let i = -50_000; i < 50_000; i++) {
      for (const v of [i, [i], [i, i], [[i]]]) {
        const h = hashValue(v);
        if (!(h >= -(2 ** 30) && h < 2 ** 30) || !Number.isInteger(h)) outside++;
      }
    }
    expect(outside).toBe(0);
  });
});
