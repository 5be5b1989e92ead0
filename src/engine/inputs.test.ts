import { describe, expect, it } from 'vitest';
import { InputLog, batchesByInput } from './inputs.js';

describe('InputLog', () => {
  it('releases staged rows only when their epoch closes, retaining them consolidated', () => {
    const log = new InputLog();
    log.stage({ input: 0, key: [1], val: [], diff: 1 }, 0);
    log.stage({ input: 0, key: [2], val: [], diff: 1 }, 3);
    log.stage({ input: 1, key: [1], val: [], diff: -1 }, 0);
    expect(log.release(0)).toHaveLength(2);
    expect(log.release(1)).toEqual([]);
    log.retain([{ input: 0, key: [1], val: [], diff: -1 }]);
    expect(log.history()).toEqual([{ input: 1, key: [1], val: [], diff: -1 }]);
    expect(log.release(3)).toEqual([{ input: 0, key: [2], val: [], diff: 1 }]);
  });

  it('groups rows into one batch per input', () => {
    const batches = batchesByInput([
      { input: 2, key: [1], val: [], diff: 1 },
      { input: 0, key: [2], val: [], diff: 1 },
      { input: 2, key: [3], val: [], diff: 1 },
    ]);
    expect(batches.get(2)?.keys).toEqual([[1], [3]]);
    expect(batches.get(0)?.size).toBe(1);
  });
});
