/**
 * Benchmark: incremental reachability (issue "engine", ENGINE.md "Hard requirements" 2).
 *
 * Compiles the reachability program with the real front end, loads a random graph of N
 * nodes and 2N edges (deterministic PRNG) with root 0, then runs 50 ticks that each
 * retract one existing edge and add one new edge, and 50 ticks that each change 100
 * edges. Reports the load time, median and p90 tick times, their ratio to the load (the
 * acceptance bound is 1/100 for single-edge ticks), and per-operator update counts of
 * the load and of the last single-edge tick. A from-scratch engine would spend about
 * the load time on every tick; a differential one does work proportional to the change.
 *
 * Run with `npx tsx bench/engine-reach.ts [N ...]` (default: 10000 100000).
 */
import { Engine } from '../src/engine/engine.js';
import { compile } from '../src/lang/compile.js';
import type { ProgramIr } from '../src/lang/ir.js';
import { REACH_DDP } from './peers/impls/ddir.js';

/** The optimized reachability program. */
export function reachProgram(): ProgramIr {
  const { optimized, diagnostics } = compile(REACH_DDP, 'reach.ddp');
  if (!optimized)
    throw new Error(`reach.ddp does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  return optimized;
}

/** xorshift32: a small deterministic PRNG (shared by the benchmarks). */
export function prng(seed: number): () => number {
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

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/** One benchmark run's figures (milliseconds). */
export interface ReachFigures {
  readonly nodes: number;
  readonly reached: number;
  readonly loadMs: number;
  readonly tick1: { readonly median: number; readonly p90: number };
  readonly tick100: { readonly median: number; readonly p90: number };
}

/** Loads N nodes / 2N edges, then times single-edge and 100-edge ticks. */
export function benchReach(n: number, log: (line: string) => void = () => {}): ReachFigures {
  const rand = prng(12345 + n);
  const engine = new Engine({ maxIterations: 1_000_000, maxSeconds: 600 });
  const program = reachProgram();
  const { dataflow, exports } = engine.install(program, new Map());
  const edges: [number, number][] = [];
  for (let i = 0; i < 2 * n; i++) edges.push([rand() % n, rand() % n]);
  const t0 = performance.now();
  for (const edge of edges) engine.feed(dataflow, 0, edge, [], engine.epoch, 1);
  engine.feed(dataflow, 1, [0], [], engine.epoch, 1);
  engine.tick();
  const loadMs = performance.now() - t0;
  const reached = engine.read(exports.get('reach') as number).length;
  const loadStats = engine.stats(dataflow);

  const change = (count: number): number => {
    const s = performance.now();
    for (let c = 0; c < count; c++) {
      const i = rand() % edges.length;
      const old = edges[i] as [number, number];
      const fresh: [number, number] = [rand() % n, rand() % n];
      edges[i] = fresh;
      engine.feed(dataflow, 0, old, [], engine.epoch, -1);
      engine.feed(dataflow, 0, fresh, [], engine.epoch, 1);
    }
    engine.tick();
    return performance.now() - s;
  };
  const summary = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
  };
  const tick1 = summary(Array.from({ length: 50 }, () => change(1)));
  const lastStats = engine.stats(dataflow);
  const tick100 = summary(Array.from({ length: 50 }, () => change(100)));

  log(`N=${n} edges=${2 * n} reached=${reached}`);
  log(`  load ${loadMs.toFixed(0)} ms`);
  log(
    `  1-edge ticks:   median ${tick1.median.toFixed(3)} ms, p90 ${tick1.p90.toFixed(3)} ms  (median = 1/${(loadMs / tick1.median).toFixed(0)} of the load)`,
  );
  log(
    `  100-edge ticks: median ${tick100.median.toFixed(3)} ms, p90 ${tick100.p90.toFixed(3)} ms  (median = 1/${(loadMs / tick100.median).toFixed(0)} of the load)`,
  );
  log('  operator                 load: in/out          last 1-edge tick: in/out   held');
  for (let i = 0; i < loadStats.length; i++) {
    const a = loadStats[i];
    const b = lastStats[i];
    if (a === undefined || b === undefined) continue;
    const item = program.scopes[a.scope]?.items[a.item];
    const label = `${'  '.repeat(a.scope === 0 ? 0 : 1)}${item?.op ?? '?'}${item?.name ? ` ${item.name}` : ''}`;
    log(
      `  ${label.padEnd(22)} ${String(a.inLastTick).padStart(8)}/${String(a.outLastTick).padEnd(8)}  ${String(b.inLastTick).padStart(12)}/${String(b.outLastTick).padEnd(8)}  ${b.recordsHeld}`,
    );
  }
  return { nodes: n, reached, loadMs, tick1, tick100 };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) benchReach(n, (line) => console.log(line));
}
