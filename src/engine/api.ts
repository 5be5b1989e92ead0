/**
 * The engine's public contract: what the server (and later the sharded runtime and the
 * playground) may call. Types only; `engine.ts` implements it.
 *
 * An `Engine` hosts many dataflows over one logical clock. Epoch `e` is *open*: updates
 * are staged at times ≥ e; `tick()` closes it, runs every dataflow until every update at
 * times < e+1 is fully processed (dataflows in install order, so producers run before
 * importers of their traces), then compacts. Published traces are read consolidated.
 *
 * A dataflow that fails during a tick (a term error on a row, a scope over its
 * iteration or time budget) is reported in the tick's result and marked failed; the
 * tick still completes for every other dataflow. Failure never throws out of `tick()`.
 * A failed dataflow, and every dataflow importing its traces (transitively), is rebuilt
 * from its retained inputs at each later tick: reported again while it still fails,
 * correct again once its inputs allow.
 * Misuse of the API (unknown ids, feeding the closed past) throws `EngineUsageError`.
 *
 * Sharded (cluster.ts), one engine per worker: `installSteps`/`tickSteps` are the same
 * operations as resumable computations that meet the other workers where they must;
 * `install`/`tick` run them for a lone worker.
 */
import type { Batch } from './batch.js';
import type { Cluster, Steps } from './cluster.js';
import type { ProgramIr } from '../lang/ir.js';
import type { Span } from '../lang/source.js';
import type { Value } from '../lang/value.js';
import type { ValueJson } from '../lang/value-json.js';

/** Identifies an installed dataflow within one Engine. */
export type DataflowId = number;
/** Identifies a published (exported) trace within one Engine. */
export type TraceId = number;

/** A logical time `[epoch, i1, …]` (missing trailing coordinates read as 0). */
export type Time = readonly number[];

/** A consolidated row of a collection: key, val and net multiplicity (never 0). */
export type Row = readonly [key: Value, val: Value, mult: number];

export interface EngineOptions {
  /** Iterations allowed per scope per tick before the dataflow fails (runaway loop). */
  readonly maxIterations: number;
  /** Wall seconds allowed per tick per dataflow before it fails. */
  readonly maxSeconds: number;
  /** Clock for the time budget, in milliseconds (injectable for tests). */
  readonly now?: () => number;
}

/** One update seen by an `inspect` operator. */
export interface InspectUpdate {
  readonly dataflow: DataflowId;
  readonly label: string;
  readonly key: Value;
  readonly val: Value;
  readonly time: Time;
  readonly diff: number;
}

/** Why a dataflow failed during a tick. */
export interface DataflowFailure {
  readonly dataflow: DataflowId;
  /** `upstream`: a dataflow whose imported trace is unavailable because its producer failed. */
  readonly kind: 'term' | 'iterations' | 'timeout' | 'upstream';
  /** A sentence for people: what failed, where, on which row and time. */
  readonly message: string;
  /** The operator (term error) or scope (runaway) source range, in the program's file. */
  readonly span?: Span;
  readonly row?: { readonly key: Value; readonly val: Value };
  readonly time?: Time;
  /** The name of the scope that kept iterating (runaway). */
  readonly scope?: string;
  /** For `upstream`: the failed dataflow whose trace this one imports. */
  readonly upstream?: DataflowId;
}

/** What one tick did. */
export interface TickResult {
  /** The new open epoch. */
  readonly epoch: number;
  /** Inspect updates, in a deterministic order (the same on every run). */
  readonly inspects: readonly InspectUpdate[];
  /** Dataflows that failed in this tick. */
  readonly failures: readonly DataflowFailure[];
}

/**
 * Rows placed into a new dataflow's input at install time, at any epoch — also one in the
 * closed past (the server's generated sources hold their rows at time 0 even when they are
 * installed later). Retained like fed input.
 */
export interface InitialRows {
  readonly input: number;
  readonly time: number;
  /**
   * The rows as one batch, handed over to the engine: it may keep the batch's arrays as
   * its own (a generated source's million rows are then staged without a copy).
   */
  readonly rows: Batch;
}

/** The result of installing a dataflow. */
export interface Installed {
  readonly dataflow: DataflowId;
  /** Each `export` of the program, by export name. */
  readonly exports: ReadonlyMap<string, TraceId>;
  /** Inspect updates and failures from bringing it up to date with the closed past. */
  readonly catchUp: TickResult;
}

/** Work counters of one IR item, for the plan view (`--stats`, the Plan panel). */
export interface OperatorStats {
  readonly scope: number;
  readonly item: number;
  /** Updates received / produced in the last tick (and since install). */
  readonly inLastTick: number;
  readonly outLastTick: number;
  readonly inTotal: number;
  readonly outTotal: number;
  /** Updates currently held in this operator's state (its trace, buffers). */
  readonly recordsHeld: number;
  /** The first updates this operator emitted in the last tick (at most `SAMPLE_LIMIT`), for the plan view. */
  readonly lastUpdates: readonly SampledUpdate[];
}

/** One update an operator emitted, in the JSON value encoding (it crosses worker boundaries). */
export interface SampledUpdate {
  readonly key: ValueJson;
  readonly val: ValueJson;
  /** The time in the operator's own scope. */
  readonly time: Time;
  readonly diff: number;
}

/** How many emitted updates per operator and tick `OperatorStats.lastUpdates` keeps. */
export const SAMPLE_LIMIT = 20;

export interface EngineApi {
  /** The open epoch. */
  readonly epoch: number;
  /** Which worker this engine is, of how many (`SINGLE_WORKER` when not sharded). */
  readonly cluster: Cluster;
  /**
   * Builds and starts a dataflow from an optimized program. `imports` maps each of the
   * program's import names to an existing trace. The new dataflow's inputs open at the
   * current epoch and it is brought up to date with the closed past at once, including
   * the `initial` updates at past times (those at the open epoch or later are staged like feeds).
   * A sharded engine takes `initial` as this worker's share of the rows; `feed` keeps a
   * row only on the worker that owns it (`ownsRow`).
   */
  install(
    program: ProgramIr,
    imports: ReadonlyMap<string, TraceId>,
    initial?: readonly InitialRows[],
  ): Installed;
  /** `install`, resumable: a sharded engine meets the other workers at its `yield`s. */
  installSteps(
    program: ProgramIr,
    imports: ReadonlyMap<string, TraceId>,
    initial?: readonly InitialRows[],
  ): Steps<Installed>;
  /** Stages `(key ; val)` with `diff` at `time` (an epoch ≥ the open epoch) into an input. */
  feed(dataflow: DataflowId, input: number, key: Value, val: Value, time: number, diff: number): void;
  /** Closes the open epoch and runs everything to completion (one worker only). */
  tick(): TickResult;
  /** `tick`, resumable: a sharded engine meets the other workers at its `yield`s. */
  tickSteps(): Steps<TickResult>;
  /**
   * The consolidated contents of a trace at the closed past, sorted by (key, val); one key
   * if given. A sharded engine answers from its shard (a runtime gathers the shards).
   */
  read(trace: TraceId, key?: Value): Row[];
  /** True while the dataflow is failed (its traces must not be read). */
  isFailed(dataflow: DataflowId): boolean;
  /** Removes a dataflow and frees all its state (its traces must have no readers left). */
  drop(dataflow: DataflowId): void;
  /** Per-item work counters of a dataflow. */
  stats(dataflow: DataflowId): OperatorStats[];
}

/** Thrown for misuse of the engine API (a bug in the caller, not in user input). */
export class EngineUsageError extends Error {
  override name = 'EngineUsageError';
}
