import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CodecError,
  decodeBatch,
  decodeFailure,
  decodeValue,
  encodeBatches,
  encodeFailure,
  encodeValue,
} from './codec.js';
import { Batch } from '../engine/batch.js';
import type { RankedFailure } from '../engine/failure-rank.js';
import { equalValues } from '../lang/value-order.js';
import { ListValue, UNIT, variant } from '../lang/value.js';
import type { Value } from '../lang/value.js';
import { arbValue as arbitraryValue } from '../lang/value-arbitrary.js';

const arbValue = arbitraryValue();

/** Same value and same representation (number vs bigint, Tuple vs List) all the way down. */
function sameShape(a: Value, b: Value): boolean {
  if (typeof a !== typeof b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof ListValue !== b instanceof ListValue) return false;
  return equalValues(a, b);
}

const arbUpdate = fc.tuple(arbValue, arbValue, fc.oneof(fc.integer(), fc.maxSafeInteger()));

describe('the value codec', () => {
  it('round-trips every value exactly, number vs bigint included', () => {
    fc.assert(
      fc.property(arbValue, (v) => {
        expect(sameShape(decodeValue(encodeValue(v)), v)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes the unit tuple to the shared UNIT and keeps -0 an Int zero', () => {
    expect(decodeValue(encodeValue([]))).toBe(UNIT);
    expect(decodeValue(encodeValue(-0))).toBe(0);
  });

  it('rejects truncated and malformed buffers with a CodecError', () => {
    const bytes = new Uint8Array(encodeValue([1, 2, 3]));
    expect(() => decodeValue(bytes.slice(0, bytes.length - 1).buffer)).toThrow(CodecError);
    expect(() => decodeValue(new Uint8Array([99]).buffer)).toThrow(CodecError);
    expect(() => decodeValue(new Uint8Array([0, 0, 0]).buffer)).toThrow(/trailing/);
  });
});

describe('the batch codec', () => {
  it('round-trips batches as one batch with every update in order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(arbUpdate, { maxLength: 6 }), { maxLength: 4 }), (parts) => {
        const batches = parts.map(
          (us) =>
            new Batch(
              us.map((u) => u[0]),
              us.map((u) => u[1]),
              us.map((u) => u[2]),
            ),
        );
        const all = parts.flat();
        const back = decodeBatch(encodeBatches(batches));
        expect(back.size).toBe(all.length);
        all.forEach(([k, v, d], i) => {
          expect(sameShape(back.keys[i] as Value, k)).toBe(true);
          expect(sameShape(back.vals[i] as Value, v)).toBe(true);
          expect(back.diffs[i]).toBe(d);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes a repeated key once and decodes it as one shared object', () => {
    const key = [1, 2];
    const batch = new Batch([key, key, key], [[3], [4], [5]], [1, -1, 2]);
    const once = encodeBatches([new Batch([key], [[3]], [1])]).byteLength;
    const buffer = encodeBatches([batch]);
    expect(buffer.byteLength).toBeLessThan(3 * once);
    const back = decodeBatch(buffer);
    expect(back.keys[0]).toBe(back.keys[2]);
    expect(back.diffs).toEqual([1, -1, 2]);
  });

  it('takes about a dozen bytes for an update of two small Ints', () => {
    const n = 1000;
    const keys = Array.from({ length: n }, (_, i) => [i, i * 7]);
    const buffer = encodeBatches([
      new Batch(
        keys,
        keys.map(() => UNIT),
        keys.map(() => 1),
      ),
    ]);
    expect(buffer.byteLength / n).toBeLessThan(12);
  });
});

describe('the failure codec', () => {
  it('round-trips a ranked failure with its row, time and span', () => {
    const ranked: RankedFailure = {
      position: [3, 1, 0, 1, 7, 2],
      failure: {
        kind: 'term',
        message: 'cannot index field 1 of tuple(5)',
        span: { start: 4, end: 9 },
        row: { key: [5, 2n ** 60n], val: variant(1, new ListValue([1])) },
        time: [1, 7],
      },
    };
    const back = decodeFailure(structuredClone(encodeFailure(ranked)));
    expect(back.position).toEqual(ranked.position);
    expect(back.failure.message).toBe(ranked.failure.message);
    expect(back.failure.span).toEqual(ranked.failure.span);
    expect(back.failure.time).toEqual([1, 7]);
    expect(equalValues(back.failure.row?.key ?? 0, [5, 2n ** 60n])).toBe(true);
    expect(equalValues(back.failure.row?.val ?? 0, variant(1, new ListValue([1])))).toBe(true);
    const runaway = decodeFailure(
      encodeFailure({ position: [0], failure: { kind: 'iterations', message: 'm', scope: 'loop' } }),
    );
    expect(runaway.failure).toEqual({ kind: 'iterations', message: 'm', scope: 'loop' });
  });
});
