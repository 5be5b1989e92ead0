import { describe, expect, it } from 'vitest';
import type { ItemId, ProgramIr } from '../../src/lang/ir.js';
import { ListValue } from '../../src/lang/value.js';
import type { Value } from '../../src/lang/value.js';
import { $, ProgramBuilder, arith, field, lit, op } from './ir-build.js';
import type { ScopeBuilder } from './ir-build.js';
import { Multiset } from './multiset.js';
import { NonConvergenceError, evaluate, evaluateEpochs, inputsAt } from './naive-eval.js';
import type { ExportContents } from './naive-eval.js';

type Row = [key: Value, val: Value, mult: number];

/** An input of pair rows `((a, b) ; ())`, each with multiplicity 1 unless given. */
function pairs(...rows: ([number, number] | [number, number, number])[]): Multiset {
  return Multiset.of(rows.map(([a, b, m]) => ({ key: [a, b], val: [], mult: m ?? 1 })));
}

function rows(result: ExportContents, name: string): Row[] {
  const r = result.get(name);
  if (!r) throw new Error(`no export ${name}`);
  return r.map((e) => [e.key, e.val, e.mult]);
}

/** `(a ; b)` from an input of pairs. */
function keyed(r: ScopeBuilder, input: number): ItemId {
  return r.linear(r.input(input), op.project([field(0, 0)], [field(0, 1)]));
}

/** Distinct-based reachability over `edges` from `roots`, optionally lifting iterations. */
function reachability(delayRoots: boolean): ProgramIr {
  const p = new ProgramBuilder();
  const r = p.root;
  const edges = r.arrange(keyed(r, 0));
  const roots = r.linear(r.input(1), op.project([field(0, 0)], []));
  let reach = -1;
  let depth = -1;
  const s = r.child('reach', (c) => {
    const e = c.enter(edges);
    const entered = c.enter(roots);
    const seeds = delayRoots ? c.linear(entered, op.enterAt(field(0, 0))) : entered;
    const v = c.variable('reach');
    const step = c.join(c.arrange(v.item), e, [field(2, 0)], []);
    v.set(c.reduce(c.arrange(c.concat(seeds, step)), 'distinct'));
    reach = v.item;
    depth = c.linear(v.item, op.liftIter());
  });
  p.export('reach', r.arrange(r.leave(s, reach)));
  p.export('depth', r.arrange(r.leave(s, depth)));
  return p.build();
}

