/**
 * `arrange`: indexes a collection by key into a shared trace (no change to contents).
 *
 * At each time the node takes every batch pending at that time, appends the updates to
 * its trace as one consolidated batch, and emits that batch's delta — an
 * `ArrangedBatch`, grouped by key — to its readers and to any collection consumer.
 * Sharded, this is the one place rows change workers: before indexing, every update goes
 * to the worker owning `shardOf(hash(key))` (`route`, then an `exchange` collective), so
 * each key's whole history lives on exactly one worker — unless the input's rows already
 * sit on their key's owner (`partitioned.ts`), when the node stays local.
 */
import { BatchBuilder, concatBatches, countUpdates } from '../batch.js';
import type { Batch } from '../batch.js';
import { repliedBatches, shardOf } from '../cluster.js';
import type { ExchangeSite, Steps } from '../cluster.js';
import { Node } from '../node.js';
import type { RunContext, ScopeHandle } from '../node.js';
import { Port } from '../port.js';
import type { Time } from '../time.js';
import { Trace } from '../trace.js';
import type { KeyTrace } from '../trace.js';
import { hashOrder, hashesOf } from '../hash-order.js';
import type { HashOrder } from '../hash-order.js';
import type { ItemIr } from '../../lang/ir.js';
import { hashValue } from '../../lang/value-order.js';
import { isInterned } from '../../lang/value.js';
import type { Value } from '../../lang/value.js';

/** Appends a collection's updates to a trace, one batch per time. */
export class ArrangeNode extends Node {
  readonly input: Port;
  /** The arrangement's index (always present). */
  readonly index = new Trace();
  // This arrangement's exchange site (its scope and item).
  private readonly site: ExchangeSite;

  constructor(
    ctx: RunContext,
    scope: ScopeHandle,
    item: ItemIr,
    /** False when the input's rows already sit on their key's owner (partitioned.ts). */
    exchanges = true,
  ) {
    super(ctx, scope, item);
    // Without an exchange the node never meets the other workers.
    this.collective = exchanges;
    this.input = new Port(scope);
    this.soleInput = this.input;
    this.trace = this.index;
    this.site = { scope: scope.id, item: item.id };
  }

  nextTime(): Time | undefined {
    return this.input.head;
  }

  /** One worker: everything pending at `t` is indexed here. */
  step(t: Time): void {
    this.append(t, this.input.take(t));
  }

  /**
   * Sharded: the pending rows go to the workers owning their keys, and what every worker
   * sent here is indexed — the one place rows enter an arrangement.
   */
  override *steps(t: Time): Steps<void> {
    const workers = this.ctx.cluster.workers;
    if (workers === 1) {
      this.step(t);
      return;
    }
    const parts = route(this.input.take(t), workers);
    const reply = yield { kind: 'exchange', site: this.site, time: t, parts };
    this.append(t, repliedBatches(reply, this.site));
  }

  // Appends the batches to the trace as one batch at t and sends its consolidated delta.
  private append(t: Time, batches: readonly Batch[]): void {
    const total = batches.length === 1 ? (batches[0] as Batch).size : countUpdates(batches);
    if (total === 0) return;
    const trace = this.index;
    // The first batch (a load) becomes the trace's columnar base when it can (trace-base.ts).
    if (trace.takesBase(total)) {
      const delta = trace.appendBase(concatBatches(batches), t);
      this.ctx.budget.work(total);
      this.out.send(t, delta);
      return;
    }
    if (total === 1) {
      const b = batches.length === 1 ? (batches[0] as Batch) : (batches.find((x) => x.size > 0) as Batch);
      const key = b.keys[0] as Value;
      const delta = trace.appendOne(key, hashValue(key), b.vals[0] as Value, t, b.diffs[0] as number);
      this.ctx.budget.work(1);
      this.out.send(t, delta);
      return;
    }
    // Large batches (a load) presize the key table; at worst every update is a new key.
    if (total > 64) trace.reserve(total);
    trace.openBatch();
    if (total >= HASH_ORDER_MIN && inHashOrder(trace, batches, total))
      appendInHashOrder(trace, concatBatches(batches), t);
    else for (let k = 0; k < batches.length; k++) appendInOrder(trace, batches[k] as Batch, t);
    this.ctx.budget.work(total);
    this.out.send(t, trace.closeBatch());
  }

