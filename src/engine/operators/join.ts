/**
 * `join(OTHER, P)`: the equi-join of two arranged collections (ENGINE.md "join").
 *
 * At time t, with new left batches ΔL and new right batches ΔR (told apart by *batch*,
 * not by timestamp): first ΔL is matched against the right trace as this join has
 * consumed it so far, then ΔR against the left trace including ΔL. Each pair `(l, r)` is
 * thus counted exactly once — also for a self-join, where both sides read one trace with
 * two cursors (`dL×R + L×dR − dL×dR`). A pair of updates at times tl, tr produces the
 * projection `P($0 = key, $1 = left val, $2 = right val)` at `join(tl, tr)` with the
 * product of the diffs; that time may lie ahead of t, where the receiver buffers it.
 * A term error on a pair fails the dataflow, naming the pair and the time (the least
 * failing pair of the step, which is evaluated to its end first: `StepFailures`).
 */
import { StepFailures, termFailure } from '../budget.js';
import { Emitter, Node, earliest } from '../node.js';
import type { RunContext, ScopeHandle } from '../node.js';
import type { TimeMap } from '../outlet.js';
import { Port } from '../port.js';
import { keepLayout } from '../layouts.js';
import { join } from '../time.js';
import type { Time } from '../time.js';
import { STRIDE } from '../block.js';
import { ArrangedBatch, History, Trace } from '../trace.js';
import type { Reader } from '../trace.js';
import { compileProjection } from '../../lang/eval.js';
import type { CompiledProjection } from '../../lang/eval.js';
import type { ItemIr } from '../../lang/ir.js';
import { projectionFields } from '../../lang/term.js';
import type { ProjectionIr } from '../../lang/term.js';
import type { Value } from '../../lang/value.js';

/**
 * One side of a join: the trace it reads, this join's cursor in it, and how the trace's
 * entry times map into the join's scope (null: as they are; see `Node.traceMap`).
 */
export class JoinSide {
  // The last history time mapped and its image (entries share a few time objects).
  private lastIn: Time | null = null;
  private lastOut: Time | null = null;

  /** Where `trace.seek` shows this join each key's history. */
  readonly history = new History();

  constructor(
    readonly trace: Trace,
    readonly reader: Reader,
    private readonly timeMap: TimeMap | null,
  ) {}

  /** The time of one of the trace's history entries, as the join sees it. */
  historyTime(te: Time): Time {
    const map = this.timeMap;
    if (map === null) return te;
    if (te !== this.lastIn) {
      this.lastIn = te;
      this.lastOut = map(te);
    }
    return this.lastOut as Time;
  }
}

// See layouts.ts: a join side.
{
  const trace = new Trace();
  keepLayout(new JoinSide(trace, trace.addReader(), null));
}

/** Joins two arranged inputs on their keys. */
export class JoinNode extends Node {
  readonly left: Port;
  readonly right: Port;
  private readonly proj: CompiledProjection;
  private readonly emitter = new Emitter();
  // The projection's row environment, reused for every pair.
  private readonly env: Value[] = [0, 0, 0];
  // The projection reads neither `$1` (left val) / `$2` (right val): see `matchSummed`.
  private readonly ignoresLeft: boolean;
  private readonly ignoresRight: boolean;
  // Term errors of the current step: the least one fails the dataflow after the step.
  private readonly failures = new StepFailures();

  constructor(
    ctx: RunContext,
    scope: ScopeHandle,
    item: ItemIr,
    projection: ProjectionIr,
    private readonly leftSide: JoinSide,
    private readonly rightSide: JoinSide,
  ) {
    super(ctx, scope, item);
    this.left = new Port(scope);
    this.right = new Port(scope);
    this.proj = compileProjection(projection);
    const fields = projectionFields(projection);
    this.ignoresLeft = !fields.has(1);
    this.ignoresRight = !fields.has(2);
  }

  nextTime(): Time | undefined {
    return earliest(this.left.head, this.right.head);
  }

  step(t: Time): void {
    // ΔL first, against the right side as consumed so far; consuming ΔL then makes it
    // history for ΔR, so ΔL×ΔR is produced exactly once (in the second loop).
    const lefts = this.left.take(t);
    for (let i = 0; i < lefts.length; i++) {
      const batch = arranged(lefts[i], this.item);
      this.match(batch, this.rightSide, t, true);
      this.leftSide.reader.consume(batch);
    }
    const rights = this.right.take(t);
    for (let i = 0; i < rights.length; i++) {
      const batch = arranged(rights[i], this.item);
      this.match(batch, this.leftSide, t, false);
      this.rightSide.reader.consume(batch);
    }
    this.failures.check();
    this.emitter.flush(this.out);
  }

