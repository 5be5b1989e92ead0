/**
 * `createPoolBackend(options)`: the `Backend` on the sharded worker pool (src/runtime/
 * pool.ts) — `workers` Web Workers in the page (browser.ts), the in-process transport in
 * unit tests. One code path for every worker count, 1 included.
 *
 * The pool is the sequencer: it keeps its own journal of the commands it ran and
 * replays it on Stop (`pool.stop()` terminates the workers at once) and on a worker-count
 * change (`pool.resize(n)`). This module keeps the UI's journal beside it (only
 * completed commands that were not rejected, with the program text an `install` read),
 * which rebuilds a fresh pool when the budget changes and feeds `diagnose`. Stop rejects
 * every pending call with `StoppedError`. Reset on a pool nothing has used yet (the first
 * page's Run script, right after the backend started) keeps it instead of booting another
 * one: a fresh pool is what a rebuild would make. `snapshot` is `list` plus one `peek` per
 * published trace; `plans` compiles each installed program's text on this thread (a
 * `PlanBook`, as `ddir run --stats` does) and sums the workers' per-operator counters,
 * keeping each worker's records held per program for the per-worker view.
 */
import { commandWord, entryFiles, journalEntry } from './journal.js';
import { PlanBook } from './plans.js';
import { sumOperatorStats } from '../../engine/stats.js';
import { StoppedError } from './protocol.js';
import type {
  Backend,
  JournalEntry,
  ProgramPlan,
  RunBudget,
  Snapshot,
  StopReport,
  TraceSnapshot,
} from './protocol.js';
import type { Pool } from '../../runtime/pool.js';
import type { WorkerStats } from '../../runtime/protocol.js';
import type { OperatorStats } from '../../engine/api.js';
import type { ListEvent, ServerEvent } from '../../server/events.js';

/** Starts a pool of `workers` workers with this budget (an empty session). */
export type StartPool = (workers: number, budget: RunBudget) => Promise<Pool>;

/** How the backend starts. */
export interface PoolBackendOptions {
  readonly budget: RunBudget;
  readonly workers: number;
  readonly startPool: StartPool;
}

interface Pending {
  readonly line: string;
  readonly reject: (error: Error) => void;
}

/** The longest a diagnosis may take before it is abandoned. */
const DIAGNOSE_TIMEOUT_MS = 8000;

/** True when the command's events say it was rejected (and so changed nothing). */
function rejected(line: string, events: readonly ServerEvent[]): boolean {
  return commandWord(line) !== 'tick' && events[0]?.event === 'error';
}

