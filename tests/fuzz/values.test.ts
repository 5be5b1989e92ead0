// The command-line value syntax (SERVER.md "Values on the command line") never throws:
// random text, random strings of term tokens and mutated printed values all come back
// from `parseValueToken` as a value or an error sentence. Every value, printed by
// `formatValue` without spaces, reads back to an equal value; rows of ints read back as
// tuples of ints. Runs FUZZ_RUNS cases per property (default 1,000; `npm run fuzz` sets
// 10,000).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUZZ_TOKENS } from './mutate.js';
import { equalValues } from '../../src/lang/value-order.js';
import { formatValue } from '../../src/lang/value-print.js';
import { int } from '../../src/lang/value.js';
import type { Value } from '../../src/lang/value.js';
import { parseValueToken } from '../../src/server/value-syntax.js';
import { arbValue as arbitraryValue } from '../../src/lang/value-arbitrary.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

const arbValue = arbitraryValue();

/** Parses a token and checks the result has exactly one of `value` and a non-empty `error`. */
function read(token: string): Value | undefined {
  const result = parseValueToken(token);
  if ('error' in result) {
    expect(result.error.length).toBeGreaterThan(0);
    return undefined;
  }
  return result.value;
}

/** Characters that make up values, plus some that never should. */
const VALUE_CHARS = '0123456789,-_()tuplelistinject$[]#;"+*= \u0000é';

describe('parseValueToken never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => void read(text)),
      { numRuns: RUNS },
    );
  });

  it('on random strings of value characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...VALUE_CHARS), { maxLength: 40 }),
        (chars) => void read(chars.join('')),
      ),
      { numRuns: RUNS },
    );
  });

  it('on random strings of term tokens', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FUZZ_TOKENS, 'tuple', 'list', 'inject', 'hash', 'mix'), {
          maxLength: 16,
        }),
        (toks) => void read(toks.join('')),
      ),
      { numRuns: RUNS },
    );
  });

  it('on printed values with one character inserted, deleted or replaced', () => {
    fc.assert(
      fc.property(
        arbValue,
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'replace' as const),
        fc.constantFrom(...VALUE_CHARS),
        (v, at, kind, ch) => {
          const text = formatValue(v).replace(/ /g, '');
          const i = at % (text.length + 1);
          const cut = kind === 'insert' ? i : i + 1;
          const mutated = text.slice(0, i) + (kind === 'delete' ? '' : ch) + text.slice(cut);
          read(mutated);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('values round-trip through the command-line syntax', () => {
  it('every value but a bare Int, printed without spaces, reads back equal', () => {
    // (A bare Int on the command line is a one-field row: `5` is `tuple(5)`.)
    const notInt = arbValue.filter((v) => typeof v !== 'number' && typeof v !== 'bigint');
    fc.assert(
      fc.property(notInt, (v) => {
        const back = read(formatValue(v).replace(/ /g, ''));
        expect(back).toBeDefined();
        expect(equalValues(back as Value, v)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a comma-separated row of i64s reads as the tuple of those ints', () => {
    const i64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    fc.assert(
      fc.property(fc.array(i64, { minLength: 1, maxLength: 6 }), (ns) => {
        const back = read(ns.join(','));
        expect(back).toBeDefined();
        expect(equalValues(back as Value, ns.map(int))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