  // Matches the new updates of `batch` (at t) with the other side's visible history.
  private match(batch: ArrangedBatch, other: JoinSide, t: Time, newIsLeft: boolean): void {
    const keys = batch.keys;
    const vals = batch.vals;
    const diffs = batch.diffs;
    const cursor = other.reader.cursor;
    const n = keys.length;
    const budget = this.ctx.budget;
    const h = other.history;
    let i = 0;
    while (i < n) {
      // The batch is grouped by key (one key object per run): [i, j) is one key's new updates.
      const key = keys[i] as Value;
      let j = i + 1;
      while (j < n && keys[j] === key) j++;
      // The other side's history of the key (in the same trace for a self-join).
      const found = other.trace.seek(key, batch.hashAt(i), h);
      if (found && !(newIsLeft ? this.ignoresRight : this.ignoresLeft)) {
        const d = h.data;
        const end = h.visibleEnd(cursor);
        // Entries mostly share a few time objects (compaction gives them one): join once per run.
        let lastTime: Time | null = null;
        let time = t;
        for (let e = h.lo; e < end; e += STRIDE) {
          const ov = d[e] as Value;
          const te = d[e + 1] as Time;
          if (te !== lastTime) {
            lastTime = te;
            // Usually `t` itself (history lies at or before t), so no time is allocated.
            time = join(t, other.historyTime(te));
          }
          const od = d[e + 2] as number;
          for (let k = i; k < j; k++) {
            const nv = vals[k] as Value;
            // One call site for both sides keeps its type feedback whole.
            this.emit(key, newIsLeft ? nv : ov, newIsLeft ? ov : nv, time, (diffs[k] as number) * od);
          }
          budget.work(j - i);
        }
      } else if (found) this.matchSummed(h, other, batch, i, j, t, newIsLeft);
      budget.work(1);
      i = j;
    }
  }

  /**
   * Matches the run [i, j) of `batch` with the history `h` when the projection never reads
   * the other side's val: every pair of a new update with the other side's entries at one
   * time then projects to the same row, so the entries' diffs are summed per time and each
   * new update is projected once per time, with the sum. (On a term error the time's entries are
   * matched one by one, so the failure reported is the one the plain path would report.)
   */
  private matchSummed(
    h: History,
    other: JoinSide,
    batch: ArrangedBatch,
    i: number,
    j: number,
    t: Time,
    newIsLeft: boolean,
  ): void {
    const d = h.data;
    const end = h.visibleEnd(other.reader.cursor);
    const vals = batch.vals;
    const diffs = batch.diffs;
    const key = h.key;
    let e = h.lo;
    while (e < end) {
      // [e, f): entries at one time object.
      const te = d[e + 1] as Time;
      let sum = 0;
      let f = e;
      while (f < end && d[f + 1] === te) {
        sum += d[f + 2] as number;
        f += STRIDE;
      }
      // A zero sum emits nothing but is still projected: a term error fails as it would pair by pair.
      const time = join(t, other.historyTime(te));
      const ov = d[e] as Value;
      for (let k = i; k < j; k++) {
        const nv = vals[k] as Value;
        const dk = diffs[k] as number;
        if (!this.emit(key, newIsLeft ? nv : ov, newIsLeft ? ov : nv, time, dk * sum))
          for (let g = e; g < f; g += STRIDE) {
            const gv = d[g] as Value;
            this.emit(key, newIsLeft ? nv : gv, newIsLeft ? gv : nv, time, dk * (d[g + 2] as number));
          }
      }
      this.ctx.budget.work(j - i);
      e = f;
    }
  }

  // Projects one pair and emits it (nothing for a zero diff); false after noting the
  // failure when the term fails.
  private emit(key: Value, lv: Value, rv: Value, time: Time, diff: number): boolean {
    const env = this.env;
    env[0] = key;
    env[1] = lv;
    env[2] = rv;
    let out: [Value, Value];
    try {
      out = this.proj(env);
    } catch (e) {
      this.failures.note(termFailure(e, this.item.span, key, [lv, rv], time));
      return false;
    }
    if (diff !== 0) this.emitter.push(time, out[0], out[1], diff);
    return true;
  }

  ports(): readonly Port[] {
    return [this.left, this.right];
  }
}

/** The batch as an arrangement's batch; anything else reaching a join is an engine bug. */
export function arranged(b: unknown, item: ItemIr): ArrangedBatch {
  if (b instanceof ArrangedBatch) return b;
  throw new TypeError(`item ${item.id} (${item.op}) received a batch that does not come from an arrangement`);
}
