import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leq } from './time.js';
import type { Time } from './time.js';
import { STRIDE } from './block.js';
import { BatchBuilder } from './batch.js';
import { History, Trace } from './trace.js';
import type { KeyTrace } from './trace.js';
import { hashValue } from '../lang/value-order.js';
import { tuple1 } from '../lang/value.js';
import type { Value } from '../lang/value.js';

/** Appends one batch of `(key, val, diff)` at `time`. */
function append(trace: Trace, time: Time, rows: [Value, Value, number][]) {
  trace.openBatch();
  for (const [k, v, d] of rows) trace.add(trace.obtain(k, hashValue(k)), v, time, d);
  return trace.closeBatch();
}

/** The key's multiset at time `t`, from all its entries, as sorted `val:diff` strings. */
function at(kt: KeyTrace | undefined, t: Time): string[] {
  const sums = new Map<string, number>();
  if (kt === undefined) return [];
  for (let i = 0; i < kt.data.length; i += STRIDE) {
    if (!leq(kt.data[i + 1] as Time, t)) continue;
    const v = JSON.stringify(kt.data[i]);
    sums.set(v, (sums.get(v) ?? 0) + (kt.data[i + 2] as number));
  }
  return [...sums]
    .filter(([, d]) => d !== 0)
    .map(([v, d]) => `${v}:${d}`)
    .sort();
}

