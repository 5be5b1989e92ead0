/**
 * Helpers for the sharding tests: run a session script through a worker pool the way
 * `ddir run --json` does (errors tagged with their script line, stopping at `exit`), and
 * normalize `--json` output for comparison — inspect updates between two other events
 * consolidated (equal program, label, key, val, time summed, zeros dropped) and sorted,
 * every other event compared as it is — and run engine property cases on one engine and
 * on sharded engines side by side.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { rowId, rowText } from './reference/multiset.js';
import type { Feed } from './reference/program-gen.js';
import type { Contents } from './reference/run-case.js';
import type { InspectUpdate, Installed } from '../src/engine/api.js';
import type { Steps } from '../src/engine/cluster.js';
import { Engine } from '../src/engine/engine.js';
import type { ProgramIr } from '../src/lang/ir.js';
import { compareValues } from '../src/lang/value-order.js';
import { loopbackMesh } from '../src/runtime/in-process.js';
import { Mesh } from '../src/runtime/mesh.js';
import { Pool } from '../src/runtime/pool.js';
import type { Transport } from '../src/runtime/transport.js';
import { DEFAULT_BUDGET } from '../src/server/session.js';
import { scriptLines, withLine } from '../src/server/script.js';
import type { InspectEvent, ServerEvent } from '../src/server/events.js';

/** How to run a script on a pool. */
export interface ScriptRun {
  readonly workers: number;
  readonly maxIterations?: number;
  readonly maxSeconds?: number;
  /** Directories `install` files are looked up in, in order. */
  readonly dirs: readonly string[];
}

/** The budgets of a script's `# options: …` first line. */
export function scriptOptions(text: string): { maxIterations?: number; maxSeconds?: number } {
  const options = /^# options: (.*)$/m.exec(text.split('\n')[0] ?? '')?.[1]?.split(/\s+/) ?? [];
  const out: { maxIterations?: number; maxSeconds?: number } = {};
  for (let i = 0; i < options.length; i += 2) {
    if (options[i] === '--max-iterations') out.maxIterations = Number(options[i + 1]);
    if (options[i] === '--max-seconds') out.maxSeconds = Number(options[i + 1]);
  }
  return out;
}

/** A `readFile` looking in each directory in turn. */
export function readFrom(dirs: readonly string[]): (path: string) => string | undefined {
  return (path) => {
    for (const dir of dirs) {
      try {
        return readFileSync(isAbsolute(path) ? path : join(dir, path), 'utf8');
      } catch {
        // not here; try the next directory
      }
    }
    return undefined;
  };
}

/** Starts a pool for a script run. */
export function startPool(transport: Transport, run: ScriptRun): Promise<Pool> {
  return Pool.start(transport, {
    workers: run.workers,
    maxIterations: run.maxIterations ?? DEFAULT_BUDGET.maxIterations,
    maxSeconds: run.maxSeconds ?? DEFAULT_BUDGET.maxSeconds,
    readFile: readFrom(run.dirs),
  });
}

/** Runs a script's lines on a pool; returns every event as one JSON line. */
export async function runLines(pool: Pool, text: string): Promise<string[]> {
  const out: string[] = [];
  for (const line of scriptLines(text)) {
    if (pool.finished) break;
    for (const e of await pool.execute(line.text)) {
      out.push(JSON.stringify(e.event === 'error' ? withLine(e, line.line) : e));
    }
  }
  return out;
}

/** Runs a whole script on a fresh pool and closes it. */
export async function runScriptOnPool(transport: Transport, text: string, run: ScriptRun): Promise<string[]> {
  const pool = await startPool(transport, run);
  try {
    return await runLines(pool, text);
  } finally {
    await pool.close();
  }
}

/** `--json` output as comparable data (see the module header). */
export function normalizeEvents(text: string): unknown[] {
  const out: unknown[] = [];
  let run = new Map<string, { event: InspectEvent; diff: number }>();
  const flush = (): void => {
    const kept = [...run.entries()]
      .filter(([, r]) => r.diff !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, r] of kept) out.push({ ...r.event, diff: r.diff });
    run = new Map();
  };
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
    const event = JSON.parse(line) as ServerEvent;
    if (event.event === 'inspect') {
      // Events are JSON already: their text identifies (program, label, key, val, time).
      const id = JSON.stringify([event.program, event.label, event.key, event.val, event.time]);
      const seen = run.get(id);
      run.set(id, { event, diff: (seen?.diff ?? 0) + event.diff });
      continue;
    }
    flush();
    out.push(event);
  }
  flush();
  return out;
}