describe('the naive reference evaluator', () => {
  it('computes reachability on a small graph', () => {
    const out = evaluate(
      reachability(false),
      new Map([
        [0, pairs([1, 2], [2, 3], [3, 1], [4, 5])],
        [1, pairs([1, 0])],
      ]),
    );
    expect(rows(out, 'reach')).toEqual([
      [[1], [], 1],
      [[2], [], 1],
      [[3], [], 1],
    ]);
  });

  it('lift_iter read outside the loop tags each node with the iteration it first appeared', () => {
    const out = evaluate(
      reachability(false),
      new Map([
        [0, pairs([1, 2], [2, 3], [3, 1])],
        [1, pairs([1, 0])],
      ]),
    );
    expect(rows(out, 'depth')).toEqual([
      [[1], [1], 1],
      [[2], [2], 1],
      [[3], [3], 1],
    ]);
  });

  it('enter_at delays a root until iteration 256 × bitlen without changing what is reached', () => {
    const out = evaluate(
      reachability(true),
      new Map([
        [0, pairs([1, 2], [2, 3], [3, 1], [0, 4])],
        [1, pairs([1, 0], [0, 0])],
      ]),
    );
    expect(rows(out, 'reach').map((r) => r[0])).toEqual([[0], [1], [2], [3], [4]]);
    // Root 0 has bitlen 0 (no delay); root 1 has bitlen 1, so it enters at iteration 256.
    expect(rows(out, 'depth')).toEqual([
      [[0], [1], 1],
      [[1], [257], 1],
      [[2], [258], 1],
      [[3], [259], 1],
      [[4], [2], 1],
    ]);
  });

  it('runs an inner loop to its fixed point at every iteration of the outer loop', () => {
    const p = new ProgramBuilder();
    const r = p.root;
    const e1 = r.arrange(keyed(r, 0));
    const e2 = r.arrange(keyed(r, 1));
    const roots = r.linear(r.input(2), op.project([field(0, 0)], []));
    let outerVar = -1;
    let closure = -1;
    let depths = -1;
    const outer = r.child('outer', (o) => {
      const oe1 = o.enter(e1);
      const oe2 = o.enter(e2);
      const oroots = o.enter(roots);
      const rv = o.variable('r');
      let ir = -1;
      let lifted = -1;
      const inner = o.child('inner', (i) => {
        const ie1 = i.enter(oe1);
        const ir0 = i.enter(rv.item);
        const v = i.variable('ir');
        const step = i.join(i.arrange(v.item), ie1, [field(2, 0)], []);
        v.set(i.reduce(i.arrange(i.concat(ir0, step)), 'distinct'));
        ir = v.item;
        lifted = i.linear(v.item, op.liftIter());
      });
      closure = o.leave(inner, ir);
      depths = o.leave(inner, lifted);
      const hop = o.join(o.arrange(closure), oe2, [field(2, 0)], []);
      rv.set(o.reduce(o.arrange(o.concat(oroots, hop)), 'distinct'));
      outerVar = rv.item;
    });
    p.export('r', r.arrange(r.leave(outer, outerVar)));
    p.export('closure', r.arrange(r.leave(outer, closure)));
    p.export('depths', r.arrange(r.leave(outer, depths)));
    const out = evaluate(
      p.build(),
      new Map([
        [0, pairs([1, 2], [3, 4])],
        [1, pairs([2, 3])],
        [2, pairs([1, 0])],
      ]),
    );
    expect(rows(out, 'r').map((x) => x[0])).toEqual([[1], [3]]);
    expect(rows(out, 'closure').map((x) => x[0])).toEqual([[1], [2], [3], [4]]);
    // In the last outer iteration the inner loop starts afresh from r = {1, 3}.
    expect(rows(out, 'depths')).toEqual([
      [[1], [1], 1],
      [[2], [2], 1],
      [[3], [1], 1],
      [[4], [2], 1],
    ]);
  });

  it('reducers see values with non-zero net multiplicity, even negative ones', () => {
    const p = new ProgramBuilder();
    const r = p.root;
    const kv = r.arrange(keyed(r, 0));
    for (const kind of ['min', 'distinct', 'count', 'collect'] as const) p.export(kind, r.reduce(kv, kind));
    const out = evaluate(p.build(), new Map([[0, pairs([1, 5, -1], [1, 3, 2], [2, 7, -2], [2, 8, 1])]]));
    expect(rows(out, 'min')).toEqual([
      [[1], [3], 1],
      [[2], [7], 1],
    ]);
    expect(rows(out, 'distinct')).toEqual([
      [[1], [], 1],
      [[2], [], 1],
    ]);
    // Key 2 sums to -1: count emits nothing for it.
    expect(rows(out, 'count')).toEqual([[[1], [1], 1]]);
    expect(rows(out, 'collect')).toEqual([
      [[1], new ListValue([[3], [3]]), 1],
      [[2], new ListValue([[8]]), 1],
    ]);
  });

  it('collect then flatmap gives back each value with its position', () => {
    const p = new ProgramBuilder();
    const r = p.root;
    const collected = r.reduce(r.arrange(keyed(r, 0)), 'collect');
    p.export('flat', r.arrange(r.linear(collected, op.flatmap($(1)))));
    const out = evaluate(p.build(), new Map([[0, pairs([1, 4], [1, 2, 2])]]));
    expect(rows(out, 'flat')).toEqual([
      [[1], [0, [2]], 1],
      [[1], [1, [2]], 1],
      [[1], [2, [4]], 1],
    ]);
  });

  it('flatmap over something that is not a list is an error', () => {
    const p = new ProgramBuilder();
    p.export('bad', p.root.arrange(p.root.linear(keyed(p.root, 0), op.flatmap($(1)))));
    expect(() => evaluate(p.build(), new Map([[0, pairs([1, 4])]]))).toThrow(/list/);
  });

  it('a root enter_at changes root collections only along the coordinate depth-1 scopes see', () => {
    const p = new ProgramBuilder();
    const r = p.root;
    // delay = 256 × bitlen(10 − v): v = 9 enters at 256, v = 2 at 1024.
    const delayed = r.linear(keyed(r, 0), op.enterAt(arith('-', lit(10), field(1, 0))));
    const least = r.reduce(r.arrange(delayed), 'min');
    let lifted = -1;
    const ns = r.child('view', (c) => {
      lifted = c.linear(c.enter(least), op.liftIter());
    });
    p.export('least', least);
    p.export('rootLift', r.arrange(r.linear(delayed, op.liftIter())));
    p.export('seen', r.arrange(r.leave(ns, lifted)));
    const out = evaluate(p.build(), new Map([[0, pairs([1, 9], [1, 2])]]));
    expect(rows(out, 'least')).toEqual([[[1], [2], 1]]);
    expect(rows(out, 'rootLift')).toEqual([
      [[1], [2, 0], 1],
      [[1], [9, 0], 1],
    ]);
    expect(rows(out, 'seen')).toEqual([
      [[1], [2, 1024], 1],
      [[1], [9, 256], 1],
      [[1], [9, 1024], -1],
    ]);
  });

  it('lift_iter of a non-monotone loop variable records retractions at their iteration', () => {
    const p = new ProgramBuilder();
    const r = p.root;
    const edges = r.arrange(keyed(r, 0));
    const labels = keyed(r, 1);
    let lifted = -1;
    const s = r.child('labels', (c) => {
      const e = c.enter(edges);
      const l = c.enter(labels);
      const v = c.variable('lab');
      const step = c.join(c.arrange(v.item), e, [field(2, 0)], [field(1, 0)]);
      v.set(c.reduce(c.arrange(c.concat(l, step)), 'min'));
      lifted = c.linear(v.item, op.liftIter());
    });
    p.export('lifted', r.arrange(r.leave(s, lifted)));
    const out = evaluate(
      p.build(),
      new Map([
        [0, pairs([2, 3], [1, 4], [4, 3])],
        [1, pairs([1, 1], [2, 5])],
      ]),
    );
    // Node 3 first gets label 5 (via 2) at iteration 2, then label 1 (via 1, 4) at iteration 3.
    expect(rows(out, 'lifted')).toEqual([
      [[1], [1, 1], 1],
      [[2], [5, 1], 1],
      [[3], [1, 3], 1],
      [[3], [5, 2], 1],
      [[3], [5, 3], -1],
      [[4], [1, 2], 1],
    ]);
  });

  it('a loop that oscillates is reported instead of running forever', () => {
    const p = new ProgramBuilder();
    const r = p.root;
    const roots = keyed(r, 0);
    let x = -1;
    const s = r.child('flip', (c) => {
      const v = c.variable('x');
      v.set(c.concat(c.enter(roots), c.linear(v.item, op.negate())));
      x = v.item;
    });
    p.export('x', r.arrange(r.leave(s, x)));
    expect(() => evaluate(p.build(), new Map([[0, pairs([1, 2])]]), { maxSteps: 50 })).toThrow(
      NonConvergenceError,
    );
  });

  it('inputs at an epoch hold every update at or before it, retractions included', () => {
    const updates = [
      { input: 0, key: [1, 2], val: [], time: 0, diff: 1 },
      { input: 0, key: [2, 3], val: [], time: 2, diff: 1 },
      { input: 0, key: [1, 2], val: [], time: 1, diff: -1 },
      { input: 1, key: [9, 9], val: [], time: 1, diff: -1 },
    ];
    expect([...(inputsAt(updates, 0).get(0)?.entries() ?? [])]).toEqual([{ key: [1, 2], val: [], mult: 1 }]);
    expect(inputsAt(updates, 1).get(0)?.size).toBe(0);
    expect([...(inputsAt(updates, 1).get(1)?.entries() ?? [])]).toEqual([{ key: [9, 9], val: [], mult: -1 }]);
    const p = new ProgramBuilder();
    p.export('all', p.root.arrange(keyed(p.root, 0)));
    const perEpoch = evaluateEpochs(p.build(), updates, 3).map((x) => rows(x, 'all'));
    expect(perEpoch).toEqual([[[[1], [2], 1]], [], [[[2], [3], 1]]]);
  });
});
