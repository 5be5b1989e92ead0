/**
 * `arrange`: indexes a collection by key into a shared trace (no change to contents).
 *
 * At each time the node takes every batch pending at that time, routes it through the
 * cluster's exchange (the one place rows enter an arrangement), appends the updates to
 * its trace as one consolidated batch, and emits that batch's delta — an
 * `ArrangedBatch`, grouped by key — to its readers and to any collection consumer.
 */
import type { ExchangeSite } from '../cluster.js';
import { Node } from '../node.js';
import type { RunContext, ScopeHandle } from '../node.js';
import { Port } from '../port.js';
import type { Time } from '../time.js';
import { Trace } from '../trace.js';
import type { ItemIr } from '../../lang/ir.js';
import { hashValue } from '../../lang/value-order.js';
import type { Value } from '../../lang/value.js';

/** Appends a collection's updates to a trace, one batch per time. */
export class ArrangeNode extends Node {
  readonly input: Port;
  /** The arrangement's index (always present). */
  readonly index = new Trace();
  // This arrangement's exchange site (its scope and item).
  private readonly site: ExchangeSite;

  constructor(ctx: RunContext, scope: ScopeHandle, item: ItemIr) {
    super(ctx, scope, item);
    this.input = new Port(scope);
    this.trace = this.index;
    this.site = { scope: scope.id, item: item.id };
  }

  nextTime(): Time | undefined {
    return this.input.head();
  }

  step(t: Time): void {
    // The one place rows enter an arrangement: a sharded runtime routes them here.
    const batches = this.ctx.cluster.exchange(this.site, t, this.input.take(t));
    const trace = this.index;
    trace.openBatch();
    let n = 0;
    for (const b of batches) {
      const keys = b.keys;
      const vals = b.vals;
      const diffs = b.diffs;
      // Consecutive updates often share a key object (e.g. a join's output per key).
      let lastKey: Value | null = null;
      let kt = null;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as Value;
        if (key !== lastKey || kt === null) {
          kt = trace.obtain(key, hashValue(key));
          lastKey = key;
        }
        trace.add(kt, vals[i] as Value, t, diffs[i] as number);
      }
      n += keys.length;
    }
    this.ctx.budget.work(n);
    this.send(t, trace.closeBatch());
  }

  ports(): readonly Port[] {
    return [this.input];
  }

  override held(): number {
    return this.index.records;
  }
}
