/**
 * A fused chain of linear operators: map/key, filter, negate, flatmap, enter_at,
 * lift_iter (LANGUAGE.md §2), applied to each update in order. No state.
 *
 * Time only changes in `enter_at`, which raises the scope's iteration coordinate (index
 * max(depth, 1): at the root, the c1 the depth-1 scopes iterate on) to at least
 * `256 * bitLength(T)`; the update is then emitted at that later time and waits there,
 * so a delay is a jump, not a walk through empty iterations. `lift_iter` appends the
 * iteration coordinate of the update's time *as it is at that point of the chain* (so
 * after an earlier `enter_at`); at the root it appends 0. A term error fails the
 * dataflow, naming the operator, the row it failed on and the time: the least failing
 * row of the step, which is evaluated to its end first (see `StepFailures`).
 */
import { StepFailures, termFailure } from '../budget.js';
import type { Batch } from '../batch.js';
import { Emitter, Node } from '../node.js';
import type { RunContext, ScopeHandle } from '../node.js';
import { Port } from '../port.js';
import { coord, withCoord } from '../time.js';
import type { Time } from '../time.js';
import { TermError, compileProjection, compileTerm, showValue, truthy } from '../../lang/eval.js';
import type { CompiledProjection, CompiledTerm } from '../../lang/eval.js';
import { bitLength } from '../../lang/int64.js';
import type { ItemIr, LinearOp } from '../../lang/ir.js';
import type { Span } from '../../lang/source.js';
import { ListValue } from '../../lang/value.js';
import type { Value } from '../../lang/value.js';

// One compiled step of the chain.
type Stage =
  | { readonly k: 'project'; readonly f: CompiledProjection; readonly span: Span }
  | { readonly k: 'filter' | 'flatmap' | 'enter_at'; readonly f: CompiledTerm; readonly span: Span }
  | { readonly k: 'negate'; readonly span: Span }
  | { readonly k: 'lift_iter'; readonly span: Span };

function compileStage(op: LinearOp): Stage {
  switch (op.k) {
    case 'project':
      return { k: 'project', f: compileProjection(op.proj), span: op.span };
    case 'filter':
    case 'flatmap':
    case 'enter_at':
      return { k: op.k, f: compileTerm(op.term), span: op.span };
    case 'negate':
      return { k: 'negate', span: op.span };
    case 'lift_iter':
      return { k: 'lift_iter', span: op.span };
  }
}

/** Applies a fused chain of linear operators to every update. */
export class LinearNode extends Node {
  readonly input: Port;
  private readonly stages: readonly Stage[];
  // The only stage, when the chain is a single projection.
  private readonly projection: Extract<Stage, { k: 'project' }> | null;
  // One row environment per stage (a flatmap recurses into the later stages only).
  private readonly envs: Value[][];
  private readonly emitter = new Emitter();
  // The coordinate enter_at raises and lift_iter reads.
  private readonly iterIndex: number;
  // Memo of the last enter_at result: (input time, delay) → output time.
  private memoIn: Time | null = null;
  private memoDelay = -1;
  private memoOut: Time | null = null;
  // Term errors of the current step: the least one fails the dataflow after the step.
  private readonly failures = new StepFailures();

  constructor(ctx: RunContext, scope: ScopeHandle, item: ItemIr, ops: readonly LinearOp[]) {
    super(ctx, scope, item);
    this.input = new Port(scope);
    this.soleInput = this.input;
    this.stages = ops.map(compileStage);
    const first = this.stages[0];
    this.projection = this.stages.length === 1 && first?.k === 'project' ? first : null;
    this.envs = ops.map(() => [0, 0]);
    this.iterIndex = scope.depth > 1 ? scope.depth : 1;
  }

  nextTime(): Time | undefined {
    return this.input.head;
  }

