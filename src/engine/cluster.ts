/**
 * The two points where workers would have to agree, kept narrow for a sharded runtime.
 *
 * Every worker of a sharded runtime runs the same dataflow over its shard (ENGINE.md
 * "Sharding across workers"). Only two things then need the other workers:
 * - before rows enter an arrangement they are routed to the worker owning
 *   `hash(key) mod workers` (`exchange`), one barrier per exchange site and time;
 * - a scope's next time to process is the minimum over all workers' candidates
 *   (`agreeNextTime`), so every worker steps through the same times.
 * A single worker owns everything: both are the identity (`SINGLE_WORKER`). Operators
 * and schedulers call only these hooks, so another runtime can plug in without touching
 * them. (A sharded runtime must also step a node at an agreed time on every worker, even
 * one with no local work there, since the node's exchange is a collective step.)
 */
import type { Batch } from './batch.js';
import type { Time } from './time.js';

/** Where rows are exchanged: an arranging item of the program. */
export interface ExchangeSite {
  readonly scope: number;
  readonly item: number;
}

/** How one worker cooperates with the others. */
export interface Cluster {
  /** This worker's share of the batches entering the arrangement at `site` at time `t`. */
  exchange(site: ExchangeSite, t: Time, batches: readonly Batch[]): readonly Batch[];
  /**
   * The time processed next — by a nested scope, or by the current root node — given
   * this worker's earliest pending time there; undefined when no worker has any.
   */
  agreeNextTime(scope: number, local: Time | undefined): Time | undefined;
}

/** The cluster of one worker: every row is local and every local choice is final. */
export const SINGLE_WORKER: Cluster = {
  exchange: (_site, _t, batches) => batches,
  agreeNextTime: (_scope, local) => local,
};
