import { describe, expect, it } from 'vitest';
import type { JsonRow } from '../state/trace-data.js';
import { filterByKey, isActiveFilter, keyMatches } from './filter.js';

const rows: JsonRow[] = [
  [1, 0, 1],
  [12, 0, 1],
  [[1, 2], 0, 1],
  [{ tag: 1, val: [] }, 0, 1],
  [{ list: [7, 8] }, 0, 1],
];
const keysFor = (query: string) => filterByKey(rows, query, (r) => r[0]).map((r) => r[0]);

describe('the key filter', () => {
  it('keeps everything, as the same array, for a blank query', () => {
    expect(filterByKey(rows, '  ', (r) => r[0])).toBe(rows);
    expect(isActiveFilter(' ')).toBe(false);
    expect(isActiveFilter('1')).toBe(true);
  });

  it('matches a substring of the printed key', () => {
    expect(keysFor('2')).toEqual([12, [1, 2]]);
    expect(keysFor('[7')).toEqual([{ list: [7, 8] }]);
    expect(keysFor('#1')).toEqual([{ tag: 1, val: [] }]);
  });

  it('ignores whitespace and case', () => {
    expect(keysFor('(1,2)')).toEqual([[1, 2]]);
    expect(keyMatches([1, 2], ' ( 1 , 2 ) ')).toBe(true);
  });

  it('does not look at the val', () => {
    expect(keysFor('0')).toEqual([]);
  });
});
