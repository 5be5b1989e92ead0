import { describe, expect, it } from 'vitest';
import { STRIDE } from './block.js';
import { SOLO, buildBase } from './trace-base.js';
import type { BuiltBase, TraceBase } from './trace-base.js';
import { hashValue } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

/** The base of `(key, val, diff)` updates at time [0], with `hash` giving each key's hash. */
function build(rows: [Value, Value, number][], hash: (k: Value) => number = hashValue): BuiltBase | null {
  const keys = rows.map((r) => r[0]);
  return buildBase(
    keys,
    Int32Array.from(keys.map(hash)),
    rows.map((r) => r[1]),
    rows.map((r) => r[2]),
    [0],
    7,
  );
}

function base(rows: [Value, Value, number][], hash: (k: Value) => number = hashValue): TraceBase | null {
  return build(rows, hash)?.base ?? null;
}

/** Every held key with its `val:diff` entries, in the base's order. */
function contents(b: TraceBase): string[] {
  const out: string[] = [];
  for (let k = 0; k < b.keys.length; k++) {
    if (!b.holds(k)) continue;
    const entries: string[] = [];
    for (let e = b.starts[k] as number; e < (b.starts[k + 1] as number); e += STRIDE) {
      expect([b.data[e + 1], b.data[e + 3]]).toEqual([[0], 7]);
      entries.push(`${JSON.stringify(b.data[e])}:${String(b.data[e + 2])}`);
    }
    out.push(`${JSON.stringify(b.keys[k])} ${entries.sort().join(' ')}`);
  }
  return out;
}

describe('TraceBase', () => {
  it('groups a batch by key in hash order, consolidated, and finds every key', () => {
    const rows: [Value, Value, number][] = [];
    for (let i = 0; i < 50; i++) rows.push([[i % 7], [i % 3], 1]);
    rows.push([
      [3],
      [0],
      -rows.filter((r) => (r[0] as number[])[0] === 3 && (r[1] as number[])[0] === 0).length,
    ]);
    const b = base(rows) as TraceBase;
    expect(b.keys).toHaveLength(7);
    const hashes = [...b.hashes].map((h) => h >>> 0);
    expect(hashes).toEqual([...hashes].sort((x, y) => x - y));
    // Key 3's val 0 cancels; every other key has its three vals.
    for (let k = 0; k < 7; k++) {
      const i = b.find([k], hashValue([k]));
      expect(i).toBeGreaterThanOrEqual(0);
      const n = ((b.starts[i + 1] as number) - (b.starts[i] as number)) / STRIDE;
      expect(n).toBe(k === 3 ? 2 : 3);
    }
    expect(b.find([7], hashValue([7]))).toBe(-1);
  });

  it('keeps keys whose hashes collide apart, each with its own entries', () => {
    const b = base(
      [
        [[101], [1], 1],
        [[102], [2], 1],
        [[101], [3], 1],
        [[102], [2], 1],
        [[103], [4], 1],
      ],
      () => 5,
    ) as TraceBase;
    expect(contents(b)).toEqual(['[101] [1]:1 [3]:1', '[102] [2]:2', '[103] [4]:1']);
    expect(b.find([102], 5)).toBe(1);
    expect(b.find([104], 5)).toBe(-1);
  });

  it('records where each key first appeared in the batch, and which updates it keeps as they are', () => {
    const built = build(
      [
        [[101], [1], 1],
        [[102], [2], 1],
        [[101], [3], 1],
        [[104], [0], 1],
        [[104], [0], -1],
        [[103], [4], 1],
      ],
      (k) => [0, 9, 5, 7, 1][(k as number[])[0]! - 100] as number,
    ) as BuiltBase;
    // In hash order 102 (5), 103 (7), 101 (9); 104's updates cancel out. 102 and 103 have
    // one update each, kept as it is; 101's two are merged into base key 2.
    expect(built.base.keys).toEqual([[102], [103], [101]]);
    expect([...built.firstAt]).toEqual([2, SOLO, -1, -1, -1, SOLO]);
  });

  it('drops keys whose updates cancel, and is null when all of them do', () => {
    const b = base([
      [[1], [], 1],
      [[2], [], 1],
      [[1], [], -1],
    ]) as TraceBase;
    expect(contents(b)).toEqual(['[2] []:1']);
    expect(
      base([
        [[1], [], 1],
        [[1], [], -1],
        [[2], [], 0],
      ]),
    ).toBeNull();
  });

  it('hides moved keys and can be copied without them', () => {
    const b = base([
      [[1], [10], 1],
      [[2], [20], 1],
      [[3], [30], 2],
    ]) as TraceBase;
    const two = b.find([2], hashValue([2]));
    b.move(two);
    expect(b.find([2], hashValue([2]))).toBe(-1);
    expect([b.liveKeys, b.movedCount]).toEqual([2, 1]);
    const copy = b.withoutMoved() as TraceBase;
    expect(contents(copy)).toEqual(contents(b));
    expect(copy.find([3], hashValue([3]))).toBeGreaterThanOrEqual(0);
    b.move(b.find([1], hashValue([1])));
    b.move(b.find([3], hashValue([3])));
    expect(b.withoutMoved()).toBeNull();
  });
});
