import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TraceChange } from '../state/trace-data.js';
import { contentsAsOf, indexHistory, snapshotAt } from './as-of.js';

const change = (
  epoch: number,
  key: TraceChange['key'],
  val: TraceChange['val'],
  diff: number,
): TraceChange => ({
  epoch,
  key,
  val,
  diff,
});

describe('contents as of an epoch', () => {
  const history = [
    change(0, 2, [], 1),
    change(0, 1, [], 1),
    change(1, 3, [], 1),
    change(1, 1, [], -1),
    change(2, 1, [], 2),
    change(2, [1, 2], 5, 1),
  ];

  it('sums the diffs up to the epoch, drops zeros and sorts by key', () => {
    expect(contentsAsOf(history, 0)).toEqual([
      [1, [], 1],
      [2, [], 1],
    ]);
    expect(contentsAsOf(history, 1)).toEqual([
      [2, [], 1],
      [3, [], 1],
    ]);
    expect(contentsAsOf(history, 2)).toEqual([
      [1, [], 2],
      [2, [], 1],
      [3, [], 1],
      [[1, 2], 5, 1],
    ]);
  });

  it('is empty before the first epoch', () => {
    expect(contentsAsOf(history, -1)).toEqual([]);
  });

  it('orders Ints numerically, big ones too, and by val within a key', () => {
    const h = [
      change(0, '9007199254740993', 0, 1),
      change(0, 10, 2, 1),
      change(0, 10, 1, 1),
      change(0, -5, 0, 1),
    ];
    expect(contentsAsOf(h, 0).map(([k, v]) => [k, v])).toEqual([
      [-5, 0],
      [10, 1],
      [10, 2],
      ['9007199254740993', 0],
    ]);
  });

  it('treats equal values with different JSON objects as one pair', () => {
    expect(contentsAsOf([change(0, [1, [2]], 0, 1), change(1, [1, [2]], 0, 1)], 1)).toEqual([
      [[1, [2]], 0, 2],
    ]);
  });

  it('reports what the tick closing the epoch changed, like lastTick', () => {
    const { tick } = snapshotAt(indexHistory(history), 1);
    expect(tick).toEqual({ added: [[3, [], 1]], removed: [[1, [], 1]] });
    expect(snapshotAt(indexHistory(history), 2).tick.added).toEqual([
      [1, [], 2],
      [[1, 2], 5, 1],
    ]);
  });

  it('agrees with a naive count for random histories', () => {
    const arbChange = fc.record({
      epoch: fc.nat({ max: 5 }),
      key: fc.nat({ max: 4 }),
      val: fc.nat({ max: 2 }),
      diff: fc.integer({ min: -2, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(arbChange, { maxLength: 40 }), fc.nat({ max: 6 }), (h, e) => {
        const naive = new Map<string, number>();
        for (const c of h) {
          if (c.epoch > e) continue;
          const id = `${c.key},${c.val}`;
          naive.set(id, (naive.get(id) ?? 0) + c.diff);
        }
        const expected = [...naive]
          .filter(([, m]) => m !== 0)
          .map(([id, m]) => [...id.split(',').map(Number), m])
          .sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));
        expect(contentsAsOf(h, e)).toEqual(expected);
      }),
    );
  });
});
