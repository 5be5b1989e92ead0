import { describe, expect, it } from 'vitest';
import { ArrangeNode } from './arrange.js';
import { Batch } from '../batch.js';
import { Capture, TestScope, drive, testContext, testItem } from '../test-kit.js';
import type { Time } from '../time.js';
import { tuple1 } from '../../lang/value.js';
import type { Value } from '../../lang/value.js';

// Updates over `keys` keys, several per key, some cancelling, split into `parts` batches.
function updates(count: number, keys: number, seed: number, parts: number): Batch[] {
  const all: [Value, Value, number][] = [];
  let x = seed;
  const next = (m: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % m;
  };
  for (let i = 0; i < count; i++) {
    // Interned keys, as a keying map makes them (large batches of them go in hash order).
    const key: Value = tuple1(next(keys));
    const val: Value = [next(4)];
    all.push([key, val, next(3) - 1 || 2]);
  }
  const batches: Batch[] = [];
  const size = Math.ceil(count / parts);
  for (let p = 0; p < parts; p++) {
    const rows = all.slice(p * size, (p + 1) * size);
    batches.push(
      new Batch(
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
      ),
    );
  }
  return batches;
}

// The contents of batches summed per (key, val), zeros dropped, as sorted strings.
function summed(batches: readonly Batch[]): string[] {
  const sums = new Map<string, number>();
  for (const b of batches)
    for (let i = 0; i < b.size; i++) {
      const k = `${JSON.stringify(b.keys[i])}|${JSON.stringify(b.vals[i])}`;
      sums.set(k, (sums.get(k) ?? 0) + (b.diffs[i] as number));
    }
  return [...sums]
    .filter(([, d]) => d !== 0)
    .map(([k, d]) => `${k}|${d}`)
    .sort();
}

describe('arrange', () => {
  // Large batches into a large trace take the hash-ordered path, small ones the plain one.
  it.each([
    ['small batches into a small trace', 500, 50],
    ['large batches into a large trace', 60_000, 40_000],
  ])('indexes %s: the delta sent is each batch consolidated, grouped by key', (_, count, keys) => {
    const node = new ArrangeNode(testContext(), new TestScope(0), testItem());
    const out = new Capture();
    node.out.connect(out, null);
    const first = updates(count, keys, 1, 3);
    const second = updates(count, keys, 2, 1);
    const t0: Time = [0, 0];
    const t1: Time = [1, 0];
    for (const b of first) node.input.receive(t0, b);
    for (const b of second) node.input.receive(t1, b);
    drive([node]);

    expect(out.at(t0)).toEqual(summed(first));
    expect(out.at(t1)).toEqual(summed([...first, ...second]));
    // One update per (key, val) and time, and each key's updates side by side.
    const seen = new Set<string>();
    let last = '';
    for (const u of out.updates) {
      const key = `${JSON.stringify(u.time)}|${JSON.stringify(u.key)}`;
      const row = `${key}|${JSON.stringify(u.val)}`;
      expect(seen.has(row)).toBe(false);
      seen.add(row);
      if (key !== last) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        last = key;
      }
      expect(u.diff).not.toBe(0);
    }
    // Compacted, the trace holds exactly the keys with non-zero contents.
    node.index.compact([[2, 0]]);
    const live = new Set(summed([...first, ...second]).map((r) => r.split('|')[0]));
    expect(node.index.keyCount).toBe(live.size);
  });
});
