/**
 * fast-check arbitraries for DDIR Values (test support, like `ast-arbitrary.ts`): Ints in
 * their normal form with the interesting edges (0, ±1, the 32-bit, 53-bit and 64-bit
 * limits), and small nested Tuples, Variants and Lists of them. One definition for every
 * property test of values (order, hashing, JSON, printing, the codec, the value syntax).
 */
import fc from 'fast-check';
import { int, ListValue, variant } from './value.js';
import type { Int, Value } from './value.js';

/** Ints anywhere in the 64-bit range, with the representation edges well covered. */
export const arbInt: fc.Arbitrary<Int> = fc
  .oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.integer(),
    fc.maxSafeInteger(),
    fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1),
    fc.constantFrom(2n ** 53n - 1n, 2n ** 53n, -(2n ** 63n), 2n ** 63n - 1n),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  )
  .map(int);

/**
 * Small nested values. `maxTag` bounds variant tags: a small bound makes equal and
 * prefix-related values common (for order tests); the default covers the whole 32-bit range.
 */
export function arbValue(maxTag = 2 ** 32 - 1): fc.Arbitrary<Value> {
  return fc.letrec<{ v: Value }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      arbInt,
      fc.array(tie('v'), { maxLength: 3 }),
      fc
        .record({ tag: fc.nat({ max: maxTag }), payload: tie('v') })
        .map(({ tag, payload }) => variant(tag, payload)),
      fc.array(tie('v'), { maxLength: 3 }).map((items) => new ListValue(items)),
    ),
  })).v;
}
