import { describe, expect, it } from 'vitest';
import { BatchBuilder } from './batch.js';

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
