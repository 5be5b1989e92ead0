/**
 * How one worker cooperates with the others (ENGINE.md "Sharding across workers").
 *
 * Every worker of a sharded runtime runs the same dataflows over its shard. The engine
 * never talks to other workers itself: the tick path is *resumable* (`Steps`, a
 * generator) and `yield`s a `Collective` at each point where the workers must meet,
 * then continues with the `CollectiveReply` its driver sends back:
 * - `exchange`: before rows enter an arrangement they go to the worker owning
 *   `shardOf(hash(key))`; `parts[w]` is what this worker sends to worker w, the reply is
 *   everything sent to it (one barrier per exchange site and time);
 * - `agree`: a scope's (or a root node's) next time is the minimum of every worker's
 *   candidate, so every worker steps through the same times;
 * - `done` / `abort`: the end of a dataflow's run agrees whether it failed and how.
 * A driver that learns a peer aborted resumes the generator with `throw(PeerAbort)`.
 *
 * With one worker nothing is yielded but a failed run's `abort` (no `agree` or `done` is
 * needed, and arrangements step without exchanging): `runLocal` answers at once. All
 * collectives happen in the same order on every worker because every worker makes the
 * same scheduling decisions from agreed times (the argument is in ARCHITECTURE.md).
 */
import type { Batch } from './batch.js';
import { hashRow } from './consolidate.js';
import type { RankedFailure } from './failure-rank.js';
import type { Time } from './time.js';
import type { Value } from '../lang/value.js';

/** Where rows are exchanged: an arranging item of the program. */
export interface ExchangeSite {
  readonly scope: number;
  readonly item: number;
}

/** Which worker this is, of how many. */
export interface Cluster {
  readonly workers: number;
  /** This worker's index, 0 ≤ index < workers. */
  readonly index: number;
}

/** The cluster of one worker: every row is local and every local choice is final. */
export const SINGLE_WORKER: Cluster = { workers: 1, index: 0 };

/**
 * The worker owning a hash: the top 16 bits of the product of the hash and an odd
 * constant (Fibonacci hashing), scaled to the number of workers. Key tables place a hash by its
 * own top bits (key-table.ts); the product mixes every bit of the hash into its top
 * ones, so the keys one worker owns are spread over every home slot of its tables, at
 * any table size.
 */
export function shardOf(hash: number, workers: number): number {
  return workers === 1 ? 0 : ((Math.imul(hash, 0x9e3779b1) >>> 16) * workers) >>> 16;
}

/**
 * True when this worker keeps the input row `(key ; val)`: rows are spread by a hash of
 * the whole row, so a retraction always meets the row it retracts.
 */
export function ownsRow(cluster: Cluster, key: Value, val: Value): boolean {
  return cluster.workers === 1 || shardOf(hashRow(key, val), cluster.workers) === cluster.index;
}

/** A point where every worker must meet (see the module header). */
export type Collective =
  | {
      readonly kind: 'exchange';
      readonly site: ExchangeSite;
      readonly time: Time;
      /** `parts[w]`: the batches this worker sends to worker w (its own share at its index). */
      readonly parts: readonly (readonly Batch[])[];
    }
  | { readonly kind: 'agree'; readonly scope: number; readonly time: Time | undefined }
  | { readonly kind: 'done' }
  | { readonly kind: 'abort'; readonly failure: RankedFailure };

/** The answer to a collective, when no worker aborted. */
export type CollectiveReply =
  /** exchange: every batch sent to this worker, senders in worker order. */
  | { readonly kind: 'batches'; readonly batches: readonly Batch[] }
  /** agree: the least candidate of all workers (undefined when nobody has one). */
  | { readonly kind: 'time'; readonly time: Time | undefined }
  /** done: every worker completed its run. */
  | { readonly kind: 'done' }
  /** abort: the failure all workers agree on (the least of those reported). */
  | { readonly kind: 'failed'; readonly failure: RankedFailure };

/** A resumable computation that meets the other workers at its `yield`s. */
export type Steps<R> = Generator<Collective, R, CollectiveReply>;

/** Thrown into a worker's run (by its driver) when another worker's run failed. */
export class PeerAbort extends Error {
  override name = 'PeerAbort';

  constructor(readonly failure: RankedFailure) {
    super(failure.failure.message);
  }
}

/** The reply a lone worker gives itself. */
export function answerAlone(c: Collective): CollectiveReply {
  switch (c.kind) {
    case 'exchange':
      if (c.parts.length !== 1) throw new RangeError(`a lone worker cannot exchange with ${c.parts.length}`);
      return { kind: 'batches', batches: c.parts[0] as readonly Batch[] };
    case 'agree':
      return { kind: 'time', time: c.time };
    case 'done':
      return DONE;
    case 'abort':
      return { kind: 'failed', failure: c.failure };
  }
}

const DONE: CollectiveReply = { kind: 'done' };

/** Runs `steps` to completion as the only worker. */
export function runLocal<R>(steps: Steps<R>): R {
  let next = steps.next(DONE);
  while (next.done !== true) next = steps.next(answerAlone(next.value));
  return next.value;
}

/** The reply's batches; anything else means the workers' collectives are out of step. */
export function repliedBatches(reply: CollectiveReply, site: ExchangeSite): readonly Batch[] {
  if (reply.kind === 'batches') return reply.batches;
  throw new RangeError(`exchange at item ${site.item} of scope ${site.scope} got a "${reply.kind}" reply`);
}

/** The reply's agreed time; anything else means the workers' collectives are out of step. */
export function repliedTime(reply: CollectiveReply, scope: number): Time | undefined {
  if (reply.kind === 'time') return reply.time;
  throw new RangeError(`time agreement of scope ${scope} got a "${reply.kind}" reply`);
}
