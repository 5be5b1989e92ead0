import { describe, expect, it } from 'vitest';
import { buildGrid, columnLabel, contentsAt, lessEqual } from './grid.js';
import type { TimedUpdate } from './grid.js';

const u = (key: number, time: number[], diff: number, val = 0): TimedUpdate => ({
  key: [key],
  val: [val],
  time,
  diff,
});

describe('the time grid', () => {
  it('lays updates out as epochs × iterations, every round of a loop a column', () => {
    const grid = buildGrid([u(1, [0, 0], 1), u(2, [0, 2], 1), u(3, [1, 1], -1)]);
    expect(grid.epochs).toEqual([0, 1]);
    expect(grid.columns).toEqual([[0], [1], [2]]);
    expect(grid.cells[0]?.map((c) => c.count)).toEqual([1, 0, 1]);
    expect(grid.cells[1]?.[1]).toMatchObject({ time: [1, 1], count: 1, diff: -1, plus: 0, minus: -1 });
  });

  it('consolidates equal (key, val) updates at one time and counts what is left', () => {
    const grid = buildGrid([
      u(1, [0, 0], 1),
      u(1, [0, 0], 1),
      u(2, [0, 0], 1),
      u(2, [0, 0], -1),
      u(3, [0, 0], -1),
    ]);
    expect(grid.cells[0]?.[0]).toMatchObject({ count: 2, diff: 1, plus: 2, minus: -1 });
  });

  it('keeps every coordinate of nested loops as its own column', () => {
    const grid = buildGrid([u(1, [0, 1, 0], 1), u(1, [0, 0, 2], 1), u(1, [2, 0, 0], 1)]);
    expect(grid.columns.map(columnLabel)).toEqual(['0.0', '0.2', '1.0']);
    expect(grid.epochs).toEqual([0, 1, 2]);
    expect(grid.cells[2]?.[0]?.time).toEqual([2, 0, 0]);
  });

  it('gives times of the outermost scope one column', () => {
    const grid = buildGrid([u(1, [0], 1), u(1, [2], -1)]);
    expect(grid.columns.map(columnLabel)).toEqual(['—']);
    expect(grid.cells.map((r) => r[0]?.diff)).toEqual([1, 0, -1]);
  });

  it('accumulates the contents at a cell over the times before it in the partial order', () => {
    const updates = [u(1, [0, 0], 1), u(2, [0, 1], 1), u(1, [1, 0], -1), u(3, [0, 2], 1)];
    expect(contentsAt(updates, [0, 1])).toEqual([
      [[1], [0], 1],
      [[2], [0], 1],
    ]);
    // [1, 0] is not ≥ [0, 1]: only the first update counts there, and it is retracted.
    expect(contentsAt(updates, [1, 0])).toEqual([]);
    expect(contentsAt(updates, [1, 1])).toEqual([[[2], [0], 1]]);
    expect(lessEqual([0, 2], [1, 1])).toBe(false);
  });

  it('is empty without updates', () => {
    expect(buildGrid([])).toEqual({ epochs: [], columns: [], cells: [], clipped: false });
  });
});
