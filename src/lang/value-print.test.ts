import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileTerm } from './eval.js';
import { lowerTerm } from './lower-term.js';
import { parseClosedTerm } from './parse.js';
import type { Diagnostic } from './source.js';
import { equalValues } from './value-order.js';
import { formatValue, formatValueCompact } from './value-print.js';
import { list, tuple, UNIT, variant } from './value.js';
import type { Value } from './value.js';
import { arbValue as arbitraryValue } from './value-arbitrary.js';

const arbValue = arbitraryValue();

/** Parses, lowers and evaluates a closed term; undefined if any stage reports a problem. */
function readBack(text: string): Value | undefined {
  const { term } = parseClosedTerm(text);
  if (term === null) return undefined;
  const diagnostics: Diagnostic[] = [];
  const lowered = lowerTerm(term, { cons: new Map(), maxDollar: -1 }, diagnostics);
  return lowered === null ? undefined : compileTerm(lowered)([]);
}

describe('formatValue', () => {
  it('writes closed DDIR terms', () => {
    expect(formatValue(5)).toBe('5');
    expect(formatValue(-3)).toBe('-3');
    expect(formatValue(2n ** 60n)).toBe('1152921504606846976');
    expect(formatValue(UNIT)).toBe('tuple()');
    expect(formatValue(tuple(1, 2))).toBe('tuple(1, 2)');
    expect(formatValue(list())).toBe('list()');
    expect(formatValue(variant(2, tuple()))).toBe('inject(2, tuple())');
    expect(formatValue(list(tuple(1), variant(0, list(-1))))).toBe('list(tuple(1), inject(0, list(-1)))');
  });

  it('writes the least Int as an expression, since its magnitude is no literal', () => {
    expect(formatValue(-(2n ** 63n))).toBe('-9223372036854775807 - 1');
  });

  it('stops at the budget and marks the cut', () => {
    const big = list(...Array.from({ length: 100_000 }, (_, i) => i));
    const s = formatValue(big, 20);
    expect(s).toBe('list(0, 1, 2, 3, 4, …');
    expect(formatValue(tuple(1, 2), 11)).toBe('tuple(1, 2)');
  });
});

describe('formatValue output re-parses', () => {
  it('parses and evaluates back to the same value', () => {
    fc.assert(
      fc.property(arbValue, (v) => {
        const back = readBack(formatValue(v));
        expect(back).toBeDefined();
        expect(equalValues(back as Value, v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatValueCompact', () => {
  it('writes tuples in parentheses, lists in brackets and variants with #tag', () => {
    expect(formatValueCompact(tuple(1, 2))).toBe('(1, 2)');
    expect(formatValueCompact(tuple(5))).toBe('(5)');
    expect(formatValueCompact(UNIT)).toBe('()');
    expect(formatValueCompact(list(7, 8))).toBe('[7, 8]');
    expect(formatValueCompact(list())).toBe('[]');
    expect(formatValueCompact(variant(2, tuple(1, 2)))).toBe('#2(1, 2)');
    expect(formatValueCompact(variant(0, UNIT))).toBe('#0()');
    expect(formatValueCompact(variant(1, 5))).toBe('#1:5');
    expect(formatValueCompact(variant(3, list(1)))).toBe('#3:[1]');
    expect(formatValueCompact(variant(4, variant(0, UNIT)))).toBe('#4:#0()');
    expect(formatValueCompact(-(2n ** 63n))).toBe('-9223372036854775808');
  });
});
