/**
 * `min` / `distinct` / `count` / `collect`: per-key reduction of an arranged input into
 * an arranged output (ENGINE.md "reduce").
 *
 * Invariant: for every key and every time t, the output accumulated at t equals
 * `f(input accumulated at t)`. When a key's input changes at time t — or a time was
 * scheduled for it — the node re-examines the key at t: it sums the key's visible input
 * at times ≤ t, applies the reducer, subtracts the output accumulated at t, and emits
 * the difference at t. It then schedules the key at `join(t, s)` for every input time s
 * of the key that is not ≤ t. Because scheduled times are processed the same way, the
 * set of examined times is closed under joins with the key's input times (the
 * "interesting times"), which is what keeps the output exact in a partial order, e.g.
 * at `[1,256,256]` given history at `[0,256,0]`, `[0,0,256]` and a change at `[1,0,0]`.
 * Scheduled times lie ahead; they wait in the node's schedule (and on the scope's
 * agenda) until the scheduler reaches them, when all input at or below them is in.
 */
import { reduceKey } from './reducers.js';
import { objectArray } from '../batch.js';
import { arranged } from './join.js';
import { Node, earliest } from '../node.js';
import type { RunContext, ScopeHandle } from '../node.js';
import { Port } from '../port.js';
import { compareLex, join, leq } from '../time.js';
import type { Time } from '../time.js';
import { STRIDE } from '../block.js';
import { Trace, nextMark } from '../trace.js';
import type { KeyTrace, Reader } from '../trace.js';
import type { ReducerKind } from '../../lang/ast.js';
import type { ItemIr } from '../../lang/ir.js';
import { equalValues } from '../../lang/value-order.js';
import type { Value } from '../../lang/value.js';

// Keys scheduled for one future time.
interface Due {
  readonly time: Time;
  readonly keys: KeyTrace[];
  readonly set: Set<KeyTrace>;
}

/** Reduces each key of an arranged input with one of the four reducers. */
export class ReduceNode extends Node {
  readonly input: Port;
  /** The output arrangement. */
  readonly output: Trace;
  // Future (time, key) pairs to re-examine, sorted by time.
  private readonly due: Due[] = [];
  private scheduled = 0;
  // Scratch for one key's input and output pairs.
  private readonly vals: Value[] = [];
  private readonly diffs: number[] = [];

  constructor(
    ctx: RunContext,
    scope: ScopeHandle,
    item: ItemIr,
    private readonly kind: ReducerKind,
    private readonly reader: Reader,
    /** The output trace, when it was made before the node (for a loop variable's readers). */
    output: Trace = new Trace(),
  ) {
    super(ctx, scope, item);
    this.input = new Port(scope);
    this.output = output;
    this.trace = output;
  }

  nextTime(): Time | undefined {
    return earliest(this.input.head, this.due[0]?.time);
  }

  step(t: Time): void {
    const keys = this.keysAt(t);
    // All corrections of this step form one batch of the output trace, at t.
    const out = this.output;
    // Keys come in hash order after a large arrangement batch: room for each to be new
    // keeps the output table from filling its front first (key-table.ts).
    if (keys.length > 64) out.reserve(keys.length);
    out.openBatch();
    this.examineAll(keys, t);
    // Corrections are consolidated already: at most one per distinct val of a key.
    this.out.send(t, out.closeBatch(true));
  }

  // The loops live in their own functions with nothing after them: a load's huge first
  // step gets them on-stack-replaced by V8 before any later code has run, and such code
  // (without type feedback) would deoptimize again on every later step.

  // The keys to re-examine at t: those with new input, then those scheduled for t.
  private keysAt(t: Time): KeyTrace[] {
    const keys: KeyTrace[] = objectArray();
    const seen = nextMark();
    const batches = this.input.take(t);
    for (let i = 0; i < batches.length; i++) {
      const batch = arranged(batches[i], this.item);
      // A reducer's reader (`Trace.addReader(true)`) keeps its trace from having a base.
      if (batch.refs === null)
        throw new TypeError(`item ${this.item.id} (reduce) received a batch without key histories`);
      addNew(batch.refs, seen, keys);
      this.reader.consume(batch);
    }
    const head = this.due[0];
    if (head !== undefined && compareLex(head.time, t) === 0) {
      this.due.shift();
      this.scheduled -= head.keys.length;
      addNew(head.keys, seen, keys);
    }
    return keys;
  }

