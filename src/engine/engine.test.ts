import { describe, expect, it } from 'vitest';
import { EngineUsageError } from './api.js';
import type { TraceId } from './api.js';
import { ownsRow, runLocal } from './cluster.js';
import { Batch } from './batch.js';
import { Engine } from './engine.js';
import { compile } from '../lang/compile.js';
import type { ProgramIr } from '../lang/ir.js';

function program(text: string): ProgramIr {
  const r = compile(text, 'test.ddp');
  if (r.optimized === null) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.optimized;
}

const OPTIONS = { maxIterations: 1000, maxSeconds: 60 };
const IDENTITY = program('export "o" = input 0 | arrange;');
const DOUBLE = program('let a = import "o"; export "d" = a | map($0 ; $0[0] * 2) | arrange;');
/** Fails on any row with fewer than 3 key fields. */
const PICKY = program('export "p" = input 0 | map($0[2] ;) | arrange;');

const trace = (installed: { exports: ReadonlyMap<string, TraceId> }, name: string): TraceId => {
  const id = installed.exports.get(name);
  if (id === undefined) throw new Error(`no export ${name}`);
  return id;
};

describe('Engine', () => {
  it('stages future feeds until their epoch is closed', () => {
    const engine = new Engine(OPTIONS);
    const a = engine.install(IDENTITY, new Map());
    engine.feed(a.dataflow, 0, [1], [], 0, 1);
    engine.feed(a.dataflow, 0, [2], [], 2, 1);
    engine.tick();
    expect(engine.read(trace(a, 'o'))).toEqual([[[1], [], 1]]);
    engine.tick();
    expect(engine.read(trace(a, 'o'))).toEqual([[[1], [], 1]]);
    engine.tick();
    expect(engine.read(trace(a, 'o'))).toEqual([
      [[1], [], 1],
      [[2], [], 1],
    ]);
  });

  it('reads consolidated rows sorted by key then val, optionally for one key', () => {
    const engine = new Engine(OPTIONS);
    const a = engine.install(IDENTITY, new Map());
    for (const [k, v, d] of [
      [[2], [1], 1],
      [[1], [9], 2],
      [[1], [3], 1],
      [[1], [3], -1],
    ] as const) {
      engine.feed(a.dataflow, 0, k, v, 0, d);
    }
    engine.tick();
    expect(engine.read(trace(a, 'o'))).toEqual([
      [[1], [9], 2],
      [[2], [1], 1],
    ]);
    expect(engine.read(trace(a, 'o'), [2])).toEqual([[[2], [1], 1]]);
    expect(engine.read(trace(a, 'o'), [7])).toEqual([]);
  });

  it('rejects misuse with EngineUsageError', () => {
    const engine = new Engine(OPTIONS);
    const a = engine.install(IDENTITY, new Map());
    engine.tick();
    expect(() => engine.feed(a.dataflow, 0, [1], [], 0, 1)).toThrow(EngineUsageError);
    expect(() => engine.feed(a.dataflow, 3, [1], [], 1, 1)).toThrow(EngineUsageError);
    expect(() => engine.feed(99, 0, [1], [], 1, 1)).toThrow(EngineUsageError);
    expect(() => engine.read(99)).toThrow(EngineUsageError);
    expect(() => engine.install(DOUBLE, new Map())).toThrow(EngineUsageError);
  });

  it('brings a new importer up to date with the closed past at install', () => {
    const engine = new Engine(OPTIONS);
    const a = engine.install(IDENTITY, new Map());
    engine.feed(a.dataflow, 0, [1], [], 0, 1);
    engine.feed(a.dataflow, 0, [2], [], 1, 1);
    engine.tick();
    engine.tick();
    const b = engine.install(DOUBLE, new Map([['o', trace(a, 'o')]]));
    expect(b.catchUp.failures).toEqual([]);
    expect(engine.read(trace(b, 'd'))).toEqual([
      [[1], [2], 1],
      [[2], [4], 1],
    ]);
    // Later changes of the producer reach the importer in the same tick.
    engine.feed(a.dataflow, 0, [1], [], 2, -1);
    engine.tick();
    expect(engine.read(trace(b, 'd'))).toEqual([[[2], [4], 1]]);
  });

  it('places initial rows at past times as closed history at install', () => {
    const engine = new Engine(OPTIONS);
    engine.tick();
    engine.tick();
    const rows = (...keys: number[]): Batch =>
      new Batch(
        keys.map((k) => [k]),
        keys.map(() => []),
        keys.map(() => 1),
      );
    const a = engine.install(IDENTITY, new Map(), [
      { input: 0, time: 0, rows: rows(5) },
      { input: 0, time: 2, rows: rows(6, 7) },
    ]);
    expect(engine.read(trace(a, 'o'))).toEqual([[[5], [], 1]]);
    // Rows fed for the open epoch join the initial rows staged for it.
    engine.feed(a.dataflow, 0, [8], [], 2, 1);
    engine.tick();
    expect(engine.read(trace(a, 'o'))).toEqual([
      [[5], [], 1],
      [[6], [], 1],
      [[7], [], 1],
      [[8], [], 1],
    ]);
  });

  it('fails only the dataflow whose term fails, and recovers it once its input allows', () => {
    const engine = new Engine(OPTIONS);
    const good = engine.install(IDENTITY, new Map());
    const bad = engine.install(PICKY, new Map());
    engine.feed(good.dataflow, 0, [1], [], 0, 1);
    engine.feed(bad.dataflow, 0, [1, 2, 3], [], 0, 1);
    engine.feed(bad.dataflow, 0, [7], [], 0, 1);
    const first = engine.tick();
    expect(first.failures).toHaveLength(1);
    expect(first.failures[0]).toMatchObject({
      dataflow: bad.dataflow,
      kind: 'term',
      row: { key: [7], val: [] },
    });
    expect(engine.isFailed(bad.dataflow)).toBe(true);
    expect(() => engine.read(trace(bad, 'p'))).toThrow(EngineUsageError);
    expect(engine.read(trace(good, 'o'))).toEqual([[[1], [], 1]]);
    // Still failing: reported again at the next tick.
    expect(engine.tick().failures).toHaveLength(1);
    engine.feed(bad.dataflow, 0, [7], [], engine.epoch, -1);
    expect(engine.tick().failures).toEqual([]);
    expect(engine.isFailed(bad.dataflow)).toBe(false);
    expect(engine.read(trace(bad, 'p'))).toEqual([[[3], [], 1]]);
  });

  it('fails the importers of a failed dataflow as upstream and rebuilds them with it', () => {
    const engine = new Engine(OPTIONS);
    const producer = engine.install(program('export "o" = input 0 | map($0[1] ;) | arrange;'), new Map());
    const importer = engine.install(DOUBLE, new Map([['o', trace(producer, 'o')]]));
    engine.feed(producer.dataflow, 0, [0, 4], [], 0, 1);
    engine.tick();
    engine.feed(producer.dataflow, 0, [9], [], 1, 1);
    const failed = engine.tick();
    expect(failed.failures.map((f) => [f.dataflow, f.kind])).toEqual([
      [producer.dataflow, 'term'],
      [importer.dataflow, 'upstream'],
    ]);
    expect(failed.failures[1]?.upstream).toBe(producer.dataflow);
    engine.feed(producer.dataflow, 0, [9], [], 2, -1);
    engine.feed(producer.dataflow, 0, [0, 5], [], 2, 1);
    expect(engine.tick().failures).toEqual([]);
    expect(engine.read(trace(importer, 'd'))).toEqual([
      [[4], [8], 1],
      [[5], [10], 1],
    ]);
  });

  it('stops a loop that exceeds its iteration budget, and one that exceeds its time', () => {
    const runaway = program(`
      let s = input 0;
      loop: { var x = s + (x | map($0[0] + 1 ;)) | distinct; }
      export "o" = loop::x | arrange;
    `);
    const byCount = new Engine({ maxIterations: 50, maxSeconds: 60 });
    const a = byCount.install(runaway, new Map());
    byCount.feed(a.dataflow, 0, [0], [], 0, 1);
    expect(byCount.tick().failures[0]).toMatchObject({ kind: 'iterations', scope: 'loop' });
    let clock = 0;
    const byTime = new Engine({ maxIterations: 1e9, maxSeconds: 1, now: () => (clock += 10) });
    const b = byTime.install(runaway, new Map());
    byTime.feed(b.dataflow, 0, [0], [], 0, 1);
    expect(byTime.tick().failures[0]).toMatchObject({ kind: 'timeout', scope: 'loop' });
  });

  it('refuses to drop a dataflow whose traces are imported, and frees everything on drop', () => {
    const engine = new Engine(OPTIONS);
    const a = engine.install(IDENTITY, new Map());
    const b = engine.install(DOUBLE, new Map([['o', trace(a, 'o')]]));
    expect(() => engine.drop(a.dataflow)).toThrow(EngineUsageError);
    engine.drop(b.dataflow);
    expect(() => engine.read(trace(b, 'd'))).toThrow(EngineUsageError);
    engine.drop(a.dataflow);
    expect(() => engine.read(trace(a, 'o'))).toThrow(EngineUsageError);
    expect(() => engine.stats(a.dataflow)).toThrow(EngineUsageError);
    // The engine keeps ticking without them.
    expect(engine.tick().failures).toEqual([]);
  });

  it('keeps the records it holds flat over many epochs of small changes', () => {
    const engine = new Engine(OPTIONS);
    const p = program(`
      let e = input 0 | key($0[0] ; $0[1]);
      let r = input 1 | key($0[0] ;);
      reach: {
        let next = reach | join(e, ($2 ;));
        var reach = r + next | distinct;
      }
      export "o" = reach::reach | arrange;
    `);
    const { dataflow } = engine.install(p, new Map());
    const edges: [number, number][] = [];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 60; i++) edges.push([rand(30), rand(30)]);
    for (const e of edges) engine.feed(dataflow, 0, e, [], 0, 1);
    engine.feed(dataflow, 1, [0], [], 0, 1);
    engine.tick();
    const held = () => engine.stats(dataflow).reduce((s, o) => s + o.recordsHeld, 0);
    const samples: number[] = [];
    for (let k = 0; k < 1000; k++) {
      const i = rand(edges.length);
      engine.feed(dataflow, 0, edges[i] as [number, number], [], engine.epoch, -1);
      edges[i] = [rand(30), rand(30)];
      engine.feed(dataflow, 0, edges[i], [], engine.epoch, 1);
      engine.tick();
      if (k % 100 === 99) samples.push(held());
    }
    // Live data is ~60 edges and ≤30 nodes per arrangement: history must not pile up.
    expect(Math.max(...samples)).toBeLessThan(600);
  });

  it("reads a loop variable defined by a reducer from the reducer's trace, when only joins read its arrangement", () => {
    const reach = (extra: string): ProgramIr =>
      program(`
        let edges = input 0 | key($0[0] ; $0[1]);
        let roots = input 1 | key($0[0] ;);
        reach: {
          let next = reach | join(edges, ($2 ;));
          ${extra}
          var reach = roots + next | distinct;
        }
        export "reach" = reach::reach;
      `);
    // The records held by the arrangement of the loop variable (scope 1).
    const held = (engine: Engine, df: number, ir: ProgramIr): number => {
      const loop = ir.scopes[1];
      const variable = loop?.vars[0]?.item;
      const arrange = loop?.items.find((i) => i.op === 'arrange' && i.input === variable);
      const stats = engine.stats(df).find((s) => s.scope === 1 && s.item === arrange?.id);
      if (stats === undefined) throw new Error('no arrangement of the loop variable');
      return stats.recordsHeld;
    };
    for (const [extra, view] of [
      ['', true],
      // A reducer reading the variable's arrangement needs it built.
      ['let degree = reach | count;', false],
    ] as const) {
      const ir = reach(extra);
      const engine = new Engine(OPTIONS);
      const installed = engine.install(ir, new Map());
      const df = installed.dataflow;
      // 0 → 1 → 2 → 3 → 1 (a cycle), 4 unreachable.
      const edges: [number, number][] = [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 1],
        [4, 0],
      ];
      for (const edge of edges) engine.feed(df, 0, edge, [], engine.epoch, 1);
      engine.feed(df, 1, [0], [], engine.epoch, 1);
      engine.tick();
      const nodes = () => engine.read(trace(installed, 'reach')).map((r) => r[0]);
      expect(nodes()).toEqual([[0], [1], [2], [3]]);
      expect(held(engine, df, ir) === 0).toBe(view);
      // Cutting 0 → 1 must also retract the cycle 1 → 2 → 3 → 1.
      engine.feed(df, 0, [0, 1], [], engine.epoch, -1);
      engine.tick();
      expect(nodes()).toEqual([[0]]);
      engine.feed(df, 0, [0, 3], [], engine.epoch, 1);
      engine.tick();
      expect(nodes()).toEqual([[0], [1], [2], [3]]);
    }
  });

  it('counts updates per item for the last tick and in total', () => {
    const engine = new Engine(OPTIONS);
    const a = engine.install(IDENTITY, new Map());
    engine.feed(a.dataflow, 0, [1], [], 0, 1);
    engine.feed(a.dataflow, 0, [2], [], 0, 1);
    engine.tick();
    engine.feed(a.dataflow, 0, [3], [], 1, 1);
    engine.tick();
    const arrange = engine.stats(a.dataflow).find((s) => s.item === 1);
    expect(arrange).toMatchObject({ inLastTick: 1, outLastTick: 1, inTotal: 3, outTotal: 3, recordsHeld: 3 });
    // The sample holds the last tick's updates only, and none after a tick without output.
    expect(arrange?.lastUpdates).toEqual([{ key: [3], val: [], time: [1, 0], diff: 1 }]);
    engine.tick();
    expect(engine.stats(a.dataflow).find((s) => s.item === 1)?.lastUpdates).toEqual([]);
  });

  it('gives every fed row one owner when sharded, and runs a shard only through its steps', () => {
    const shards = [0, 1, 2].map((index) => new Engine(OPTIONS, { workers: 3, index }));
    const installed = shards.map((e) => runLocal(e.installSteps(IDENTITY, new Map())));
    for (let k = 0; k < 30; k++)
      shards.forEach((e, i) => e.feed(installed[i]?.dataflow ?? 0, 0, [k], [], 0, 1));
    expect(() => shards[0]?.tick()).toThrow(EngineUsageError);
    expect(() => shards[0]?.install(IDENTITY, new Map())).toThrow(/driven by its runtime/);
    // Every row is staged on exactly one worker (the one `ownsRow` names).
    const owners = Array.from({ length: 30 }, (_, k) =>
      [0, 1, 2].filter((index) => ownsRow({ workers: 3, index }, [k], [])),
    );
    expect(owners.every((o) => o.length === 1)).toBe(true);
    expect(new Set(owners.flat()).size).toBe(3);
  });
});
