import { describe, expect, it } from 'vitest';
import type { JsonRow } from '../state/trace-data.js';
import { classifyTick } from './highlight.js';

const statuses = (rows: readonly JsonRow[], added: JsonRow[], removed: JsonRow[]) =>
  classifyTick(rows, { added, removed }).map(({ row, status, delta }) => [row[0], status, delta]);

describe('classifyTick', () => {
  it('marks untouched rows same when nothing changed', () => {
    expect(statuses([[1, 0, 1]], [], [])).toEqual([[1, 'same', 0]]);
  });

  it('marks a pair whose whole multiplicity just arrived as added', () => {
    expect(
      statuses(
        [
          [1, 0, 1],
          [2, 0, 1],
        ],
        [[2, 0, 1]],
        [],
      ),
    ).toEqual([
      [1, 'same', 0],
      [2, 'added', 1],
    ]);
  });

  it('marks a pair whose multiplicity went up or down as changed', () => {
    expect(
      statuses(
        [
          [1, 0, 3],
          [2, 0, 1],
        ],
        [[1, 0, 1]],
        [[2, 0, 2]],
      ),
    ).toEqual([
      [1, 'changed', 1],
      [2, 'changed', -2],
    ]);
  });

  it('shows a vanished pair as a removed ghost row in sorted place', () => {
    expect(
      statuses(
        [
          [1, 0, 1],
          [3, 0, 1],
        ],
        [],
        [
          [2, 0, 1],
          [4, 0, 2],
          [0, 0, 1],
        ],
      ),
    ).toEqual([
      [0, 'removed', -1],
      [1, 'same', 0],
      [2, 'removed', -1],
      [3, 'same', 0],
      [4, 'removed', -2],
    ]);
  });

  it('keeps ghost rows in (key, val) order when several fall in one gap', () => {
    const out = classifyTick([[[9], 0, 1]], {
      added: [],
      removed: [
        [[2], 1, 1],
        [[2], 0, 1],
        [[1, 5], 0, 1],
      ],
    });
    expect(out.map((d) => [d.row[0], d.row[1]])).toEqual([
      [[1, 5], 0],
      [[2], 0],
      [[2], 1],
      [[9], 0],
    ]);
  });

  it('ignores an increase for a pair that is not in the contents', () => {
    expect(statuses([[1, 0, 1]], [[5, 0, 1]], [])).toEqual([[1, 'same', 0]]);
  });

  it('finds pairs by value, not by JSON identity, among many rows', () => {
    const rows: JsonRow[] = Array.from({ length: 1000 }, (_, i) => [[i, { tag: 1, val: i }], [], 1]);
    const out = classifyTick(rows, { added: [[[500, { tag: 1, val: 500 }], [], 1]], removed: [] });
    expect(out.filter((d) => d.status !== 'same').map((d) => d.row[0])).toEqual([
      [500, { tag: 1, val: 500 }],
    ]);
  });
});
