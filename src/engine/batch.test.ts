import { describe, expect, it } from 'vitest';
import { Batch, BatchBuilder } from './batch.js';

describe('BatchBuilder.pushMerging', () => {
  it('merges an update into the previous one of the very same key and val objects', () => {
    const key = [1];
    const val = [2];
    const b = new BatchBuilder();
    b.pushMerging(key, val, 1);
    b.pushMerging(key, val, 2);
    // Equal but not the same objects: kept apart (consolidation merges them later).
    b.pushMerging([1], [2], 1);
    const batch = b.build();
    expect(batch.diffs).toEqual([3, 1]);
    expect(batch.keys[0]).toBe(key);
  });

  it('removes an update merged to a zero diff', () => {
    const key = [1];
    const val = [2];
    const b = new BatchBuilder();
    b.push([0], [0], 1);
    b.pushMerging(key, val, 1);
    b.pushMerging(key, val, -1);
    expect(b.build().keys).toEqual([[0]]);
  });
});

describe('BatchBuilder.pushBatch', () => {
  it("takes a handed-over batch's arrays when empty, and copies its updates after others", () => {
    const first = new BatchBuilder();
    first.push([1], [], 1);
    first.push([2], [], -1);
    const handed = first.build();
    const b = new BatchBuilder();
    b.pushBatch(handed);
    b.push([3], [], 1);
    b.pushBatch(new Batch([[4]], [[]], [2]));
    const batch = b.build();
    expect(batch.keys).toBe(handed.keys);
    expect([batch.keys, batch.diffs]).toEqual([
      [[1], [2], [3], [4]],
      [1, -1, 1, 2],
    ]);
    expect(batch.size).toBe(4);
  });
});
