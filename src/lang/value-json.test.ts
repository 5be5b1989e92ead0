import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { valueFromJson, valueToJson } from './value-json.js';
import { equalValues } from './value-order.js';
import { int, list, ListValue, tuple, UNIT, variant } from './value.js';
import type { Value } from './value.js';

const arbValue: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })).map(int),
    fc.array(tie('v'), { maxLength: 3 }),
    fc
      .record({ tag: fc.nat({ max: 2 ** 32 - 1 }), payload: tie('v') })
      .map(({ tag, payload }) => variant(tag, payload)),
    fc.array(tie('v'), { maxLength: 3 }).map((items) => new ListValue(items)),
  ),
})).v;

describe('valueToJson', () => {
  it('encodes each form as SERVER.md says', () => {
    expect(valueToJson(5)).toBe(5);
    expect(valueToJson(-(2n ** 63n))).toBe('-9223372036854775808');
    expect(valueToJson(2n ** 53n)).toBe('9007199254740992');
    expect(valueToJson(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(valueToJson(tuple(1, UNIT))).toEqual([1, []]);
    expect(valueToJson(list(7, 8))).toEqual({ list: [7, 8] });
    expect(valueToJson(variant(2, tuple(1, 2)))).toEqual({ tag: 2, val: [1, 2] });
    expect(JSON.stringify(valueToJson(variant(0, list())))).toBe('{"tag":0,"val":{"list":[]}}');
  });
});

describe('valueFromJson', () => {
  it('round-trips every value through JSON text', () => {
    fc.assert(
      fc.property(arbValue, (v) => {
        const back = valueFromJson(JSON.parse(JSON.stringify(valueToJson(v))));
        expect(back).toBeDefined();
        expect(equalValues(back as Value, v)).toBe(true);
      }),
    );
  });

  it('normalizes Ints given as strings', () => {
    expect(valueFromJson('12')).toBe(12);
    expect(valueFromJson('-9223372036854775808')).toBe(-(2n ** 63n));
  });

  it('rejects anything that is not a value encoding', () => {
    for (const bad of [
      1.5,
      2 ** 60,
      '9223372036854775808',
      'x',
      '1e3',
      null,
      true,
      { list: [1], extra: 0 },
      { tag: -1, val: 0 },
      { tag: 2 ** 32, val: 0 },
      { tag: 1 },
      { list: [1.5] },
      [1, [null]],
    ]) {
      expect(valueFromJson(bad)).toBeUndefined();
    }
  });
});
