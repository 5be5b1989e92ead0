/**
 * What every implementation in the side-by-side benchmark provides: a reachability
 * dataflow (W1/W2) and a join-then-count dataflow (W3), driven the same way. Every call
 * returns only once the implementation has fully processed the change (its tick is
 * complete), so timing a call times the work. Results are read back outside the timing
 * and compared with the oracles of workloads.ts.
 */
import type { Edge, EdgeChange, KeyRow, RowChange } from './workloads.js';

/** Incremental reachability from one root. */
export interface ReachImpl {
  /** Feeds every edge and the root, then runs the first tick to completion. */
  load(nodes: number, edges: readonly Edge[], root: number): void;
  /** One tick: retracts `removed`, adds `added`, runs to completion. */
  change(change: EdgeChange): void;
  /** The nodes currently reachable. */
  reachable(): Iterable<number>;
}

/** Join two keyed inputs on key, count the pairs per key. */
export interface JoinCountImpl {
  /** Feeds both inputs, then runs the first tick to completion. */
  load(a: readonly KeyRow[], b: readonly KeyRow[]): void;
  /** One tick with a single-row change. */
  change(change: RowChange): void;
  /** The current count per key (keys without pairs absent or 0). */
  counts(): Map<number, number>;
}

/** One implementation under test. */
export interface Impl {
  /** The `impl` field of the results. */
  readonly name: string;
  /** W1 (and W2 unless `loadOnly`). */
  readonly reach?: () => ReachImpl;
  /** W3. */
  readonly joinCount?: () => JoinCountImpl;
  /** Reachability supports only the load (W1), not changes (W2). */
  readonly loadOnly?: boolean;
}
