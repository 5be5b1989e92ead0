/**
 * Benchmark: incremental reachability (BENCH, ENGINE.md "Hard requirements" 2).
 *
 * Builds the reachability program as IR (the same shape the front end produces), loads
 * a random graph of N nodes and 2N edges (deterministic PRNG) with root 0, then runs 50
 * ticks that each retract one existing edge and add one new edge. Reports the load time,
 * the median and p90 tick time, and per-item update counts. Run with
 * `npx tsx bench/engine-reach.ts [N ...]` (default: 10000 100000).
 */
import { Engine } from '../src/engine/engine.js';
import type { ItemIr, LinearOp, ProgramIr, ScopeIr } from '../src/lang/ir.js';
import type { Span } from '../src/lang/source.js';
import type { ProjectionIr, Term } from '../src/lang/term.js';
import type { Value } from '../src/lang/value.js';

const S: Span = { start: 0, end: 0 };
const dollar = (index: number): Term => ({ k: 'dollar', index, span: S });
const field = (row: number, index: number): Term => ({ k: 'index', target: dollar(row), index, span: S });
const term = (t: Term) => ({ k: 'term' as const, term: t, span: S });
const project = (proj: ProjectionIr): LinearOp => ({ k: 'project', proj, span: S });

/** `edges = input 0 | key($0[0] ; $0[1])`, `roots = input 1 | key($0[0] ;)`, reach loop, export. */
function reachProgram(): ProgramIr {
  const rootItems: ItemIr[] = [
    { id: 0, op: 'input', index: 0, span: S },
    {
      id: 1,
      op: 'linear',
      input: 0,
      ops: [project({ key: [term(field(0, 0))], val: [term(field(0, 1))], span: S })],
      span: S,
    },
    { id: 2, op: 'input', index: 1, span: S },
    {
      id: 3,
      op: 'linear',
      input: 2,
      ops: [project({ key: [term(field(0, 0))], val: [], span: S })],
      span: S,
    },
    { id: 4, op: 'arrange', input: 1, span: S },
    { id: 5, op: 'scope', child: 1, span: S },
    { id: 6, op: 'leave', child: 1, from: 0, span: S },
    { id: 7, op: 'arrange', input: 6, span: S },
  ];
  const loopItems: ItemIr[] = [
    { id: 0, op: 'variable', variable: 0, span: S },
    { id: 1, op: 'arrange', input: 0, span: S },
    { id: 2, op: 'enter', from: 4, span: S },
    {
      id: 3,
      op: 'join',
      left: 1,
      right: 2,
      proj: { key: [{ k: 'splice', index: 2, span: S }], val: [], span: S },
      span: S,
    },
    { id: 4, op: 'enter', from: 3, span: S },
    { id: 5, op: 'concat', inputs: [4, 3], span: S },
    { id: 6, op: 'arrange', input: 5, span: S },
    { id: 7, op: 'reduce', input: 6, reducer: 'distinct', span: S },
  ];
  const root: ScopeIr = {
    id: 0,
    name: '',
    parent: null,
    depth: 0,
    items: rootItems,
    vars: [],
    names: new Map(),
    children: [1],
    span: S,
  };
  const loop: ScopeIr = {
    id: 1,
    name: 'reach',
    parent: 0,
    depth: 1,
    items: loopItems,
    vars: [{ name: 'reach', item: 0, next: 7, span: S }],
    names: new Map(),
    children: [],
    span: S,
  };
  return {
    syntax: 'ddp',
    scopes: [root, loop],
    inputs: [0, 1],
    imports: [],
    exports: [{ name: 'reach', item: 7, span: S }],
  };
}

/** xorshift32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function bench(n: number): void {
  const rand = prng(12345 + n);
  const engine = new Engine({ maxIterations: 1_000_000, maxSeconds: 600 });
  const program = reachProgram();
  const { dataflow, exports } = engine.install(program, new Map());
  const edges: [number, number][] = [];
  for (let i = 0; i < 2 * n; i++) edges.push([rand() % n, rand() % n]);
  const t0 = performance.now();
  for (const [a, b] of edges) engine.feed(dataflow, 0, [a, b] as Value, [], engine.epoch, 1);
  engine.feed(dataflow, 1, [0], [], engine.epoch, 1);
  engine.tick();
  const load = performance.now() - t0;
  const reached = engine.read(exports.get('reach') as number).length;
  const loadStats = engine.stats(dataflow);
  const times: number[] = [];
  for (let k = 0; k < 50; k++) {
    const i = rand() % edges.length;
    const [a, b] = edges[i] as [number, number];
    const fresh: [number, number] = [rand() % n, rand() % n];
    edges[i] = fresh;
    const s = performance.now();
    engine.feed(dataflow, 0, [a, b], [], engine.epoch, -1);
    engine.feed(dataflow, 0, fresh, [], engine.epoch, 1);
    engine.tick();
    times.push(performance.now() - s);
  }
  const lastStats = engine.stats(dataflow);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`N=${n} edges=${2 * n} reached=${reached}`);
  console.log(
    `  load ${load.toFixed(0)} ms; tick median ${percentile(sorted, 0.5).toFixed(2)} ms, p90 ${percentile(sorted, 0.9).toFixed(2)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(2)} ms`,
  );
  console.log(`  ratio tick-median / load = 1/${(load / percentile(sorted, 0.5)).toFixed(0)}`);
  const names = ['input0', 'edges', 'input1', 'roots', 'arrange(edges)', 'scope', 'leave', 'arrange(out)'];
  const loopNames = [
    'var reach',
    'arrange(reach)',
    'enter(edges)',
    'join',
    'enter(roots)',
    'concat',
    'arrange',
    'distinct',
  ];
  for (let i = 0; i < loadStats.length; i++) {
    const a = loadStats[i];
    const b = lastStats[i];
    if (a === undefined || b === undefined) continue;
    const name = (a.scope === 0 ? names : loopNames)[a.item] ?? `${a.scope}:${a.item}`;
    console.log(
      `  ${name.padEnd(16)} load out ${String(a.outLastTick).padStart(8)}  last tick in ${String(b.inLastTick).padStart(5)} out ${String(b.outLastTick).padStart(5)}  held ${b.recordsHeld}`,
    );
  }
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((x) => x > 0);
for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) bench(n);
