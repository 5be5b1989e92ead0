/**
 * One measurement, in its own process (started by run.ts / ci.ts, so RSS is per
 * measurement and a run past its time limit can be killed):
 *
 *   node --expose-gc --import tsx bench/peers/measure.ts WORKLOAD SIZE IMPL [REPS] [WARMUP]
 *
 * WORKLOAD is `W1` (load the graph, first tick), `W2` (W1, then one-edge ticks) or `W3`
 * (join + count: load, then single-row changes). Each repetition builds everything afresh
 * from the same inputs; every result is checked against the oracle. WARMUP repetitions
 * (default 0) run first, untimed, so that the timed ones run in code V8 has compiled
 * already rather than while it compiles. Prints one line `RESULT {json}` per result (W3
 * gives `W3-load` and `W3-update`).
 */
import { loadImpl } from './impls/index.js';
import { RESULT_PREFIX } from './result.js';
import {
  ROOT,
  W2_TICKS,
  W3_CHANGES,
  bfs,
  joinCounts,
  sameCounts,
  sameNodes,
  summarize,
  w1Edges,
  w2Changes,
  w3Changes,
  w3Rows,
} from './workloads.js';
import type { Impl } from './impl.js';
import type { Result } from './result.js';

/** The from-scratch variant recomputes everything per tick: fewer ticks keep it in the time limit. */
const SCRATCH_TICKS = 10;

const gc = (globalThis as { gc?: () => void }).gc;

function rssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

interface Run {
  readonly load: number;
  readonly ticks: number[];
  readonly correct: boolean;
}

function runReach(impl: Impl, nodes: number, withTicks: boolean): Run {
  if (!impl.reach) throw new Error(`${impl.name} has no reachability`);
  const r = impl.reach();
  const edges = w1Edges(nodes);
  gc?.();
  const load = timed(() => r.load(nodes, edges, ROOT));
  let correct = sameNodes(r.reachable(), bfs(nodes, edges));
  const ticks: number[] = [];
  if (withTicks) {
    const changes = w2Changes(edges, nodes, impl.name === 'ddir-scratch' ? SCRATCH_TICKS : W2_TICKS);
    for (const c of changes) ticks.push(timed(() => r.change(c)));
    correct = correct && sameNodes(r.reachable(), bfs(nodes, edges));
  }
  return { load, ticks, correct };
}

function runJoinCount(impl: Impl, m: number): Run {
  if (!impl.joinCount) throw new Error(`${impl.name} has no join count`);
  const j = impl.joinCount();
  const rows = w3Rows(m);
  gc?.();
  const load = timed(() => j.load(rows[0], rows[1]));
  let correct = sameCounts(j.counts(), joinCounts(rows[0], rows[1]));
  const changes = w3Changes(rows, m, impl.name === 'ddir-scratch' ? SCRATCH_TICKS : W3_CHANGES);
  const ticks = changes.map((c) => timed(() => j.change(c)));
  correct = correct && sameCounts(j.counts(), joinCounts(rows[0], rows[1]));
  return { load, ticks, correct };
}

async function main(): Promise<void> {
  const [workload = '', sizeText = '', implName = '', repsText = '1', warmupText = '0'] =
    process.argv.slice(2);
  const size = Number(sizeText);
  const reps = Math.max(1, Number(repsText));
  const warmup = Math.max(0, Number(warmupText));
  if (!['W1', 'W2', 'W3'].includes(workload) || !(size > 0))
    throw new Error('usage: measure.ts W1|W2|W3 SIZE IMPL [REPS] [WARMUP]');
  const impl = await loadImpl(implName);
  const run = (): Run =>
    workload === 'W3' ? runJoinCount(impl, size) : runReach(impl, size, workload === 'W2');
  const warm: Run[] = [];
  for (let i = 0; i < warmup; i++) warm.push(run());
  const runs: Run[] = [];
  for (let i = 0; i < reps; i++) runs.push(run());
  const correct = [...warm, ...runs].every((r) => r.correct);
  const base = { size, impl: impl.name, workers: 1, rss_mb: rssMb(), correct, status: 'ok' } as const;
  const loads = summarize(runs.map((r) => r.load));
  const ticks = summarize(runs.flatMap((r) => r.ticks));
  const out: Result[] = [];
  const loadRow = (name: string): Result => ({
    workload: name,
    ...base,
    ms: round(loads.median),
    p90_ms: reps > 1 ? round(loads.p90) : null,
  });
  const tickRow = (name: string): Result => ({
    workload: name,
    ...base,
    ms: round(ticks.median),
    p90_ms: round(ticks.p90),
  });
  if (workload === 'W1') out.push(loadRow('W1'));
  if (workload === 'W2') out.push(tickRow('W2'));
  if (workload === 'W3') out.push(loadRow('W3-load'), tickRow('W3-update'));
  for (const r of out) console.log(RESULT_PREFIX + JSON.stringify(r));
}

function round(ms: number): number {
  return ms >= 100 ? Math.round(ms) : Number(ms.toPrecision(3));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
