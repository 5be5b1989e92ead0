import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { valueFromJson, valueToJson } from './value-json.js';
import { equalValues } from './value-order.js';
import { list, tuple, UNIT, variant } from './value.js';
import type { Value } from './value.js';
import { arbValue as arbitraryValue } from './value-arbitrary.js';

const arbValue = arbitraryValue();

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
