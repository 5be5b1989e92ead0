/**
 * Helpers for the engine's operator unit tests: a stand-alone context and scope, a
 * receiver that records what a node emits, and a tiny scheduler that steps a set of
 * nodes through their pending times in lexicographic order (what a scope run does,
 * without IR). Pure; used only by tests.
 */
import { Budget } from './budget.js';
import { SINGLE_WORKER } from './cluster.js';
import type { Batch } from './batch.js';
import type { Node, RunContext, ScopeHandle } from './node.js';
import type { Receiver } from './port.js';
import { compareLex, leq, timeEquals } from './time.js';
import type { Time } from './time.js';
import type { ArrangedBatch, Trace } from './trace.js';
import type { ItemIr } from '../lang/ir.js';
import { hashValue } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

/** A run context with generous limits. */
export function testContext(): RunContext {
  return {
    dataflow: 0,
    budget: new Budget(1_000_000, 3600, () => 0),
    cluster: SINGLE_WORKER,
    inspects: [],
    clock: { tick: 0 },
  };
}

/** A scope at `depth` that records the times scheduled on it. */
export class TestScope implements ScopeHandle {
  readonly id = 0;
  readonly clock = { tick: 0 };
  readonly scheduled: Time[] = [];

  constructor(readonly depth: number) {}

  schedule(t: Time): void {
    this.scheduled.push(t);
  }
}

/** A placeholder IR item for a node built by hand (its span is where failures point). */
export function testItem(id = 0): ItemIr {
  return { id, op: 'concat', inputs: [], span: { start: id, end: id + 1 } };
}

/** One recorded update. */
export interface Recorded {
  readonly time: Time;
  readonly key: Value;
  readonly val: Value;
  readonly diff: number;
}

/** Records every update it receives. */
export class Capture implements Receiver {
  readonly updates: Recorded[] = [];

  receive(time: Time, batch: Batch): void {
    for (let i = 0; i < batch.size; i++) {
      this.updates.push({
        time,
        key: batch.keys[i] as Value,
        val: batch.vals[i] as Value,
        diff: batch.diffs[i] as number,
      });
    }
  }

  /** The recorded collection at time `t`, as sorted `key|val|mult` strings (zeros dropped). */
  at(t: Time): string[] {
    const sums = new Map<string, number>();
    for (const u of this.updates) {
      if (!leq(u.time, t)) continue;
      const k = `${JSON.stringify(u.key)}|${JSON.stringify(u.val)}`;
      sums.set(k, (sums.get(k) ?? 0) + u.diff);
    }
    return [...sums]
      .filter(([, d]) => d !== 0)
      .map(([k, d]) => `${k}|${d}`)
      .sort();
  }
}

/** Appends `(key, val, diff)` rows to `trace` as one batch at `time`. */
export function appendRows(
  trace: Trace,
  time: Time,
  rows: readonly (readonly [Value, Value, number])[],
): ArrangedBatch {
  trace.openBatch();
  for (const [k, v, d] of rows) trace.add(trace.obtain(k, hashValue(k)), v, time, d);
  return trace.closeBatch();
}

/** Steps `nodes` through all their pending times, least time first, nodes in order. */
export function drive(nodes: readonly Node[]): void {
  for (;;) {
    let t: Time | undefined;
    for (const n of nodes) {
      const nt = n.nextTime();
      if (nt !== undefined && (t === undefined || compareLex(nt, t) < 0)) t = nt;
    }
    if (t === undefined) return;
    for (const n of nodes) {
      const nt = n.nextTime();
      if (nt !== undefined && timeEquals(nt, t)) n.step(t);
    }
  }
}