/** What a run shows after each epoch: every export's rows, and the tick's inspect updates. */
export interface RunView {
  readonly contents: Contents[];
  /** Per epoch: inspect updates consolidated by (dataflow, label, key, val, time), as sorted text. */
  readonly inspects: string[][];
}

/** Inspect updates consolidated (zeros dropped) and sorted, one text line each. */
export function inspectLines(updates: readonly InspectUpdate[]): string[] {
  const sums = new Map<string, number>();
  for (const u of updates) {
    const id = `${u.label} ${rowId(u.key, u.val)} @[${u.time.join(',')}]`;
    sums.set(id, (sums.get(id) ?? 0) + u.diff);
  }
  return [...sums]
    .filter(([, d]) => d !== 0)
    .map(([id, d]) => `${id} ×${d}`)
    .sort();
}

/** One engine run, as `engineRun` of run-case.ts, also keeping each tick's inspect updates. */
export function singleRun(optimized: ProgramIr, feeds: readonly Feed[], epochs: number): RunView {
  const engine = new Engine({ maxIterations: 100_000, maxSeconds: 60 });
  const installed = engine.install(optimized, new Map());
  const reads = new Set(optimized.inputs);
  const view: RunView = { contents: [], inspects: [] };
  for (let e = 0; e < epochs; e++) {
    for (const f of feeds) {
      if (f.epoch === e && reads.has(f.input))
        engine.feed(installed.dataflow, f.input, f.key, f.val, f.time, f.diff);
    }
    const tick = engine.tick();
    if (tick.failures.length > 0)
      throw new Error(`tick ${e} failed: ${tick.failures.map((f) => f.message).join('; ')}`);
    const contents: Record<string, readonly string[]> = {};
    for (const [name, trace] of installed.exports) {
      contents[name] = engine.read(trace).map(([key, val, mult]) => rowText(key, val, mult));
    }
    view.contents.push(contents);
    view.inspects.push(inspectLines(tick.inspects));
  }
  return view;
}

/**
 * The same run on `workers` sharded engines whose meshes are loopback channels: every
 * worker gets every feed (each keeps its shard), the ticks meet at their collectives,
 * and each export's rows are the union of the shards, sorted by (key, val).
 */
export async function shardedRun(
  optimized: ProgramIr,
  feeds: readonly Feed[],
  epochs: number,
  workers: number,
): Promise<RunView> {
  const meshes = loopbackMesh(workers).map((peers, i) => new Mesh(i, peers));
  const engines = meshes.map(
    (_, index) => new Engine({ maxIterations: 100_000, maxSeconds: 60 }, { workers, index }),
  );
  const all = <R>(steps: (engine: Engine) => Steps<R>): Promise<R[]> =>
    Promise.all(engines.map((engine, i) => (meshes[i] as Mesh).run(steps(engine))));
  const installed = await all((engine) => engine.installSteps(optimized, new Map()));
  const reads = new Set(optimized.inputs);
  const view: RunView = { contents: [], inspects: [] };
  for (let e = 0; e < epochs; e++) {
    engines.forEach((engine, i) => {
      const dataflow = (installed[i] as Installed).dataflow;
      for (const f of feeds) {
        if (f.epoch === e && reads.has(f.input)) engine.feed(dataflow, f.input, f.key, f.val, f.time, f.diff);
      }
    });
    const ticks = await all((engine) => engine.tickSteps());
    const failures = ticks.map((t) => t.failures.map((f) => f.message).join('; '));
    if (failures.some((f) => f !== failures[0]))
      throw new Error(`workers disagree on failures: ${failures.join(' / ')}`);
    if (failures[0] !== '') throw new Error(`tick ${e} failed: ${failures[0]}`);
    const contents: Record<string, readonly string[]> = {};
    for (const [name, trace] of (installed[0] as Installed).exports) {
      const rows = engines.flatMap((engine) => engine.read(trace));
      rows.sort((a, b) => compareValues(a[0], b[0]) || compareValues(a[1], b[1]));
      contents[name] = rows.map(([key, val, mult]) => rowText(key, val, mult));
    }
    view.contents.push(contents);
    view.inspects.push(inspectLines(ticks.flatMap((t) => t.inspects)));
  }
  return view;
}
