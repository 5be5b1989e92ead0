import { describe, expect, it } from 'vitest';
import { applySnapshot, diffRows } from './trace-delta.js';
import type { JsonRow } from './trace-data.js';

const r = (k: number, mult = 1): JsonRow => [[k], [], mult];

describe('trace deltas', () => {
  it('reports added, removed and changed multiplicities', () => {
    const { added, removed, changes } = diffRows([r(1), r(2), r(3, 2)], [r(1), r(3, 3), r(4)]);
    expect(added).toEqual([r(3, 1), r(4, 1)]);
    expect(removed).toEqual([r(2, 1)]);
    expect(changes).toEqual([
      { key: [3], val: [], diff: 1 },
      { key: [4], val: [], diff: 1 },
      { key: [2], val: [], diff: -1 },
    ]);
  });

  it('records each tick in the history at the epoch it closed, and the last tick', () => {
    const t1 = applySnapshot([], [{ name: 'reach', rows: [r(1), r(2)] }], { tick: true, epoch: 1 });
    const t2 = applySnapshot(t1, [{ name: 'reach', rows: [r(1)] }], { tick: true, epoch: 2 });
    const [trace] = t2;
    expect(trace?.rows).toEqual([r(1)]);
    expect(trace?.history).toEqual([
      { epoch: 0, key: [1], val: [], diff: 1 },
      { epoch: 0, key: [2], val: [], diff: 1 },
      { epoch: 1, key: [2], val: [], diff: -1 },
    ]);
    expect(trace?.lastTick).toEqual({ added: [], removed: [r(2)] });
  });

  it('a tick that changes nothing empties lastTick but keeps the history', () => {
    const t1 = applySnapshot([], [{ name: 'a', rows: [r(1)] }], { tick: true, epoch: 1 });
    const t2 = applySnapshot(t1, [{ name: 'a', rows: [r(1)] }], { tick: true, epoch: 2 });
    expect(t2[0]?.lastTick).toEqual({ added: [], removed: [] });
    expect(t2[0]?.history).toHaveLength(1);
  });

  it('keeps a failed trace as it was and forgets a dropped one', () => {
    const t1 = applySnapshot(
      [],
      [
        { name: 'a', rows: [r(1)] },
        { name: 'b', rows: [r(5)] },
      ],
      { tick: true, epoch: 1 },
    );
    const t2 = applySnapshot(t1, [{ name: 'a', rows: [], error: 'program failed' }], {
      tick: true,
      epoch: 2,
    });
    expect(t2.map((t) => t.name)).toEqual(['a']);
    expect(t2[0]?.rows).toEqual([r(1)]);
  });
});
