/**
 * `variable`: a loop variable's value, fed back from its var's definition
 * (ENGINE.md "variable / feedback": a change of E at t reappears at t + 1).
 *
 * The feedback edge (`feedbackMap`) delivers E's batches one iteration later; this node
 * consolidates everything that arrived for a time into one batch before passing it on.
 * That is what lets a loop stop: when an iteration's changes to E cancel out (e.g.
 * `var removed = removed + cut`, where `removed` grows exactly as `cut` shrinks), the
 * variable receives +r and −r, which consolidate to nothing, and no further work is
 * scheduled. Forwarding them unconsolidated would circulate the pair forever.
 */
import { BatchBuilder } from '../batch.js';
import { RowCounts } from '../consolidate.js';
import { Node } from '../node.js';
import type { RunContext, ScopeHandle } from '../node.js';
import { Port } from '../port.js';
import type { Time } from '../time.js';
import { ArrangedBatch } from '../trace.js';
import type { ItemIr } from '../../lang/ir.js';

/** Forwards the consolidated sum of the feedback received at each time. */
export class VariableNode extends Node {
  /** The feedback port (the var's `next` item is connected here, one iteration later). */
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
    const batches = this.input.take(t);
    const only = batches.length === 1 ? batches[0] : undefined;
    // A single update cannot cancel with anything, and an arrangement's batch is
    // consolidated already (grouped by key, equal vals merged, no zeros): pass it on.
    if (only !== undefined && (only.size <= 1 || only instanceof ArrangedBatch)) {
      this.out.send(t, only);
      return;
    }
    const counts = new RowCounts();
    for (const b of batches) {
      for (let i = 0; i < b.size; i++) counts.add(b.keys[i]!, b.vals[i]!, b.diffs[i]!);
    }
    const out = new BatchBuilder();
    counts.forEach((key, val, diff) => out.push(key, val, diff));
    this.out.send(t, out.build());
  }

  ports(): readonly Port[] {
    return [this.input];
  }
}
