import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hashInts, hashIntsBig, mix, randomEdgeField, randomEdgeFieldBig, splitmix } from './hash.js';
import { int } from './value.js';
import type { Int } from './value.js';

const arbInt: fc.Arbitrary<Int> = fc
  .oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.constantFrom(0n, -1n, 2n ** 53n, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 32n - 1n),
  )
  .map(int);

const arbBound: fc.Arbitrary<Int> = fc.oneof(
  fc.integer({ min: -5, max: 1 << 20 }),
  fc.integer({ min: 1 << 20, max: Number.MAX_SAFE_INTEGER }),
  arbInt,
);

describe('hash', () => {
  it('matches the values given in the language reference', () => {
    expect(hashInts(8, [0, 1])).toBe(6);
    expect(hashInts(1000, [5, -1])).toBe(647);
    expect(hashInts(0, [42])).toBe(4560335575457526032n);
  });

  it('the 32-bit fast path equals the BigInt statement of the formula', () => {
    fc.assert(
      fc.property(arbBound, fc.array(arbInt, { maxLength: 4 }), (bound, keys) => {
        expect(hashInts(bound, keys)).toStrictEqual(hashIntsBig(bound, keys));
      }),
      { numRuns: 2000 },
    );
  });

  it('draws land in [0, bound) and the raw hash is non-negative', () => {
    fc.assert(
      fc.property(arbBound, fc.array(arbInt, { maxLength: 3 }), (bound, keys) => {
        const h = hashInts(bound, keys);
        expect(h >= 0).toBe(true);
        if (bound > 0) expect(h < bound).toBe(true);
      }),
    );
  });

  it('mix wraps to 64 bits and splitmix is the same function', () => {
    expect(splitmix).toBe(mix);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (x) => {
        const m = mix(x);
        expect(m >= 0n && m < 2n ** 64n).toBe(true);
      }),
    );
  });
});

describe('random edge fields', () => {
  it('the fast generator equals the BigInt formula of SERVER.md', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 7 }),
        fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
        arbInt,
        (e, i, nodes, seed) => {
          expect(randomEdgeField(e, i, nodes, seed)).toBe(randomEdgeFieldBig(e, i, nodes, seed));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('each field is a node id below nodes', () => {
    for (let e = 0; e < 100; e++) {
      const f = randomEdgeField(e, 1, 10, 3);
      expect(Number.isInteger(f) && f >= 0 && f < 10).toBe(true);
    }
  });

  it('rejects a non-positive node count', () => {
    expect(() => randomEdgeField(0, 0, 0, 0)).toThrow(RangeError);
  });
});
