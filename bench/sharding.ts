/**
 * Benchmark: sharded execution over 1, 2 and 4 `worker_threads` workers, side by side
 * (issue #5). Two workloads through the real pool (`Pool` + `nodeTransport`, the path of
 * `ddir run --workers N`):
 * - reach: reachability over `random:nodes=N,edges=2N` from root 0 (load tick), then
 *   incremental ticks that each add one random edge and retract the previous one;
 * - join: two-hop paths and triangles over `random:nodes=M,edges=2M` (three arrangements
 *   of one edge set, two joins, two counts), then ticks that each add ten edges.
 * For every run it reports wall time per phase, the process's total CPU (every thread),
 * each worker's thread CPU, the time spent encoding, decoding and waiting for peers,
 * the exchange volume, and the records each worker holds. From the per-round CPU
 * segments of every worker (profiled pools) it derives the critical path
 * Σ_rounds max_workers(CPU), and so the speed-up a machine with one free core per
 * worker would give: T(1 worker) / (critical path + rounds × round latency), the latency
 * measured by a ping-pong between two threads. (Exchanged buffers are transferred, not
 * copied, so the volume costs encode/decode CPU, which the segments include.)
 *
 * Run: `npx tsx bench/sharding.ts [--nodes N] [--join M] [--ticks K] [--workers 1,2,4]`
 * (defaults N = 100000, M = 50000, K = 10). The size is `--nodes 1000000`
 * (minutes; give threads room with `NODE_OPTIONS=--max-old-space-size=8192`).
 * Per-thread CPU needs Linux (/proc/thread-self/schedstat).
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { nodeTransport } from '../src/runtime/node-workers.js';
import { Pool } from '../src/runtime/pool.js';
import type { WorkerStats } from '../src/runtime/protocol.js';
import type { ServerEvent } from '../src/server/events.js';
import { prng } from './engine-reach.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const NODES = Number(option('nodes', '100000'));
const JOIN_NODES = Number(option('join', '50000'));
const TICKS = Number(option('ticks', '10'));
const WORKERS = option('workers', '1,2,4').split(',').map(Number);

interface Workload {
  readonly name: string;
  readonly files: Record<string, string>;
  /** A small instance of the same work, run and dropped first: JIT warm-up of every thread. */
  readonly warmup: string[];
  /** The commands before the load tick, then the load tick's line, then each later tick's lines. */
  readonly setup: string[];
  readonly ticks: string[][];
}

const reachProgram = (n: number): string => `
  let edges = (import "random:nodes=${n},edges=${2 * n}" | key($0[0] ; $0[1])) + (input 1 | key($0[0] ; $0[1]));
  let roots = input 0 | key($0[0] ;);
  reach: {
    let next = reach | join(edges, ($2 ;));
    var reach = roots + next | distinct;
  }
  export "reach" = reach::reach;
  export "reached" = reach::reach | key(;) | count;`;

const joinProgram = (m: number, name: string): string => `
  let all = import "random:nodes=${m},edges=${2 * m},seed=3" + input 0;
  let out = all | key($0[0] ; $0[1]);
  let inn = all | key($0[1] ; $0[0]);
  let back = all | key($0[1], $0[0] ;);
  let two = inn | join(out, ($1[0], $2[0] ; $0[0]));
  let tri = two | join(back, ($0[0], $0[1] ; $1[0]));
  export "${name}paths" = two | key($0[0] ;) | count;
  export "${name}triangles" = tri | key($0[0] ;) | count;
  export "${name}total" = tri | key(;) | count;`;

function warmup(file: string, feeds: string[], source: string): string[] {
  return [`install warm ${file}`, ...feeds, 'tick', 'drop warm', `drop ${source}`];
}

