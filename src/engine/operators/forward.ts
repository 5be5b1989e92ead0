/**
 * Forwarding nodes: items that pass their input on unchanged, as whole batches.
 *
 * `input`, `import`, `enter`, `leave`, `variable` and `concat` do no work per update:
 * what distinguishes them is where their batches come from and how the time changes on
 * the way in (see `edges.ts`), which the builder sets up on the incoming edges. They
 * forward the very batch objects they receive (no copy), so an arrangement entered into
 * a scope stays the same shared trace, and a `concat` of n inputs costs nothing per row.
 */
import type { Batch } from '../batch.js';
import { Node } from '../node.js';
import type { RunContext, ScopeHandle } from '../node.js';
import { Port } from '../port.js';
import type { Time } from '../time.js';
import type { ItemIr } from '../../lang/ir.js';

/** Passes every batch received at a time on at that time. */
export class ForwardNode extends Node {
  /** The single input port (a concat's inputs all feed it). */
  readonly input: Port;

  constructor(ctx: RunContext, scope: ScopeHandle, item: ItemIr) {
    super(ctx, scope, item);
    this.input = new Port(scope);
    this.soleInput = this.input;
  }

  nextTime(): Time | undefined {
    return this.input.head;
  }

  step(t: Time): void {
    this.out.sendAll(t, this.input.take(t));
  }

  /**
   * Passes `batch` on at once, as if it had been queued and stepped (counted as received):
   * how an input node gets its rows, saving a queue and a step per input per tick.
   */
  forward(t: Time, batch: Batch): void {
    this.input.count(batch.size);
    this.out.send(t, batch);
  }

  ports(): readonly Port[] {
    return [this.input];
  }
}
