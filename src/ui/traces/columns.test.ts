import { describe, expect, it } from 'vitest';
import type { JsonRow } from '../state/trace-data.js';
import { cellText, deriveColumns } from './columns.js';

const ids = (rows: readonly JsonRow[]) => deriveColumns(rows).map((c) => c.id);

describe('deriveColumns', () => {
  it('gives one column per field when every key and val is a tuple of one arity', () => {
    const rows: JsonRow[] = [
      [[1, 2], [3, 4, 5], 1],
      [[6, 7], [8, 9, 10], 2],
    ];
    expect(ids(rows)).toEqual(['key.0', 'key.1', 'val.0', 'val.1', 'val.2']);
  });

  it('keeps one whole column when arities differ or values are not tuples', () => {
    expect(
      ids([
        [[1, 2], 5, 1],
        [[1], 6, 1],
      ]),
    ).toEqual(['key', 'val']);
    expect(ids([[{ list: [1] }, { tag: 1, val: [] }, 1]])).toEqual(['key', 'val']);
  });

  it('hides the val of a set (every val unit) but never the key', () => {
    expect(
      ids([
        [1, [], 1],
        [2, [], 1],
      ]),
    ).toEqual(['key']);
    expect(ids([[[], [], 1]])).toEqual(['key']);
  });

  it('gives plain key and val columns to an empty trace', () => {
    expect(ids([])).toEqual(['key', 'val']);
  });

  it('learns the shape from the history too', () => {
    const columns = deriveColumns([], [{ epoch: 0, key: [1, 2], val: 3, diff: 1 }]);
    expect(columns.map((c) => c.id)).toEqual(['key.0', 'key.1', 'val']);
  });

  it('marks columns holding only Ints (big ones are strings) as numeric', () => {
    const rows: JsonRow[] = [
      [[1, '9007199254740993'], [{ list: [] }], 1],
      [[2, 3], [[1]], 1],
    ];
    expect(deriveColumns(rows).map((c) => [c.id, c.numeric, c.chars])).toEqual([
      ['key.0', true, 1],
      ['key.1', true, 16],
      ['val.0', false, 0],
    ]);
  });
});

describe('cellText', () => {
  it('prints fields compactly: tuples, lists, variants and big Ints', () => {
    const row: JsonRow = [[[1, 2], { list: [7, 8] }], [{ tag: 2, val: [1, 2] }, '9007199254740993'], 1];
    const columns = deriveColumns([row]);
    expect(columns.map((c) => cellText(c, row[0], row[1]))).toEqual([
      '(1, 2)',
      '[7, 8]',
      '#2(1, 2)',
      '9007199254740993',
    ]);
  });

  it('cuts long values and leaves a missing field empty', () => {
    const [, second] = deriveColumns([[[1, 2], 0, 1]]);
    expect(second && cellText(second, [1], 0)).toBe('');
    const whole = { id: 'key', part: 'key', field: null, numeric: false, chars: 0 } as const;
    expect(cellText(whole, { list: [1, 2, 3, 4, 5, 6] }, 0, 6)).toBe('[1, 2,…');
  });
});
