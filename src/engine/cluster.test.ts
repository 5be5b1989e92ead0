import { describe, expect, it } from 'vitest';
import { shardOf } from './cluster.js';
import { homeSlot } from './key-table.js';
import { hashValue } from '../lang/value-order.js';

describe('shardOf', () => {
  it('spreads hashes evenly over the workers', () => {
    for (const workers of [2, 3, 4, 7]) {
      const counts = new Array<number>(workers).fill(0);
      for (let i = 0; i < 70_000; i++) {
        const w = shardOf(hashValue([i]), workers);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThan(workers);
        counts[w] = (counts[w] as number) + 1;
      }
      for (const c of counts) expect(Math.abs(c - 70_000 / workers)).toBeLessThan(70_000 / workers / 20);
    }
  });

  it("reads other bits than a key table's home slot: one worker's keys use every home", () => {
    // A table of 2^12 slots (shift 20): the keys one worker of four owns must reach
    // nearly all homes, or its tables would probe in long runs.
    const homes = new Set<number>();
    for (let i = 0; i < 40_000; i++) {
      const h = hashValue([i]);
      if (shardOf(h, 4) === 1) homes.add(homeSlot(h, 20));
    }
    expect(homes.size).toBeGreaterThan(4096 * 0.9);
  });

  it("spreads one worker's keys over the homes of a large table as well as random placement would", () => {
    // 100k keys, half of them one worker's, in a table of 2^17 slots (shift 15): where
    // the shard and the home read overlapping hash bits, the worker's keys would crowd
    // into part of the homes (about 51k distinct homes instead of about 70k).
    const homes = new Set<number>();
    let owned = 0;
    for (let i = 0; i < 100_000; i++) {
      const h = hashValue([i]);
      if (shardOf(h, 2) !== 1) continue;
      owned++;
      homes.add(homeSlot(h, 15));
    }
    const slots = 1 << 17;
    const random = slots * (1 - Math.exp(-owned / slots));
    expect(homes.size).toBeGreaterThan(random * 0.98);
  });
});