  ports(): readonly Port[] {
    return [this.input];
  }

  override held(): number {
    return this.index.records;
  }
}

// A batch of at least `HASH_ORDER_MIN` updates, into a trace whose key table will then
// exceed `HASH_ORDER_TABLE` keys (past what stays in a CPU cache), is appended in hash
// order (hash-order.ts) when its keys are interned tuples (value.ts): the table and the
// key histories are then walked front to back instead of at random, and so are the
// readers' lookups of the delta sent on. Smaller tables are cheaper to visit at random
// than to sort for; and fresh key objects lie in memory in the batch's order, which hash
// order would scatter for every later reader (the delta's, a snapshot's).
const HASH_ORDER_MIN = 1024;
const HASH_ORDER_TABLE = 1 << 15;

// (Called only from `HASH_ORDER_MIN` updates on: a function that mostly returns at once
// gathers type feedback slowly, and V8 would run it in its interpreter through a whole
// series of single-row ticks.)
function inHashOrder(trace: Trace, batches: readonly Batch[], total: number): boolean {
  if (trace.keyCount + total < HASH_ORDER_TABLE) return false;
  const first = batches.find((b) => b.size > 0) as Batch;
  return isInterned(first.keys[0] as Value);
}

// Each helper is one loop with nothing after it: a load's huge first batch gets it
// on-stack-replaced by V8 before any later code has run, and such code (without type
// feedback) would deoptimize again on every later call.

// Adds a batch's updates to the open batch of `trace`, in the batch's order.
function appendInOrder(trace: Trace, b: Batch, t: Time): void {
  const keys = b.keys;
  const vals = b.vals;
  const diffs = b.diffs;
  // Consecutive updates often share a key object (e.g. a join's output per key).
  let lastKey: Value | null = null;
  let kt: KeyTrace | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as Value;
    if (key !== lastKey || kt === null) {
      kt = trace.obtain(key, hashValue(key));
      lastKey = key;
    }
    trace.add(kt, vals[i] as Value, t, diffs[i] as number);
  }
}

// Adds a batch's updates to the open batch of `trace`, in the order of their keys' hashes.
function appendInHashOrder(trace: Trace, b: Batch, t: Time): void {
  addInOrder(trace, b, hashOrder(hashesOf(b.keys)), t);
}

// Adds the updates of `b` to the open batch of `trace` in hash order.
function addInOrder(trace: Trace, b: Batch, { order, sorted }: HashOrder, t: Time): void {
  const keys = b.keys;
  const vals = b.vals;
  const diffs = b.diffs;
  let lastKey: Value | null = null;
  let kt: KeyTrace | null = null;
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    const key = keys[i] as Value;
    if (key !== lastKey || kt === null) {
      kt = trace.obtain(key, sorted[j] as number);
      lastKey = key;
    }
    trace.add(kt, vals[i] as Value, t, diffs[i] as number);
  }
}

/** Splits batches by the worker owning each update's key: `parts[w]` goes to worker w. */
export function route(batches: readonly Batch[], workers: number): Batch[][] {
  const builders: BatchBuilder[] = [];
  for (let w = 0; w < workers; w++) builders.push(new BatchBuilder());
  for (const b of batches) {
    const keys = b.keys;
    const vals = b.vals;
    const diffs = b.diffs;
    let lastKey: Value | null = null;
    let owner = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as Value;
      if (key !== lastKey) {
        owner = shardOf(hashValue(key), workers);
        lastKey = key;
      }
      (builders[owner] as BatchBuilder).push(key, vals[i] as Value, diffs[i] as number);
    }
  }
  return builders.map((b) => (b.size === 0 ? [] : [b.build()]));
}
