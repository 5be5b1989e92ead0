import { describe, expect, it } from 'vitest';
import { advance, compareLex, hasPrefix, join, leq, meet, resize, timeEquals, withCoord } from './time.js';

describe('the partial order of times', () => {
  it('compares coordinate-wise, padding the shorter time with zeros', () => {
    expect(leq([1, 2], [1, 3])).toBe(true);
    expect(leq([1, 3], [2, 0])).toBe(false);
    expect(leq([2, 0], [1, 3])).toBe(false);
    expect(leq([1], [1, 0, 0])).toBe(true);
    expect(leq([1, 0, 4], [1])).toBe(false);
    expect(timeEquals([1], [1, 0])).toBe(true);
  });

  it('joins to the coordinate-wise max and meets to the min', () => {
    expect(join([1, 0], [0, 3])).toEqual([1, 3]);
    expect(meet([1, 0], [0, 3])).toEqual([0, 0]);
    expect(join([1, 0, 256], [0, 256])).toEqual([1, 256, 256]);
  });

  it('returns an argument itself when it already is the bound', () => {
    const a = [2, 5];
    expect(join(a, [1, 3])).toBe(a);
    expect(meet([3, 9], a)).toBe(a);
  });

  it('orders lexicographically in a way that extends the product order', () => {
    expect(compareLex([1, 0], [0, 9])).toBeGreaterThan(0);
    expect(compareLex([1, 2], [1, 2, 0])).toBe(0);
    expect(compareLex([0, 3, 1], [0, 3, 2])).toBeLessThan(0);
  });

  it('advances a time by a frontier to the meet of its joins with each frontier element', () => {
    expect(advance([0, 5], [[2, 0]])).toEqual([2, 5]);
    expect(advance([3, 5], [[2, 0]])).toEqual([3, 5]);
    // Two frontier elements: join with each, then meet.
    expect(
      advance(
        [1, 1],
        [
          [2, 0],
          [0, 3],
        ],
      ),
    ).toEqual([1, 1]);
    expect(
      advance(
        [0, 0],
        [
          [2, 1],
          [1, 3],
        ],
      ),
    ).toEqual([1, 1]);
  });

  it('keeps the order relations to every time at or beyond the frontier', () => {
    const frontier = [[4, 0]];
    const probes = [
      [4, 0],
      [4, 3],
      [5, 1],
      [6, 7],
    ];
    for (const t of [
      [0, 0],
      [1, 5],
      [3, 2],
      [4, 1],
    ]) {
      const a = advance(t, frontier);
      for (const p of probes) expect(leq(a, p)).toBe(leq(t, p));
    }
  });

  it('replaces, resizes and tests prefixes of times', () => {
    expect(withCoord([1, 2], 1, 7)).toEqual([1, 7]);
    expect(withCoord([1], 2, 7)).toEqual([1, 0, 7]);
    expect(resize([1, 2, 3], 2)).toEqual([1, 2]);
    expect(resize([1], 3)).toEqual([1, 0, 0]);
    expect(hasPrefix([1, 2, 3], [1, 2])).toBe(true);
    expect(hasPrefix([1, 3, 3], [1, 2])).toBe(false);
  });
});