/** A file lookup over the playground's files (`./a.ddp` is `a.ddp`). */
function reader(files: Readonly<Record<string, string>>): (path: string) => string | undefined {
  return (path) => files[path] ?? files[path.replace(/^\.\//, '')];
}

/** Replays journal entries on a pool (their events are not needed). */
async function replay(pool: Pool, entries: readonly JournalEntry[]): Promise<void> {
  for (const entry of entries) await pool.execute(entry.line, reader(entryFiles(entry)));
}

/** Frees a pool even while it runs a command (stop terminates the workers first). */
function discard(pool: Promise<Pool>): void {
  void pool.then((p) => p.stop().then(() => p.close())).catch(() => undefined);
}

class PoolBackend implements Backend {
  private entries: JournalEntry[] = [];
  private book = new PlanBook();
  private readonly pending = new Set<Pending>();
  private budget: RunBudget;
  private workers: number;
  private pool: Promise<Pool>;
  /** True while the pool is a fresh one (current workers and budget) that nothing has used. */
  private pristine = true;

  constructor(private readonly options: PoolBackendOptions) {
    this.budget = options.budget;
    this.workers = options.workers;
    this.pool = options.startPool(this.workers, this.budget);
  }

  /** Runs `call` on the pool; Stop rejects it. */
  private track<T>(line: string, call: (pool: Pool) => Promise<T>): Promise<T> {
    this.pristine = false;
    const current = this.pool;
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { line, reject };
      this.pending.add(entry);
      const settle = (): boolean => this.pending.delete(entry);
      current.then(call).then(
        (value) => {
          if (settle()) resolve(value);
        },
        (error: unknown) => {
          if (settle()) reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** A fresh pool brought to the journal's state (the old one is freed). */
  private async rebuild(): Promise<void> {
    discard(this.pool);
    const entries = [...this.entries];
    const started = this.options.startPool(this.workers, this.budget);
    this.pool = started.then(async (pool) => {
      await replay(pool, entries);
      return pool;
    });
    this.pristine = entries.length === 0;
    await this.pool;
  }

  async execute(line: string, files: Readonly<Record<string, string>>): Promise<ServerEvent[]> {
    const events = await this.track(line, (pool) => pool.execute(line, reader(files)));
    const entry = journalEntry(line, files);
    if (entry !== null && !rejected(line, events)) this.entries.push(entry);
    this.book.observe(line, files, events);
    return events;
  }

  snapshot(): Promise<Snapshot> {
    return this.track('(snapshot)', async (pool) => {
      const [listed] = await pool.execute('list');
      if (listed?.event !== 'list') throw new Error(`list answered ${JSON.stringify(listed)}`);
      const list: ListEvent = listed;
      const traces: TraceSnapshot[] = [];
      for (const { name } of list.traces) {
        const [event] = await pool.execute(`peek ${name}`);
        if (event?.event === 'peek') traces.push({ name, rows: event.rows });
        else traces.push({ name, rows: [], error: event?.event === 'error' ? event.message : 'unavailable' });
      }
      return { epoch: list.epoch, list, traces };
    });
  }

  plans(): Promise<ProgramPlan[]> {
    return this.track('(plans)', async (pool) => {
      const workers: readonly WorkerStats[] = await pool.stats();
      const of = (program: string): (readonly OperatorStats[] | undefined)[] =>
        workers.map((w) => w.programs.find((p) => p.name === program)?.operators);
      return this.book
        .plans((program) => {
          const shards = of(program);
          return shards.every((s) => s === undefined)
            ? undefined
            : sumOperatorStats(shards.map((s) => s ?? []));
        })
        .map((plan) => ({
          ...plan,
          recordsPerWorker: of(plan.program).map((s) => (s ?? []).reduce((n, o) => n + o.recordsHeld, 0)),
        }));
    });
  }

  async setWorkers(n: number): Promise<void> {
    this.pristine = false;
    this.workers = n;
    const pool = await this.pool;
    await pool.resize(n);
  }

  async setBudget(budget: RunBudget): Promise<void> {
    this.budget = budget;
    await this.rebuild();
  }

  async stop(): Promise<StopReport | null> {
    const [first] = this.pending;
    if (first === undefined) return null;
    const stopped = [...this.pending];
    this.pending.clear();
    for (const p of stopped) p.reject(new StoppedError(p.line));
    // Terminates the workers at once and replays the pool's journal (which never holds
    // the interrupted command) on fresh ones.
    await (await this.pool).stop();
    return { line: first.line, replayed: this.entries.length };
  }

  async reset(): Promise<void> {
    this.entries = [];
    this.book = new PlanBook();
    if (this.pristine) {
      const kept = await this.pool.then(
        () => true,
        () => false,
      );
      if (kept) return;
    }
    await this.rebuild();
  }

  journal(): readonly JournalEntry[] {
    return this.entries;
  }

  async diagnose(line: string): Promise<ServerEvent[]> {
    const small: RunBudget = {
      maxIterations: Math.min(this.budget.maxIterations, 5000),
      maxSeconds: Math.min(this.budget.maxSeconds, 1),
    };
    const scratch = this.options.startPool(1, small);
    const timeout = new Promise<ServerEvent[]>((resolve) =>
      setTimeout(() => resolve([]), DIAGNOSE_TIMEOUT_MS),
    );
    try {
      const entries = [...this.entries];
      const run = scratch.then(async (pool) => {
        await replay(pool, entries);
        return pool.execute(line, () => undefined);
      });
      return await Promise.race([run, timeout]);
    } catch {
      return [];
    } finally {
      discard(scratch);
    }
  }

  dispose(): void {
    discard(this.pool);
  }
}

/** A backend running the session on a worker pool (see the module header). */
export function createPoolBackend(options: PoolBackendOptions): Backend {
  return new PoolBackend(options);
}
