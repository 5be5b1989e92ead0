/**
 * `inspect(LABEL)`: reports every change passing through, with its time and diff, and
 * passes the batches on unchanged (LANGUAGE.md §4).
 *
 * The changes of one step (all at one time) are consolidated before they are reported,
 * so a row that is added and retracted within one time is not reported, and each
 * `(key, val, time)` appears once per step. Reports go to the dataflow's inspect sink in
 * processing order, which the scheduler makes deterministic. Reported times have one
 * coordinate per enclosing scope after the epoch; at the root a row delayed by a root
 * `enter_at` carries its delay as a second coordinate (`[e, c1]`), others just `[e]`.
 */
import { RowCounts } from '../consolidate.js';
import { Node } from '../node.js';
import type { RunContext, ScopeHandle } from '../node.js';
import { Port } from '../port.js';
import { coord, resize } from '../time.js';
import type { Time } from '../time.js';
import type { ItemIr } from '../../lang/ir.js';
import type { Value } from '../../lang/value.js';

/** Reports and forwards the updates of its input. */
export class InspectNode extends Node {
  readonly input: Port;

  constructor(
    ctx: RunContext,
    scope: ScopeHandle,
    item: ItemIr,
    private readonly label: string,
  ) {
    super(ctx, scope, item);
    this.input = new Port(scope);
    this.soleInput = this.input;
  }

  nextTime(): Time | undefined {
    return this.input.head;
  }

  step(t: Time): void {
    const batches = this.input.take(t);
    const rows = new RowCounts();
    for (const b of batches) {
      for (let i = 0; i < b.size; i++) rows.add(b.keys[i] as Value, b.vals[i] as Value, b.diffs[i] as number);
    }
    const time = reportedTime(t, this.scope.depth);
    const sink = this.ctx.inspects;
    const dataflow = this.ctx.dataflow;
    const label = this.label;
    rows.forEach((key, val, diff) => sink.push({ dataflow, label, key, val, time, diff }));
    this.out.sendAll(t, batches);
  }

  ports(): readonly Port[] {
    return [this.input];
  }
}

/** How a time of a scope at `depth` is reported to people. */
export function reportedTime(t: Time, depth: number): Time {
  if (depth > 0) return resize(t, depth + 1);
  const c1 = coord(t, 1);
  return c1 === 0 ? [coord(t, 0)] : [coord(t, 0), c1];
}
