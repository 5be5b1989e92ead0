/**
 * The runtime form of one IR item: a node with input ports, an operator step, and
 * outgoing edges.
 *
 * A scope's scheduler asks each node for its earliest pending time (`nextTime`) and
 * calls `step(t)` to process everything pending at exactly `t`. A step may emit batches
 * at `t` or at later times through its `out` (outlet.ts); each outgoing edge maps the
 * time into the receiver's scope (identity, `+1` on a loop coordinate, entering or
 * leaving a scope, …) and queues the batch there. A node producing an arrangement exposes its `trace`, which readers
 * in the same or nested scopes index directly (shared arrangements).
 *
 * Collective nodes (arrangements, child scopes) are stepped through `steps`, a generator
 * that may meet the other workers (cluster.ts); every other node steps synchronously.
 *
 * Also here: `Emitter` (collects a step's output by time) and `RunContext` (what every
 * node of one dataflow shares: budget, which worker of how many, inspect sink).
 */
import type { DataflowId, InspectUpdate } from './api.js';
import { BatchBuilder } from './batch.js';
import type { Budget } from './budget.js';
import type { Cluster, Steps } from './cluster.js';
import { Outlet } from './outlet.js';
import type { TimeMap } from './outlet.js';
import type { Agenda, Port, TickClock } from './port.js';
import { compareLex, formatTime, timeEquals } from './time.js';
import type { Time } from './time.js';
import type { Trace } from './trace.js';
import { keepLayout } from './layouts.js';
import type { ItemIr } from '../lang/ir.js';
import type { Value } from '../lang/value.js';

/** What all nodes of one dataflow share while it runs. */
export interface RunContext {
  readonly dataflow: DataflowId;
  readonly budget: Budget;
  readonly cluster: Cluster;
  /** Inspect updates reported so far in this run. */
  readonly inspects: InspectUpdate[];
  /** Counts the dataflow's ticks (the engine advances it before each run). */
  readonly clock: TickClock;
}

/** The scope a node lives in, as nodes see it. */
export interface ScopeHandle extends Agenda {
  readonly id: number;
}

/** The earlier (lexicographically) of two optional times. */
export function earliest(a: Time | undefined, b: Time | undefined): Time | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareLex(a, b) <= 0 ? a : b;
}

/** A runtime item. */
export abstract class Node {
  /** Where the output goes, and what was emitted. */
  readonly out: Outlet;
  /** The arrangement this node's output is, if it is arranged. */
  trace: Trace | null = null;
  /**
   * How readers map the times of `trace`'s entries into this node's scope; null when they
   * read them as they are. A loop variable's arrangement read from its definition's trace
   * sees every entry one iteration later (dataflow.ts).
   */
  traceMap: TimeMap | null = null;
  /**
   * True for nodes whose step may meet the other workers (`steps`): arrangements and
   * child scopes. When sharded, every worker steps them at every agreed time of their
   * scope, with local work or not, since the meeting needs everyone.
   */
  collective = false;
  /** True for a child scope: its step runs the child, always resumably (`steps`). */
  readonly nested: boolean = false;
  /**
   * The input port whose earliest time is this node's `nextTime`, when that is all of its
   * pending work (one input, no schedule of its own): its scheduler reads the port rather
   * than calling the node. Null for the others.
   */
  soleInput: Port | null = null;

  constructor(
    readonly ctx: RunContext,
    readonly scope: ScopeHandle,
    readonly item: ItemIr,
  ) {
    this.out = new Outlet(scope.clock);
  }

  /** The earliest time at which this node has work, if any. */
  abstract nextTime(): Time | undefined;

  /** Processes everything pending at exactly `t`. */
  abstract step(t: Time): void;

  /** A collective node's step as a resumable computation (only collective nodes have one). */
  steps(t: Time): Steps<void> {
    throw new TypeError(`item ${this.item.id} (${this.item.op}) has no collective step at ${formatTime(t)}`);
  }

  /** The input ports (for work counters). */
  abstract ports(): readonly Port[];

  /** Updates held in this node's state besides its ports (traces, schedules). */
  held(): number {
    return 0;
  }
}

/**
 * Collects one step's output updates by time, then sends one batch per time; consecutive
 * updates of the very same key and val objects at one time are merged on the way in.
 */
export class Emitter {
  private readonly times: Time[] = [];
  private readonly builders: BatchBuilder[] = [];
  // Index of the bucket used last: consecutive updates usually share a time.
  private last = -1;

  /** Adds one update at time `t`. */
  push(t: Time, key: Value, val: Value, diff: number): void {
    let i = this.last;
    if (i < 0 || (this.times[i] !== t && !timeEquals(this.times[i] as Time, t))) {
      i = this.bucket(t);
      this.last = i;
    }
    (this.builders[i] as BatchBuilder).pushMerging(key, val, diff);
  }

  private bucket(t: Time): number {
    const times = this.times;
    for (let i = 0; i < times.length; i++) if (timeEquals(times[i] as Time, t)) return i;
    times.push(t);
    if (this.builders.length < times.length) this.builders.push(new BatchBuilder());
    return times.length - 1;
  }

  /** Sends the collected batches through `out`, earliest time first, and starts over. */
  flush(out: Outlet): void {
    const times = this.times;
    const builders = this.builders;
    if (times.length === 1) out.send(times[0] as Time, (builders[0] as BatchBuilder).build());
    else if (times.length > 1) {
      const order = times.map((_, i) => i);
      order.sort((a, b) => compareLex(times[a] as Time, times[b] as Time));
      for (let k = 0; k < order.length; k++) {
        const i = order[k] as number;
        out.send(times[i] as Time, (builders[i] as BatchBuilder).build());
      }
    }
    // The builders are empty again after `build`: keep them for the next step.
    times.length = 0;
    this.last = -1;
  }
}

// See layouts.ts: an emitter that has collected an update.
keepLayout(new Emitter()).push([0], 0, 0, 1);
