import { describe, expect, it } from 'vitest';
import { BatchBuilder } from './batch.js';
import { Port } from './port.js';
import type { Time } from './time.js';

function one(): ReturnType<BatchBuilder['build']> {
  const b = new BatchBuilder();
  b.push([1], [], 1);
  return b.build();
}

describe('Port', () => {
  it('keeps pending batches in time order and schedules each new time once', () => {
    const scheduled: Time[] = [];
    const port = new Port({ schedule: (t) => scheduled.push(t), clock: { tick: 0 }, depth: 1 });
    port.receive([0, 5], one());
    port.receive([0, 2], one());
    port.receive([0, 5], one());
    expect(scheduled).toEqual([
      [0, 5],
      [0, 2],
    ]);
    expect(port.head).toEqual([0, 2]);
    expect(port.take([0, 5])).toEqual([]);
    expect(port.take([0, 2])).toHaveLength(1);
    expect(port.take([0, 5])).toHaveLength(2);
    expect(port.head).toBeUndefined();
    expect(port.pending).toBe(0);
    expect(port.receivedTotal).toBe(3);
  });

  it('hands out the batches of any number of times in time order', () => {
    const scheduled: Time[] = [];
    const port = new Port({ schedule: (t) => scheduled.push(t), clock: { tick: 0 }, depth: 1 });
    const times: Time[] = [
      [1, 3],
      [1, 0],
      [1, 7],
      [1, 3],
      [0, 9],
      [1, 5],
      [1, 7],
      [1, 0],
    ];
    for (const t of times) port.receive([...t], one());
    expect(scheduled).toEqual([
      [1, 3],
      [1, 0],
      [1, 7],
      [0, 9],
      [1, 5],
    ]);
    const taken: [Time, number][] = [];
    while (port.head !== undefined) {
      const t = port.head;
      expect(port.pending).toBe(times.length - taken.reduce((n, [, k]) => n + k, 0));
      taken.push([t, port.take([...t]).length]);
    }
    expect(taken).toEqual([
      [[0, 9], 1],
      [[1, 0], 2],
      [[1, 3], 2],
      [[1, 5], 1],
      [[1, 7], 2],
    ]);
    expect(port.pending).toBe(0);
  });

  it('counts the updates received in the current tick, starting over in the next', () => {
    const clock = { tick: 0 };
    const port = new Port({ schedule: () => undefined, clock, depth: 1 });
    port.receive([0, 0], one());
    port.receive([0, 0], one());
    expect(port.received).toBe(2);
    clock.tick++;
    expect(port.received).toBe(0);
    port.receive([1, 0], one());
    expect([port.received, port.receivedTotal]).toEqual([1, 3]);
  });

  it('ignores empty batches', () => {
    const port = new Port({ schedule: () => undefined, clock: { tick: 0 }, depth: 1 });
    port.receive([0, 0], new BatchBuilder().build());
    expect(port.head).toBeUndefined();
  });
});
