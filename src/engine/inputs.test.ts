import { describe, expect, it } from 'vitest';
import { BatchBuilder } from './batch.js';
import type { Batch } from './batch.js';
import { InputLog } from './inputs.js';

const rows = (b: Batch | undefined): [unknown, unknown, number][] =>
  b === undefined ? [] : b.keys.map((k, i) => [k, b.vals[i], b.diffs[i] as number]);

describe('InputLog', () => {
  it('releases staged rows only when their epoch closes, one batch per input, retaining them consolidated', () => {
    const log = new InputLog();
    log.stage(0, [1], [], 1, 0);
    log.stage(0, [2], [], 1, 3);
    log.stage(1, [1], [], -1, 0);
    log.stage(0, [3], [], 1, 0);
    const released = log.release(0);
    expect(rows(released[0])).toEqual([
      [[1], [], 1],
      [[3], [], 1],
    ]);
    expect(rows(released[1])).toEqual([[[1], [], -1]]);
    expect(log.release(1)).toEqual([]);
    const retraction = new BatchBuilder();
    retraction.push([1], [], -1);
    log.retain(0, retraction.build());
    const history = log.history();
    expect(rows(history[0])).toEqual([[[3], [], 1]]);
    expect(rows(history[1])).toEqual([[[1], [], -1]]);
    expect(rows(log.release(3)[0])).toEqual([[[2], [], 1]]);
  });

  it('keeps its retained rows within twice the live contents over many changes', () => {
    const log = new InputLog();
    for (let i = 0; i < 2000; i++) log.stage(0, [i], [], 1, 0);
    log.release(0);
    for (let epoch = 1; epoch <= 5000; epoch++) {
      log.stage(0, [epoch % 2000], [], -1, epoch);
      log.stage(0, [epoch % 2000], [], 1, epoch);
      log.release(epoch);
    }
    const live = log.history()[0];
    expect(live?.size).toBe(2000);
  });
});
