/**
 * The playground's backend contract: what the UI asks of whatever runs the DDIR session
 * (the sharded worker pool, pool-backend.ts; a same-thread session in unit tests).
 *
 * Every method is asynchronous — the UI never waits synchronously on the engine. Events
 * are SERVER.md's `--json` contract unchanged. The backend keeps the command journal:
 * each command that completed (with the program text an `install` read), enough to
 * rebuild the whole state by replay after Stop, a worker-count change or a reload.
 */
import type { JsonRow, ListEvent, ServerEvent } from '../../server/events.js';
import type { ProgramPlan } from './plans.js';

export type { ProgramPlan } from './plans.js';

/** Per-tick limits (SERVER.md "Budgets"): a runaway scope fails instead of freezing. */
export interface RunBudget {
  readonly maxIterations: number;
  readonly maxSeconds: number;
}

/** One command of the journal; `file` is the program text an `install` read. */
export interface JournalEntry {
  readonly line: string;
  readonly file?: { readonly name: string; readonly text: string };
}

/** A published trace's current contents, or why it is unavailable (its program failed). */
export interface TraceSnapshot {
  readonly name: string;
  readonly rows: readonly JsonRow[];
  readonly error?: string;
}

/** Everything the views show about the session, taken between two commands. */
export interface Snapshot {
  readonly epoch: number;
  readonly list: ListEvent;
  readonly traces: readonly TraceSnapshot[];
}

/** What Stop interrupted, and what is known about why it ran long. */
export interface StopReport {
  /** The interrupted command line. */
  readonly line: string;
  /** How many journal commands were replayed to restore the state before it. */
  readonly replayed: number;
}

/** Thrown (as a rejection) by a call that Stop interrupted. */
export class StoppedError extends Error {
  constructor(readonly line: string) {
    super(`stopped: ${line}`);
    this.name = 'StoppedError';
  }
}

/** The session backend (see the module header). */
export interface Backend {
  /**
   * Runs one command line; `files` are the playground's files (`install` reads FILE there).
   * Rejects with `StoppedError` when Stop interrupts it.
   */
  execute(line: string, files: Readonly<Record<string, string>>): Promise<ServerEvent[]>;
  /** The epoch, the registry and every published trace's rows. */
  snapshot(): Promise<Snapshot>;
  /** Every installed program's plan (`planToJson`) with its per-operator work counters. */
  plans(): Promise<ProgramPlan[]>;
  /** Sets the worker count and rebuilds the state by replaying the journal. */
  setWorkers(n: number): Promise<void>;
  /** Sets the run budget and rebuilds the state by replaying the journal. */
  setBudget(budget: RunBudget): Promise<void>;
  /** Interrupts the running command (if any), restores the state before it; null when idle. */
  stop(): Promise<StopReport | null>;
  /** A fresh, empty session (epoch 0); the journal is cleared. */
  reset(): Promise<void>;
  /** The completed commands, oldest first. */
  journal(): readonly JournalEntry[];
  /**
   * Best-effort explanation of a stopped command: replays the journal in a scratch
   * session and reruns `line` under a small budget; answers its error events.
   */
  diagnose(line: string): Promise<ServerEvent[]>;
  /** Frees the workers. */
  dispose(): void;
}