describe('Trace', () => {
  it('consolidates each batch per key and reports the delta grouped by key', () => {
    const trace = new Trace();
    const batch = append(
      trace,
      [0, 0],
      [
        [[1], [10], 1],
        [[2], [20], 1],
        [[1], [10], 2],
        [[1], [11], 1],
        [[2], [20], -1],
      ],
    );
    expect(batch.keys).toEqual([[1], [1]]);
    expect(batch.vals).toEqual([[10], [11]]);
    expect(batch.diffs).toEqual([3, 1]);
    expect(batch.refs?.[0]).toBe(batch.refs?.[1]);
    expect(trace.records).toBe(2);
  });

  it('consolidates a key with many updates in one batch, equal vals as distinct objects', () => {
    // Blocks past a few entries are checked for duplicates by val hash: distinct vals stay
    // as they are, and a repeated val (a new but equal object) or a zero forces merging.
    const distinct: [Value, Value, number][] = [];
    for (let i = 0; i < 20; i++) distinct.push([[1], [i, [i]], 1]);
    const kept = append(new Trace(), [0, 0], distinct);
    expect(kept.vals).toEqual(distinct.map((r) => r[1]));

    const repeated: [Value, Value, number][] = [...distinct, [[1], [7, [7]], 2], [[1], [3, [3]], -1]];
    const trace = new Trace();
    const merged = append(trace, [0, 0], repeated);
    expect(merged.size).toBe(19);
    const byVal = new Map(merged.vals.map((v, i) => [JSON.stringify(v), merged.diffs[i]]));
    expect(byVal.get('[7,[7]]')).toBe(3);
    expect(byVal.has('[3,[3]]')).toBe(false);
    expect(trace.records).toBe(19);
  });

  it('consolidates a block of 1-tuple Int vals by their Ints, any other val by value', () => {
    // Vals that are all 1-tuples of Ints are compared by their Ints: new tuples equal to
    // earlier ones (not interned: beyond 2^20) merge, distinct ones stay as they are.
    const big = 2 ** 21;
    const distinct: [Value, Value, number][] = [];
    for (let i = 0; i < 10; i++) distinct.push([[1], [big + i], 1]);
    expect(append(new Trace(), [0, 0], distinct).vals).toEqual(distinct.map((r) => r[1]));
    const repeated = append(new Trace(), [0, 0], [...distinct, [[1], [big + 4], -1]]);
    expect(repeated.size).toBe(9);
    expect(repeated.vals).not.toContainEqual([big + 4]);
    // A block that also holds another shape of val is checked the general way.
    const mixed = append(new Trace(), [0, 0], [...distinct, [[1], [big + 2, 0], 1], [[1], [big + 2], 1]]);
    expect(mixed.size).toBe(11);
    const byVal = new Map(mixed.vals.map((v, i) => [JSON.stringify(v), mixed.diffs[i]]));
    expect(byVal.get(JSON.stringify([big + 2]))).toBe(2);
    expect(byVal.get(JSON.stringify([big + 2, 0]))).toBe(1);
  });

  it('tells apart keys whose hashes collide', () => {
    const trace = new Trace();
    const a = trace.obtain([1], 7);
    const b = trace.obtain([2], 7);
    expect(a).not.toBe(b);
    expect(trace.find([1], 7)).toBe(a);
    expect(trace.find([2], 7)).toBe(b);
    expect(trace.keyCount).toBe(2);
  });

  it('shows a reader only the batches it has consumed as history', () => {
    const trace = new Trace();
    const reader = trace.addReader();
    const first = append(trace, [0, 0], [[[1], [1], 1]]);
    append(trace, [0, 5], [[[1], [2], 1]]);
    const kt = trace.find([1], hashValue([1])) as KeyTrace;
    expect(kt.visibleEnd(reader.cursor)).toBe(0);
    reader.consume(first);
    expect(kt.visibleEnd(reader.cursor)).toBe(STRIDE);
  });

  it('refuses to consume a batch older than one already consumed', () => {
    const trace = new Trace();
    const reader = trace.addReader();
    const first = append(trace, [0, 0], [[[1], [1], 1]]);
    const second = append(trace, [0, 1], [[[1], [1], 1]]);
    reader.consume(second);
    expect(() => reader.consume(first)).toThrow(RangeError);
  });

  it('compacts to the frontier keeping every answer at or beyond it exact', () => {
    const trace = new Trace();
    const history: [Time, [Value, Value, number][]][] = [
      [[0, 0], [[[1], [1], 1]]],
      [[0, 3], [[[1], [2], 1]]],
      [[1, 3], [[[1], [2], -1]]],
      [[1, 1], [[[1], [3], 2]]],
      [[2, 0], [[[1], [1], -1]]],
    ];
    for (const [t, rows] of history) append(trace, t, rows);
    const probes: Time[] = [];
    for (let e = 2; e < 4; e++) for (let i = 0; i < 5; i++) probes.push([e, i]);
    const kt = trace.find([1], hashValue([1])) as KeyTrace;
    const before = probes.map((p) => at(kt, p));
    trace.compact([[2]]);
    expect(probes.map((p) => at(kt, p))).toEqual(before);
    // [0,0] and [2,0] cancel at [2,0], [0,3] and [1,3] at [2,3]; [1,1] moves to [2,1].
    expect(kt.length).toBe(1);
    expect(kt.data.slice(0, 3)).toEqual([[3], [2, 1], 2]);
    expect(trace.records).toBe(kt.length);
  });

  it('leaves a key alone while its blocks lie at rising times of one epoch, as a load leaves a loop', () => {
    const trace = new Trace();
    append(trace, [0, 0], [[[1], [1], 1]]);
    append(trace, [0, 2], [[[1], [1], 1]]);
    append(trace, [0, 5], [[[1], [2], 1]]);
    const kt = trace.find([1], hashValue([1])) as KeyTrace;
    const times = () => kt.data.filter((_, i) => i % STRIDE === 1);
    const probes: Time[] = [];
    for (let e = 1; e < 4; e++) for (let i = 0; i < 7; i++) probes.push([e, i]);
    const before = probes.map((p) => at(kt, p));
    trace.compact([[1]]);
    // Advancing to epoch 1 would merge nothing: the entries keep their times.
    expect(times()).toEqual([
      [0, 0],
      [0, 2],
      [0, 5],
    ]);
    expect(probes.map((p) => at(kt, p))).toEqual(before);
    // A block of a later epoch: now [0,2] and [1,2] cancel at [2,2].
    append(trace, [1, 2], [[[1], [1], -1]]);
    const later = probes.filter((p) => (p[0] as number) >= 2);
    const beforeLater = later.map((p) => at(kt, p));
    trace.compact([[2]]);
    expect(kt.length).toBe(2);
    expect(later.map((p) => at(kt, p))).toEqual(beforeLater);
    expect(trace.records).toBe(2);
  });

  it('merges the blocks of one epoch when the frontier is not an epoch', () => {
    const trace = new Trace();
    append(trace, [0, 0], [[[1], [1], 1]]);
    append(trace, [0, 2], [[[1], [1], 1]]);
    trace.compact([[1, 3]]);
    const kt = trace.find([1], hashValue([1])) as KeyTrace;
    expect(kt.length).toBe(1);
    expect(kt.data.slice(0, 3)).toEqual([[1], [1, 3], 2]);
  });

  it('forgets keys whose history consolidates to nothing', () => {
    const trace = new Trace();
    append(trace, [0, 0], [[[1], [1], 1]]);
    append(trace, [1, 0], [[[1], [1], -1]]);
    trace.compact([[2]]);
    expect(trace.find([1], hashValue([1]))).toBeUndefined();
    expect(trace.keyCount).toBe(0);
    expect(trace.records).toBe(0);
  });

  it('leaves batches a reader has not consumed untouched by compaction', () => {
    const trace = new Trace();
    const reader = trace.addReader();
    const first = append(trace, [0, 0], [[[1], [1], 1]]);
    reader.consume(first);
    append(trace, [0, 0], [[[1], [1], 1]]);
    trace.compact([[1]]);
    const kt = trace.find([1], hashValue([1])) as KeyTrace;
    // The unconsumed entry is still separate and still invisible to the reader.
    expect(kt.length).toBe(2);
    expect(kt.visibleEnd(reader.cursor)).toBe(STRIDE);
    trace.removeReader(reader);
    trace.compact([[1]]);
    expect(kt.length).toBe(1);
    expect(kt.data[2]).toBe(2);
  });

  it('snapshots its whole contents as one batch that makes everything history', () => {
    const trace = new Trace();
    append(
      trace,
      [0],
      [
        [[1], [1], 1],
        [[2], [1], 1],
      ],
    );
    append(
      trace,
      [1],
      [
        [[1], [1], 1],
        [[2], [1], -1],
      ],
    );
    const snap = trace.snapshot();
    expect(snap?.keys).toEqual([[1]]);
    expect(snap?.diffs).toEqual([2]);
    const reader = trace.addReader();
    if (snap) reader.consume(snap);
    expect(reader.cursor).toBe(trace.seqCount);
    expect(new Trace().snapshot()).toBeNull();
  });

  it('compacts lazily: once a key has 16 uncompacted batches, or once 256 keys wait', () => {
    const trace = new Trace();
    // A key alternating between two vals: every batch adds entries that compaction merges.
    for (let e = 0; e < 15; e++) append(trace, [e, 0], [[[1], [e % 2], 1]]);
    trace.compactLazily(15);
    expect(trace.records).toBe(15);
    append(trace, [15, 0], [[[1], [1], 1]]);
    trace.compactLazily(16);
    expect(trace.records).toBe(2);
    // Many keys with one batch each: compacted once 256 of them wait.
    const wide = new Trace();
    for (let k = 0; k < 255; k++) append(wide, [0, 0], [[[k], [0], 1]]);
    append(wide, [1, 0], [[[0], [0], -1]]);
    wide.compactLazily(2);
    expect(wide.records).toBe(256);
    append(wide, [2, 0], [[[255], [0], 1]]);
    wide.compactLazily(3);
    // 257 entries, of which key 0's two cancel.
    expect(wide.records).toBe(255);
  });

  it('appends a one-update batch (appendOne) exactly as a whole batch of it would', () => {
    const update = fc.record({
      key: fc.integer({ min: 0, max: 5 }),
      val: fc.integer({ min: 0, max: 2 }),
      diff: fc.integer({ min: -2, max: 2 }),
      nextEpoch: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.boolean(), fc.array(update, { maxLength: 60 }), (withBase, updates) => {
        const one = new Trace();
        const whole = new Trace();
        if (withBase) {
          // Keys 0..3 start in a base (`appendOne` then moves them out, as `obtain` does).
          for (const t of [one, whole]) {
            const b = new BatchBuilder();
            for (let k = 0; k < 4; k++) b.push(tuple1(k), tuple1(k), 1);
            t.appendBase(b.build(), [0, 0]);
          }
        }
        let epoch = 1;
        for (const u of updates) {
          const time: Time = [epoch, 0];
          const key = tuple1(u.key);
          const a = one.appendOne(key, hashValue(key), tuple1(u.val), time, u.diff);
          const b = append(whole, time, [[tuple1(u.key), tuple1(u.val), u.diff]]);
          expect([a.keys, a.vals, a.diffs, a.seq]).toEqual([b.keys, b.vals, b.diffs, b.seq]);
          expect(a.refs?.map((kt) => kt.key)).toEqual(b.refs?.map((kt) => kt.key));
          expect(one.records).toBe(whole.records);
          if (u.nextEpoch) {
            epoch++;
            one.compactLazily(epoch);
            whole.compactLazily(epoch);
          }
        }
        one.compact([[epoch]]);
        whole.compact([[epoch]]);
        expect([one.records, one.keyCount]).toEqual([whole.records, whole.keyCount]);
        for (let k = 0; k < 6; k++) {
          const key = tuple1(k);
          const [ha, hb] = [new History(), new History()];
          const found = [one.seek(key, hashValue(key), ha), whole.seek(key, hashValue(key), hb)];
          expect(found[0]).toBe(found[1]);
          if (found[0]) expect(ha.data.slice(ha.lo, ha.hi)).toEqual(hb.data.slice(hb.lo, hb.hi));
        }
      }),
    );
  });

  describe('with a base (its first batch, kept as columns)', () => {
    /** A trace whose first batch `rows` (at [0, 0]) is its base. */
    function based(rows: [Value, Value, number][]): { trace: Trace; delta: ReturnType<Trace['appendBase']> } {
      const trace = new Trace();
      const b = new BatchBuilder();
      for (const [k, v, d] of rows) b.push(k, v, d);
      expect(trace.takesBase(rows.length)).toBe(true);
      return { trace, delta: trace.appendBase(b.build(), [0, 0]) };
    }

    /** Every key's `key val:diff` entries, as readers see them. */
    function histories(trace: Trace): string[] {
      const out: string[] = [];
      trace.forEachHistory((h) => {
        for (let e = h.lo; e < h.hi; e += STRIDE)
          out.push(`${JSON.stringify(h.key)} ${JSON.stringify(h.data[e])}:${String(h.data[e + 2])}`);
      });
      return out.sort();
    }

    it('sends its consolidated delta grouped by key, with hashes instead of history objects', () => {
      const { trace, delta } = based([
        [[1], [10], 1],
        [[2], [20], 1],
        [[1], [11], 1],
        [[1], [10], 1],
      ]);
      expect(delta.refs).toBeNull();
      const rows = delta.keys.map(
        (k, i) => `${JSON.stringify(k)} ${JSON.stringify(delta.vals[i])}:${delta.diffs[i]}`,
      );
      expect(rows.sort()).toEqual(['[1] [10]:2', '[1] [11]:1', '[2] [20]:1']);
      // Grouped: each key's updates are adjacent, one key object per run.
      const one = delta.keys.findIndex((k) => JSON.stringify(k) === '[1]');
      expect(delta.keys[one + 1]).toBe(delta.keys[one]);
      delta.keys.forEach((k, i) => expect(delta.hashAt(i)).toBe(hashValue(k)));
      expect([trace.keyCount, trace.records, trace.seqCount]).toEqual([2, 3, 1]);
      expect(trace.takesBase(1)).toBe(false);
    });

    it("sends interned keys in hash order, fresh key objects in the batch's order", () => {
      const rows = (k: (i: number) => Value): [Value, Value, number][] =>
        [5, 3, 9, 1, 7].map((i) => [k(i), [i], 1]);
      const interned = based(rows((i) => tuple1(i))).delta;
      const hashes = interned.keys.map((k) => hashValue(k) >>> 0);
      expect(hashes).toEqual([...hashes].sort((a, b) => a - b));
      const fresh = based(rows((i) => [i, i])).delta;
      expect(fresh.keys).toEqual([5, 3, 9, 1, 7].map((i) => [i, i]));
      fresh.keys.forEach((k, i) => expect(fresh.hashAt(i)).toBe(hashValue(k)));
    });

    it('shows base keys to readers without moving them, and moves a key when it is updated', () => {
      const { trace } = based([
        [[1], [10], 1],
        [[2], [20], 1],
      ]);
      const reader = trace.addReader();
      const h = new History();
      expect(trace.seek([1], hashValue([1]), h)).toBe(true);
      expect([h.hi - h.lo, h.visibleEnd(reader.cursor)]).toEqual([STRIDE, h.lo]);
      reader.cursor = 1;
      expect(h.visibleEnd(reader.cursor)).toBe(h.hi);
      expect(trace.seek([3], hashValue([3]), h)).toBe(false);
      // An update moves the key into a history object of its own, entries and all.
      append(trace, [1, 0], [[[1], [10], -1]]);
      const kt = trace.find([1], hashValue([1])) as KeyTrace;
      expect(at(kt, [0, 0])).toEqual(['[10]:1']);
      expect(at(kt, [1, 0])).toEqual([]);
      expect(histories(trace)).toEqual(['[1] [10]:-1', '[1] [10]:1', '[2] [20]:1']);
      expect([trace.keyCount, trace.records]).toEqual([2, 3]);
      // Once the reader has consumed the update, compaction cancels key 1 away.
      trace.compact([[2]]);
      expect(trace.keyCount).toBe(2);
      reader.cursor = trace.seqCount;
      trace.compact([[2]]);
      expect(histories(trace)).toEqual(['[2] [20]:1']);
      expect([trace.keyCount, trace.records]).toEqual([1, 1]);
    });

    it('moves every key into a history object once a reader of them registers', () => {
      const { trace } = based([
        [[1], [10], 1],
        [[2], [20], 1],
      ]);
      expect(trace.snapshot()?.refs).toBeNull();
      trace.addReader(true);
      const snap = trace.snapshot();
      expect(snap?.refs?.map((kt) => kt.key)).toEqual(snap?.keys);
      expect(histories(trace)).toEqual(['[1] [10]:1', '[2] [20]:1']);
      const fresh = new Trace();
      fresh.addReader(true);
      expect(fresh.takesBase(10)).toBe(false);
    });

    it('frees the columns of moved keys once most have moved', () => {
      const rows: [Value, Value, number][] = [];
      for (let k = 0; k < 10; k++) rows.push([[k], [k], 1]);
      const { trace } = based(rows);
      for (let k = 0; k < 6; k++) append(trace, [1, 0], [[[k], [k], 1]]);
      const expected = rows.map(
        ([k]) => `${JSON.stringify(k)} ${JSON.stringify(k)}:${(k as number[])[0]! < 6 ? 2 : 1}`,
      );
      trace.compact([[2]]);
      expect(histories(trace)).toEqual(expected.sort());
      expect([trace.keyCount, trace.records]).toEqual([10, 10]);
    });

    it('answers exactly as a trace without one, through later batches and compactions (property)', () => {
      const KEYS = 10;
      // Few vals and small diffs, so that later batches often cancel what a key had.
      const row = fc.tuple(fc.nat(KEYS - 1), fc.nat(1), fc.integer({ min: -2, max: 2 }));
      const step = fc.oneof(
        fc.record({ rows: fc.array(row, { maxLength: 8 }), iteration: fc.nat(2) }),
        fc.constant('compact' as const),
      );
      fc.assert(
        fc.property(
          // Up to 80 rows: bases of more than 32 updates are sorted by radix passes (hash-order.ts).
          fc.array(row, { minLength: 1, maxLength: 80, size: 'max' }),
          fc.array(step, { maxLength: 12 }),
          // Interned keys (1-tuples of small Ints) or fresh objects (2-tuples): the base
          // sends the former in hash order, the latter in the batch's order. Fresh keys
          // repeat one object per key in every other row (as a join's output does) and
          // are equal copies in the others.
          fc.boolean(),
          (first, steps, fresh) => {
            const shared = Array.from({ length: KEYS }, (_, k) => [k, -1]);
            const keyOf = (k: number, copy = false): Value => (fresh ? (copy ? [k, -1] : shared[k]!) : [k]);
            const asRows = (rs: [number, number, number][]): [Value, Value, number][] =>
              rs.map(([k, v, d], i) => [keyOf(k, i % 2 === 1), [v], d]);
            const log: [Time, [Value, Value, number][]][] = [[[0, 0], asRows(first)]];
            const plain = new Trace();
            const plainDelta = append(plain, [0, 0], asRows(first));
            const { trace, delta } = based(asRows(first));
            const multiset = (b: {
              keys: readonly Value[];
              vals: readonly Value[];
              diffs: readonly number[];
            }) =>
              b.keys.map((k, i) => `${JSON.stringify(k)} ${JSON.stringify(b.vals[i])}:${b.diffs[i]}`).sort();
            expect(multiset(delta)).toEqual(multiset(plainDelta));
            // Grouped by key: once a key's run of updates ends, the key does not come back.
            const runs = delta.keys.map((k) => JSON.stringify(k)).filter((k, i, ks) => k !== ks[i - 1]);
            expect(new Set(runs).size).toBe(runs.length);
            delta.keys.forEach((k, i) => expect(delta.hashAt(i)).toBe(hashValue(k)));
            let epoch = 0;
            for (const s of steps) {
              if (s === 'compact') {
                trace.compact([[epoch]]);
                plain.compact([[epoch]]);
                continue;
              }
              epoch++;
              const t: Time = [epoch, s.iteration];
              log.push([t, asRows(s.rows)]);
              expect(multiset(append(trace, t, asRows(s.rows)))).toEqual(
                multiset(append(plain, t, asRows(s.rows))),
              );
            }
            // Every answer at or beyond the last frontier is the log's, for both traces.
            const h = new History();
            for (let k = 0; k < KEYS; k++) {
              for (let i = 0; i <= 3; i++) {
                const probe: Time = [epoch, i];
                const truth = new Map<string, number>();
                for (const [t, rows] of log)
                  for (const [key, val, d] of rows)
                    if (leq(t, probe) && JSON.stringify(key) === JSON.stringify(keyOf(k)))
                      truth.set(JSON.stringify(val), (truth.get(JSON.stringify(val)) ?? 0) + d);
                const want = [...truth]
                  .filter(([, d]) => d !== 0)
                  .map(([v, d]) => `${v}:${d}`)
                  .sort();
                for (const tr of [trace, plain]) {
                  const got = new Map<string, number>();
                  if (tr.seek(keyOf(k), hashValue(keyOf(k)), h))
                    for (let e = h.lo; e < h.hi; e += STRIDE)
                      if (leq(h.data[e + 1] as Time, probe)) {
                        const v = JSON.stringify(h.data[e]);
                        got.set(v, (got.get(v) ?? 0) + (h.data[e + 2] as number));
                      }
                  expect(
                    [...got]
                      .filter(([, d]) => d !== 0)
                      .map(([v, d]) => `${v}:${d}`)
                      .sort(),
                  ).toEqual(want);
                }
              }
            }
            expect(multiset(trace.snapshot() ?? { keys: [], vals: [], diffs: [] })).toEqual(
              multiset(plain.snapshot() ?? { keys: [], vals: [], diffs: [] }),
            );
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
