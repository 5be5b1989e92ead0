import { describe, expect, it } from 'vitest';
import { RowCounts, consolidateVals } from './consolidate.js';
import type { Value } from '../lang/value.js';
import { list } from '../lang/value.js';

describe('consolidateVals', () => {
  it('merges equal values structurally and drops zero sums', () => {
    const vals: Value[] = [[1], [2], [1], [3], [2]];
    const diffs = [1, 1, 2, 1, -1];
    const end = consolidateVals(vals, diffs, 0, vals.length, false);
    expect(vals.slice(0, end)).toEqual([[1], [3]]);
    expect(diffs.slice(0, end)).toEqual([3, 1]);
  });

  it('leaves the run in value order when asked, also for long runs', () => {
    const vals: Value[] = [];
    const diffs: number[] = [];
    for (let i = 20; i > 0; i--) {
      vals.push([i % 7]);
      diffs.push(1);
    }
    const end = consolidateVals(vals, diffs, 0, vals.length, true);
    expect(vals.slice(0, end)).toEqual([[0], [1], [2], [3], [4], [5], [6]]);
    expect(diffs.slice(0, end)).toEqual([2, 3, 3, 3, 3, 3, 3]);
  });

  it('only touches the given range', () => {
    const vals: Value[] = [9, 1, 1, 9];
    const diffs = [5, 1, -1, 5];
    const end = consolidateVals(vals, diffs, 1, 3, false);
    expect(end).toBe(1);
    expect(vals[3]).toBe(9);
  });
});

describe('RowCounts', () => {
  it('sums rows by structural identity in first-insertion order', () => {
    const rows = new RowCounts();
    rows.add([1], list(2), 1);
    rows.add([2], [], 1);
    rows.add([1], list(2), 2);
    rows.add([2], [], -1);
    const seen: [Value, Value, number][] = [];
    rows.forEach((k, v, d) => seen.push([k, v, d]));
    expect(seen).toEqual([[[1], list(2), 3]]);
    expect(rows.size).toBe(1);
  });

  it('forgets cancelled rows so that memory follows the live contents', () => {
    const rows = new RowCounts();
    for (let i = 0; i < 1000; i++) {
      rows.add([i], [], 1);
      rows.add([i], [], -1);
    }
    rows.add([5], [], 1);
    expect(rows.size).toBe(1);
    let n = 0;
    rows.forEach(() => n++);
    expect(n).toBe(1);
  });
});
