/**
 * Failing one dataflow without stopping the others (SERVER.md "Robustness").
 *
 * Operators and schedulers signal that their dataflow cannot complete this tick by
 * throwing `DataflowAbort`, which carries the failure as the API reports it (kind,
 * sentence, span, row, time, scope). The engine catches it at the dataflow boundary,
 * discards the dataflow's state and rebuilds it at the next tick. `Budget` enforces the
 * iteration and wall-clock limits; it is polled by the scheduler at every step and by
 * operators inside long loops (`work`), so a runaway is stopped promptly.
 */
import { formatTime } from './time.js';
import type { Time } from './time.js';
import { compareInfo } from './failure-rank.js';
import { keepLayout } from './layouts.js';
import type { FailureInfo } from './failure-rank.js';
import { TermError, showValue } from '../lang/eval.js';
import type { Span } from '../lang/source.js';
import type { Value } from '../lang/value.js';

export type { FailureInfo };

/** Thrown inside a dataflow's run to fail that dataflow for the tick. */
export class DataflowAbort extends Error {
  override name = 'DataflowAbort';
  /**
   * Where in the schedule it happened (see failure-rank.ts); each scope level the
   * abort passes through on its way out puts its own coordinates in front.
   */
  readonly position: number[] = [];

  constructor(readonly failure: FailureInfo) {
    super(failure.message);
  }
}

/**
 * The abort an exception inside a run stands for. Anything but a `DataflowAbort` is an
 * engine fault (or the JS stack exhausted by a pathological value); it still only fails
 * the one dataflow, so a tick always completes.
 */
export function asAbort(e: unknown): DataflowAbort {
  if (e instanceof DataflowAbort) return e;
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new DataflowAbort({ kind: 'term', message: `internal engine error (${message})` });
}

/**
 * The least failure met during one operator step. Operators that evaluate terms note
 * every failing row and carry on, then `check` at the end of the step: the step thus
 * reports the same failure however its rows were split among workers (failure-rank.ts).
 */
export class StepFailures {
  private least: DataflowAbort | null = null;

  /** Notes one failure of the current step. */
  note(abort: DataflowAbort): void {
    if (this.least === null || compareInfo(abort.failure, this.least.failure) < 0) this.least = abort;
  }

  /** Throws the least failure noted since the last check, if any. */
  check(): void {
    const least = this.least;
    if (least === null) return;
    this.least = null;
    throw least;
  }
}

/** Where a scope is, for runaway reports. */
export interface ScopeLabel {
  readonly name: string;
  readonly span: Span;
}

// Units of operator work between two clock reads.
const CHECK_EVERY = 1 << 14;

/** The iteration and time limits of one dataflow's run in one tick. */
export class Budget {
  private deadline = Infinity;
  private sinceCheck = 0;
  /** The innermost scope currently iterating (null at the root). */
  running: ScopeLabel | null = null;

  constructor(
    /** Iterations allowed per scope run (distinct times processed for one outer time). */
    readonly maxIterations: number,
    private readonly maxSeconds: number,
    private readonly now: () => number,
  ) {}

  /** Starts the clock for one run. */
  start(): void {
    this.deadline = this.now() + this.maxSeconds * 1000;
    this.sinceCheck = 0;
    this.running = null;
  }

  /** Counts `units` of operator work, reading the clock now and then. */
  work(units: number): void {
    this.sinceCheck += units;
    if (this.sinceCheck >= CHECK_EVERY) this.checkTime();
  }

  /** Fails the run if its time is up. */
  checkTime(): void {
    this.sinceCheck = 0;
    if (this.now() <= this.deadline) return;
    const scope = this.running;
    const where = scope === null || scope.name === '' ? 'the program' : `scope "${scope.name}"`;
    throw new DataflowAbort({
      kind: 'timeout',
      message: `${where} exceeded the time budget of ${this.maxSeconds} s`,
      ...(scope === null ? {} : { span: scope.span, scope: scope.name }),
    });
  }

  /** Fails the run when a scope has processed more than `maxIterations` times. */
  checkIterations(scope: ScopeLabel, iterations: number, time: Time): void {
    if (iterations <= this.maxIterations) return;
    throw new DataflowAbort({
      kind: 'iterations',
      message: `scope "${scope.name}" did not converge within ${this.maxIterations} iterations (still changing at time ${formatTime(time)})`,
      span: scope.span,
      scope: scope.name,
      time,
    });
  }
}

// See layouts.ts: an engine's budget, started.
keepLayout(new Budget(1, 1, () => 0)).start();

/**
 * Converts an exception thrown while evaluating a term on a row into a `DataflowAbort`
 * naming the operator, the row and the time; anything that is not a `TermError` is
 * rethrown unchanged (it is a bug, not a user error).
 */
export function termFailure(error: unknown, span: Span, key: Value, val: Value, time: Time): DataflowAbort {
  if (!(error instanceof TermError)) throw error;
  return new DataflowAbort({
    kind: 'term',
    message: `${error.message} (on row (${showValue(key)} ; ${showValue(val)}) at time ${formatTime(time)})`,
    span,
    row: { key, val },
    time,
  });
}
