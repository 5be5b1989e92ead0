/**
 * `createWorkerBackend(options)`: the `Backend` as one Web Worker hosting a SessionHost,
 * driven through Comlink. Keeps the journal on the main thread (only completed commands
 * that were not rejected). Stop terminates the worker at once, rejects every pending
 * call with `StoppedError`, and starts a fresh worker that replays the journal — the
 * state just before the interrupted command. Changing the worker count or the budget
 * rebuilds the same way. A sharded pool can replace this module behind `Backend`.
 */
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import { commandWord, journalEntry } from './journal.js';
import { StoppedError } from './protocol.js';
import type { Backend, JournalEntry, ProgramPlan, RunBudget, Snapshot, StopReport } from './protocol.js';
import type { WorkerApi } from './backend.worker.js';
import type { ServerEvent } from '../../server/events.js';

/** How the backend starts. */
export interface WorkerBackendOptions {
  readonly budget: RunBudget;
  readonly workers: number;
  /** Creates one backend worker (the Vite `?worker` constructor in the page). */
  readonly spawn: () => Worker;
}

interface Pending {
  readonly line: string;
  readonly reject: (error: Error) => void;
}

interface Live {
  readonly worker: Worker;
  readonly api: Remote<WorkerApi>;
  readonly ready: Promise<void>;
}

/** The longest a diagnosis may take before it is abandoned. */
const DIAGNOSE_TIMEOUT_MS = 8000;

/** True when the command's events say it was rejected (and so changed nothing). */
function rejected(line: string, events: readonly ServerEvent[]): boolean {
  return commandWord(line) !== 'tick' && events[0]?.event === 'error';
}

class WorkerBackend implements Backend {
  private entries: JournalEntry[] = [];
  private readonly pending = new Set<Pending>();
  private budget: RunBudget;
  private workers: number;
  private live: Live;

  constructor(private readonly options: WorkerBackendOptions) {
    this.budget = options.budget;
    this.workers = options.workers;
    this.live = this.start();
  }

  private start(): Live {
    const worker = this.options.spawn();
    const api = wrap<WorkerApi>(worker);
    worker.addEventListener('error', (event) => {
      const error = new Error(`the backend worker failed: ${event.message}`);
      for (const p of [...this.pending]) p.reject(error);
    });
    const ready = api.init(this.budget, this.entries);
    return { worker, api, ready };
  }

  /** Runs `call` on the live worker; Stop rejects it. */
  private track<T>(line: string, call: (api: Remote<WorkerApi>) => Promise<T>): Promise<T> {
    const live = this.live;
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { line, reject };
      this.pending.add(entry);
      const settle = (): boolean => this.pending.delete(entry);
      live.ready
        .then(() => call(live.api))
        .then(
          (value) => {
            if (settle()) resolve(value);
          },
          (error: unknown) => {
            if (settle()) reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
    });
  }

  private async rebuild(): Promise<void> {
    this.live.worker.terminate();
    this.live = this.start();
    await this.live.ready;
  }

  async execute(line: string, files: Readonly<Record<string, string>>): Promise<ServerEvent[]> {
    const events = await this.track(line, (api) => api.execute(line, files));
    const entry = journalEntry(line, files);
    if (entry !== null && !rejected(line, events)) this.entries.push(entry);
    return events;
  }

  snapshot(): Promise<Snapshot> {
    return this.track('(snapshot)', (api) => api.snapshot());
  }

  plans(): Promise<ProgramPlan[]> {
    return this.track('(plans)', (api) => api.plans());
  }

  async setWorkers(n: number): Promise<void> {
    // One worker hosts every shard today; the count is kept for the pool that replaces it.
    this.workers = n;
    await this.rebuild();
  }

  async setBudget(budget: RunBudget): Promise<void> {
    this.budget = budget;
    await this.rebuild();
  }

  async stop(): Promise<StopReport | null> {
    const [first] = this.pending;
    if (first === undefined) return null;
    this.live.worker.terminate();
    const stopped = [...this.pending];
    this.pending.clear();
    for (const p of stopped) p.reject(new StoppedError(p.line));
    this.live = this.start();
    await this.live.ready;
    return { line: first.line, replayed: this.entries.length };
  }

  async reset(): Promise<void> {
    this.entries = [];
    await this.rebuild();
  }

  journal(): readonly JournalEntry[] {
    return this.entries;
  }

  async diagnose(line: string): Promise<ServerEvent[]> {
    const worker = this.options.spawn();
    const api = wrap<WorkerApi>(worker);
    const small: RunBudget = {
      maxIterations: Math.min(this.budget.maxIterations, 5000),
      maxSeconds: Math.min(this.budget.maxSeconds, 1),
    };
    const timeout = new Promise<ServerEvent[]>((resolve) =>
      setTimeout(() => resolve([]), DIAGNOSE_TIMEOUT_MS),
    );
    try {
      const run = api.init(small, this.entries).then(() => api.execute(line, {}));
      return await Promise.race([run, timeout]);
    } catch {
      return [];
    } finally {
      worker.terminate();
    }
  }

  /** The worker count the state was built with. */
  get workerCount(): number {
    return this.workers;
  }

  dispose(): void {
    this.live.worker.terminate();
  }
}

/** A backend running the session in one Web Worker (see the module header). */
export function createWorkerBackend(options: WorkerBackendOptions): Backend {
  return new WorkerBackend(options);
}
