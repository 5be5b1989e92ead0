import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { add, bitLength, compareInt, fromU64, mul, neg, sub, toU64 } from './int64.js';
import { int } from './value.js';
import type { Int } from './value.js';

const EXTREMES = [
  0n,
  1n,
  -1n,
  2n ** 53n - 1n,
  2n ** 53n,
  2n ** 53n + 1n,
  -(2n ** 53n) + 1n,
  -(2n ** 53n),
  -(2n ** 53n) - 1n,
  2n ** 63n - 1n,
  -(2n ** 63n),
  -(2n ** 63n) + 1n,
  2n ** 32n,
  -(2n ** 32n),
  3037000499n,
  3037000500n,
];

/** Ints in normal form, biased towards the edges where representations change. */
const arbInt: fc.Arbitrary<Int> = fc
  .oneof(
    fc.constantFrom(...EXTREMES),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.integer({ min: -1000, max: 1000 }).map(BigInt),
    fc.bigInt({ min: -(2n ** 27n), max: 2n ** 27n }),
  )
  .map(int);

const big = (v: Int): bigint => BigInt(v);
const wrap = (v: bigint): Int => int(BigInt.asIntN(64, v));

function isNormal(v: Int): boolean {
  return typeof v === 'number'
    ? Number.isSafeInteger(v) && !Object.is(v, -0)
    : v > 2n ** 53n - 1n || v < -(2n ** 53n - 1n);
}

describe('int64 arithmetic', () => {
  it('add, sub, mul and neg agree with wrapping i64 arithmetic and return normal-form Ints', () => {
    fc.assert(
      fc.property(arbInt, arbInt, (a, b) => {
        for (const [got, want] of [
          [add(a, b), wrap(big(a) + big(b))],
          [sub(a, b), wrap(big(a) - big(b))],
          [mul(a, b), wrap(big(a) * big(b))],
          [neg(a), wrap(-big(a))],
        ] as const) {
          expect(got).toStrictEqual(want);
          expect(isNormal(got)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('compareInt orders mixed number and bigint Ints numerically', () => {
    fc.assert(
      fc.property(arbInt, arbInt, (a, b) => {
        const want = big(a) < big(b) ? -1 : big(a) > big(b) ? 1 : 0;
        expect(compareInt(a, b)).toBe(want);
      }),
    );
  });

  it('overflow wraps around like two-complement i64', () => {
    expect(add(2n ** 63n - 1n, 1)).toBe(-(2n ** 63n));
    expect(sub(-(2n ** 63n), 1)).toBe(2n ** 63n - 1n);
    expect(neg(-(2n ** 63n))).toBe(-(2n ** 63n));
    expect(mul(2n ** 62n, 2)).toBe(-(2n ** 63n));
    expect(add(Number.MAX_SAFE_INTEGER, 1)).toBe(2n ** 53n);
    expect(sub(2n ** 53n, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('a zero product is never negative zero', () => {
    expect(Object.is(mul(0, -5), 0)).toBe(true);
    expect(Object.is(neg(0), 0)).toBe(true);
  });
});

describe('unsigned 64-bit view', () => {
  it('toU64 and fromU64 are inverse and match BigInt.asUintN', () => {
    fc.assert(
      fc.property(arbInt, (a) => {
        expect(toU64(a)).toBe(BigInt.asUintN(64, big(a)));
        expect(fromU64(toU64(a))).toStrictEqual(a);
      }),
    );
  });

  it('bitLength counts significant bits of the unsigned word', () => {
    expect(bitLength(0)).toBe(0);
    expect(bitLength(1)).toBe(1);
    expect(bitLength(255)).toBe(8);
    expect(bitLength(256)).toBe(9);
    expect(bitLength(2 ** 32)).toBe(33);
    expect(bitLength(-1)).toBe(64);
    expect(bitLength(-(2n ** 63n))).toBe(64);
    expect(bitLength(2n ** 63n - 1n)).toBe(63);
    fc.assert(
      fc.property(arbInt, (a) => {
        const w = BigInt.asUintN(64, big(a));
        expect(bitLength(a)).toBe(w === 0n ? 0 : w.toString(2).length);
      }),
    );
  });
});