function reachWorkload(n: number): Workload {
  const rand = prng(7);
  const small = Math.max(100, Math.round(n / 20));
  const ticks: string[][] = [];
  let previous: string | null = null;
  for (let k = 0; k < TICKS; k++) {
    const edge = `${rand() % n},${rand() % n}`;
    ticks.push([`feed r 1 ${edge}`, ...(previous === null ? [] : [`feed r 1 ${previous} diff=-1`]), 'tick']);
    previous = edge;
  }
  return {
    name: `reach ${n} nodes / ${2 * n} edges`,
    files: { 'reach.ddp': reachProgram(n), 'warm.ddp': reachProgram(small).replace(/"reach/g, '"warm') },
    warmup: warmup('warm.ddp', ['feed warm 0 0'], `random:nodes=${small},edges=${2 * small}`),
    setup: ['install r reach.ddp', 'feed r 0 0'],
    ticks,
  };
}

function joinWorkload(m: number): Workload {
  const rand = prng(11);
  const small = Math.max(100, Math.round(m / 20));
  const ticks: string[][] = [];
  for (let k = 0; k < TICKS; k++) {
    const feeds: string[] = [];
    for (let j = 0; j < 10; j++) feeds.push(`feed t 0 ${rand() % m},${rand() % m}`);
    ticks.push([...feeds, 'tick']);
  }
  return {
    name: `join ${m} nodes / ${2 * m} edges`,
    files: { 'tri.ddp': joinProgram(m, ''), 'warm.ddp': joinProgram(small, 'warm') },
    warmup: warmup('warm.ddp', [], `random:nodes=${small},edges=${2 * small},seed=3`),
    setup: ['install t tri.ddp'],
    ticks,
  };
}

/** The median one-way latency of a message between two threads, in ms. */
async function messageLatency(): Promise<number> {
  const { port1, port2 } = new MessageChannel();
  const echo = new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.once('message', (port) => port.on('message', (m) => port.postMessage(m)));`,
    { eval: true },
  );
  echo.postMessage(port2, [port2]);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      port1.once('message', () => resolve());
      port1.postMessage(i);
    });
    times.push((performance.now() - t0) / 2);
  }
  port1.close();
  await echo.terminate();
  times.sort((a, b) => a - b);
  return times[times.length >> 1] ?? 0;
}

interface Run {
  readonly workers: number;
  readonly installMs: number;
  readonly loadMs: number;
  readonly tickMedianMs: number;
  readonly processCpuMs: number;
  readonly warmupCpuMs: number;
  readonly stats: WorkerStats[];
  readonly criticalMs: number;
  readonly rounds: number;
  readonly result: string;
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

function firstError(events: readonly ServerEvent[]): string | null {
  const e = events.find((x) => x.event === 'error');
  return e === undefined || e.event !== 'error' ? null : e.message;
}

async function runOnce(w: Workload, workers: number): Promise<Run> {
  const pool = await Pool.start(nodeTransport, {
    workers,
    maxIterations: 1_000_000,
    maxSeconds: 3600,
    readFile: (p) => w.files[p],
    profile: true,
  });
  const run = async (line: string): Promise<ServerEvent[]> => {
    const events = await pool.execute(line);
    const error = firstError(events);
    if (error !== null) throw new Error(`${line}: ${error}`);
    return events;
  };
  // Starting threads, loading and optimizing code in each is a fixed cost per worker,
  // not part of the work: reported apart, and the measurement starts after it.
  const cold = process.cpuUsage();
  for (const line of w.warmup) await run(line);
  const started = await pool.stats();
  const warmupCpuMs = cpuMs(process.cpuUsage(cold));
  const cpu0 = process.cpuUsage();
  let t = performance.now();
  for (const line of w.setup) await run(line);
  const installMs = performance.now() - t;
  t = performance.now();
  await run('tick');
  const loadMs = performance.now() - t;
  const tickMs: number[] = [];
  for (const lines of w.ticks) {
    t = performance.now();
    for (const line of lines) await run(line);
    tickMs.push(performance.now() - t);
  }
  const peeked = await run(w.name.startsWith('reach') ? 'peek reached' : 'peek total');
  // (The warm-up's programs and sources are dropped, so only the measured work is held.)
  const stats = (await pool.stats()).map((s, i) => ({
    ...s,
    cpuMs: (s.cpuMs ?? NaN) - (started[i]?.cpuMs ?? NaN),
  }));
  const cpu = process.cpuUsage(cpu0);
  await pool.close();
  // Critical path: per round, the slowest worker's CPU; every worker has one segment per round.
  const segments = stats.map((s) => s.segments ?? []);
  const rounds = Math.min(...segments.map((s) => s.length));
  if (segments.some((s) => s.length !== rounds))
    throw new Error('workers recorded different numbers of rounds');
  let criticalMs = 0;
  for (let r = 0; r < rounds; r++) criticalMs += Math.max(...segments.map((s) => s[r] ?? 0));
  const peek = peeked[0];
  return {
    workers,
    installMs,
    loadMs,
    tickMedianMs: median(tickMs),
    processCpuMs: cpuMs(cpu),
    warmupCpuMs,
    stats,
    criticalMs,
    rounds,
    result: peek !== undefined && peek.event === 'peek' ? JSON.stringify(peek.rows) : '?',
  };
}

const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const pad = (s: string, n: number): string => s.padStart(n);

function report(w: Workload, runs: readonly Run[], latencyMs: number): void {
  console.log(
    `\n== ${w.name}: install (catching up on the closed past), load tick, ${w.ticks.length} incremental ticks`,
  );
  const base = runs.find((r) => r.workers === 1) ?? runs[0];
  if (base === undefined) return;
  const same = runs.every((r) => r.result === base.result);
  console.log(
    `   result ${base.result.slice(0, 80)} — ${same ? 'identical for every worker count' : 'DIFFERS between worker counts!'}`,
  );
  const head = [
    'workers',
    'warm-up CPU',
    'install+catchup',
    'load tick',
    'tick p50',
    'process CPU',
    'CPU ×1',
    'critical path',
    'rounds',
    'ideal speed-up',
  ];
  console.log('   ' + head.map((h, i) => pad(h, i === 0 ? 7 : 15)).join(''));
  // T(1): everything the lone worker did (its critical path is all of its CPU).
  for (const r of runs) {
    const ideal = base.criticalMs / (r.criticalMs + r.rounds * latencyMs);
    console.log(
      '   ' +
        [
          pad(String(r.workers), 7),
          pad(fmt(r.warmupCpuMs), 15),
          pad(fmt(r.installMs), 15),
          pad(fmt(r.loadMs), 15),
          pad(`${r.tickMedianMs.toFixed(1)} ms`, 15),
          pad(fmt(r.processCpuMs), 15),
          pad(`${(r.processCpuMs / base.processCpuMs).toFixed(2)}×`, 15),
          pad(fmt(r.criticalMs), 15),
          pad(String(r.rounds), 15),
          pad(`${ideal.toFixed(2)}×`, 15),
        ].join(''),
    );
  }
  console.log(
    '   per worker: thread CPU | encode | decode | wait | rows sent (kept) | MB sent | records held',
  );
  for (const r of runs) {
    const held = r.stats.map((s) =>
      s.programs.reduce((a, p) => a + p.operators.reduce((b, o) => b + o.recordsHeld, 0), 0),
    );
    const avg = held.reduce((a, b) => a + b, 0) / held.length;
    for (const s of r.stats) {
      const m = s.mesh;
      console.log(
        `   ${r.workers}w #${s.index}: ${pad(fmt(s.cpuMs ?? NaN), 8)} | ${pad(fmt(m.encodeMs), 7)} | ${pad(fmt(m.decodeMs), 7)} | ${pad(fmt(m.waitMs), 8)} | ${pad(String(m.rowsSent), 9)} (${m.rowsKept}) | ${pad((m.bytesSent / 2 ** 20).toFixed(1), 6)} | ${held[s.index]}`,
      );
    }
    if (r.workers > 1)
      console.log(
        `   ${r.workers}w: max records per worker / average = ${(Math.max(...held) / avg).toFixed(3)}`,
      );
  }
}

const latency = await messageLatency();
console.log(`message latency between two threads (median one-way): ${(latency * 1000).toFixed(0)} µs`);
for (const w of [reachWorkload(NODES), joinWorkload(JOIN_NODES)]) {
  const runs: Run[] = [];
  for (const workers of WORKERS) runs.push(await runOnce(w, workers));
  report(w, runs, latency);
}