  // Re-examines every key at t (into the open output batch).
  private examineAll(keys: readonly KeyTrace[], t: Time): void {
    const budget = this.ctx.budget;
    for (let i = 0; i < keys.length; i++) {
      const kt = keys[i] as KeyTrace;
      this.examine(kt, t);
      budget.work(1 + kt.length);
    }
  }

  // Re-examines one key at t: emits f(input at t) − output at t, schedules joins.
  private examine(kt: KeyTrace, t: Time): void {
    const vals = this.vals;
    const diffs = this.diffs;
    // Input at t: the visible entries at times ≤ t. Every other input time s (not ≤ t)
    // makes join(t, s) interesting for this key.
    let n = 0;
    const d = kt.data;
    const end = kt.visibleEnd(this.reader.cursor);
    for (let e = 0; e < end; e += STRIDE) {
      const te = d[e + 1] as Time;
      if (leq(te, t)) {
        vals[n] = d[e] as Value;
        diffs[n] = d[e + 2] as number;
        n++;
      } else this.schedule(join(t, te), kt);
    }
    const want = reduceKey(this.kind, vals, diffs, n);
    // The output accumulated at t, consolidated (usually zero or one row).
    const out = this.output;
    let okt = out.find(kt.key, kt.hash);
    let m = 0;
    if (okt !== undefined) {
      const od = okt.data;
      for (let e = 0; e < od.length; e += STRIDE) {
        if (!leq(od[e + 1] as Time, t)) continue;
        const v = od[e] as Value;
        let k = 0;
        while (k < m && !equalValues(vals[k] as Value, v)) k++;
        if (k === m) {
          vals[m] = v;
          diffs[m] = 0;
          m++;
        }
        diffs[k] = (diffs[k] as number) + (od[e + 2] as number);
      }
    }
    // Correct every current output val towards its target: 1 for the wanted val, else 0.
    let wantSeen = false;
    for (let k = 0; k < m; k++) {
      const v = vals[k] as Value;
      const have = diffs[k] as number;
      const target = want !== null && !wantSeen && equalValues(v, want) ? 1 : 0;
      if (target === 1) wantSeen = true;
      if (have !== target) out.add(okt as KeyTrace, v, t, target - have);
    }
    // Created only when there is something to write, so keys without output cost nothing.
    if (want !== null && !wantSeen) {
      okt ??= out.obtain(kt.key, kt.hash);
      out.add(okt, want, t, 1);
    }
  }

  // Schedules `kt` at the future time t (once per key and time).
  private schedule(t: Time, kt: KeyTrace): void {
    const due = this.due;
    let lo = 0;
    let hi = due.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareLex((due[mid] as Due).time, t);
      if (c === 0) {
        const slot = due[mid] as Due;
        if (!slot.set.has(kt)) {
          slot.set.add(kt);
          slot.keys.push(kt);
          this.scheduled++;
        }
        return;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    due.splice(lo, 0, { time: t, keys: [kt], set: new Set([kt]) });
    this.scheduled++;
    this.scope.schedule(t);
  }

  ports(): readonly Port[] {
    return [this.input];
  }

  override held(): number {
    return this.output.records + this.scheduled;
  }
}

// Appends to `keys` each of `refs` not yet marked `seen` (a loop with nothing after it, see `step`).
function addNew(refs: readonly KeyTrace[], seen: number, keys: KeyTrace[]): void {
  for (let i = 0; i < refs.length; i++) {
    const kt = refs[i] as KeyTrace;
    if (kt.mark !== seen) {
      kt.mark = seen;
      keys.push(kt);
    }
  }
}
