import { describe, expect, it } from 'vitest';
import { SAMPLE_LIMIT } from './api.js';
import type { OperatorStats } from './api.js';
import { sumOperatorStats } from './stats.js';

function stats(item: number, n: number, samples: number): OperatorStats {
  return {
    scope: 0,
    item,
    inLastTick: n,
    outLastTick: n,
    inTotal: 10 * n,
    outTotal: 10 * n,
    recordsHeld: n,
    lastUpdates: Array.from({ length: samples }, (_, i) => ({ key: [i], val: [], time: [0], diff: 1 })),
  };
}

describe('sumOperatorStats', () => {
  it('adds the shards of each operator and caps the concatenated samples', () => {
    const [a, b] = sumOperatorStats([
      [stats(0, 1, 15), stats(1, 2, 0)],
      [stats(0, 3, 15), stats(1, 4, 1)],
    ]);
    expect(a).toMatchObject({ item: 0, inLastTick: 4, outTotal: 40, recordsHeld: 4 });
    expect(a?.lastUpdates).toHaveLength(SAMPLE_LIMIT);
    expect(b).toMatchObject({ item: 1, inLastTick: 6, recordsHeld: 6 });
    expect(b?.lastUpdates).toHaveLength(1);
  });
});
