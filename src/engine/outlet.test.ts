import { describe, expect, it } from 'vitest';
import { SAMPLE_LIMIT } from './api.js';
import { BatchBuilder } from './batch.js';
import type { Batch } from './batch.js';
import { Outlet } from './outlet.js';
import type { Time } from './time.js';

function batchOf(n: number, from = 0): Batch {
  const b = new BatchBuilder();
  for (let i = 0; i < n; i++) b.push([from + i], [], 1);
  return b.build();
}

describe('Outlet', () => {
  it('sends every batch along every edge, mapping times per edge', () => {
    const clock = { tick: 0 };
    const out = new Outlet(clock);
    const plain: [Time, Batch][] = [];
    const mapped: [Time, Batch][] = [];
    const third: [Time, Batch][] = [];
    out.connect({ receive: (t, b) => plain.push([t, b]) }, null);
    out.connect({ receive: (t, b) => mapped.push([t, b]) }, (t) => [...t, 0]);
    out.connect({ receive: (t, b) => third.push([t, b]) }, (t) => [t[0] as number]);
    const batch = batchOf(2);
    out.send([3, 1], batch);
    out.send([3, 2], batchOf(0));
    out.send([4, 0], batch);
    expect(plain).toEqual([
      [[3, 1], batch],
      [[4, 0], batch],
    ]);
    expect(mapped).toEqual([
      [[3, 1, 0], batch],
      [[4, 0, 0], batch],
    ]);
    expect(third).toEqual([
      [[3], batch],
      [[4], batch],
    ]);
  });

  it('counts updates per tick and in total, starting each tick over', () => {
    const clock = { tick: 0 };
    const out = new Outlet(clock);
    out.sendAll([0], [batchOf(2), batchOf(3)]);
    expect([out.emitted, out.emittedTotal]).toEqual([5, 5]);
    clock.tick++;
    expect([out.emitted, out.emittedTotal]).toEqual([0, 5]);
    expect(out.sample()).toEqual([]);
    out.send([1], batchOf(1, 7));
    expect([out.emitted, out.emittedTotal]).toEqual([1, 6]);
    expect(out.sample()).toEqual([{ key: [7], val: [], time: [1], diff: 1 }]);
  });

  it("samples the tick's first updates, at most SAMPLE_LIMIT, across batches", () => {
    const clock = { tick: 0 };
    const out = new Outlet(clock);
    out.send([0], batchOf(SAMPLE_LIMIT - 1));
    out.send([0, 1], batchOf(5, 100));
    const sample = out.sample();
    expect(sample).toHaveLength(SAMPLE_LIMIT);
    expect(sample[SAMPLE_LIMIT - 1]).toEqual({ key: [100], val: [], time: [0, 1], diff: 1 });
    clock.tick++;
    out.send([1], batchOf(1, 50));
    expect(out.sample()).toEqual([{ key: [50], val: [], time: [1], diff: 1 }]);
  });

  it('samples the first updates of a batch larger than the sample', () => {
    const clock = { tick: 0 };
    const out = new Outlet(clock);
    out.send([0], batchOf(SAMPLE_LIMIT + 5, 10));
    out.send([0], batchOf(1, 500));
    const sample = out.sample();
    expect(sample).toHaveLength(SAMPLE_LIMIT);
    expect(sample[0]).toEqual({ key: [10], val: [], time: [0], diff: 1 });
    expect(sample[SAMPLE_LIMIT - 1]).toEqual({ key: [10 + SAMPLE_LIMIT - 1], val: [], time: [0], diff: 1 });
  });
});