  step(t: Time): void {
    const batches = this.input.take(t);
    const only = this.projection;
    for (let k = 0; k < batches.length; k++) {
      const b = batches[k] as Batch;
      if (only !== null) this.project(only, b, t);
      else {
        const keys = b.keys;
        const vals = b.vals;
        const diffs = b.diffs;
        for (let i = 0; i < keys.length; i++)
          this.run(0, keys[i] as Value, vals[i] as Value, t, diffs[i] as number);
      }
      this.ctx.budget.work(b.size);
    }
    this.failures.check();
    this.emitter.flush(this.out);
  }

  // The chain is one projection (keying rows, the commonest case): each row straight
  // through it, every output at t.
  private project(stage: Extract<Stage, { k: 'project' }>, b: Batch, t: Time): void {
    const keys = b.keys;
    const vals = b.vals;
    const diffs = b.diffs;
    const env = this.envs[0] as Value[];
    const f = stage.f;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as Value;
      const val = vals[i] as Value;
      env[0] = key;
      env[1] = val;
      let kv: [Value, Value];
      try {
        kv = f(env);
      } catch (e) {
        this.failures.note(termFailure(e, stage.span, key, val, t));
        continue;
      }
      this.emitter.push(t, kv[0], kv[1], diffs[i] as number);
    }
  }

  // Runs stages i.. on one update.
  private run(i: number, key: Value, val: Value, time: Time, diff: number): void {
    const stages = this.stages;
    // The update is rewritten in place stage by stage; only flatmap branches.
    for (; i < stages.length; i++) {
      const s = stages[i] as Stage;
      if (s.k === 'negate') {
        diff = -diff;
        continue;
      }
      if (s.k === 'lift_iter') {
        const it = this.scope.depth === 0 ? 0 : coord(time, this.iterIndex);
        val = Array.isArray(val) ? [...(val as readonly Value[]), it] : [val, it];
        continue;
      }
      // Terms see `$0` = key and `$1` = val of the update as it is at this stage.
      const env = this.envs[i] as Value[];
      env[0] = key;
      env[1] = val;
      let v: Value;
      try {
        if (s.k === 'project') {
          const kv = s.f(env);
          key = kv[0];
          val = kv[1];
          continue;
        }
        v = s.f(env);
      } catch (e) {
        this.failures.note(termFailure(e, s.span, key, val, time));
        return;
      }
      if (s.k === 'filter') {
        if (!truthy(v)) return;
      } else if (s.k === 'flatmap') {
        if (!(v instanceof ListValue)) {
          const error = new TermError(s.span, `flatmap needs a List, got ${showValue(v)}`);
          this.failures.note(termFailure(error, s.span, key, val, time));
          return;
        }
        const items = v.items;
        for (let p = 0; p < items.length; p++) this.run(i + 1, key, [p, items[p] as Value], time, diff);
        return;
      } else {
        const delayed = this.delay(v, s.span, key, val, time);
        if (delayed === null) return;
        time = delayed;
      }
    }
    this.emitter.push(time, key, val, diff);
  }

  // enter_at: the update's time with its iteration coordinate raised to the delay
  // (null after noting the failure when the delay is not an Int).
  private delay(v: Value, span: Span, key: Value, val: Value, time: Time): Time | null {
    if (typeof v !== 'number' && typeof v !== 'bigint') {
      const error = new TermError(span, `enter_at needs an Int, got ${showValue(v)}`);
      this.failures.note(termFailure(error, span, key, val, time));
      return null;
    }
    const delay = 256 * bitLength(v);
    // A second enter_at keeps the larger delay: never lower a coordinate.
    if (coord(time, this.iterIndex) >= delay) return time;
    if (this.memoIn === time && this.memoDelay === delay && this.memoOut !== null) return this.memoOut;
    const out = withCoord(time, this.iterIndex, delay);
    this.memoIn = time;
    this.memoDelay = delay;
    this.memoOut = out;
    return out;
  }

  ports(): readonly Port[] {
    return [this.input];
  }
}
