/**
 * A from-scratch reference evaluator of DDIR programs (LANGUAGE.md §4), written
 * independently of the engine and deliberately simple: no incrementality at all.
 *
 * Takes a checked `ProgramIr` (unoptimized is fine) and the accumulated contents of each
 * positional input at one epoch; returns each export's consolidated rows, sorted by
 * (key, val). `evaluateEpochs` does this afresh for every epoch of an update log.
 *
 * Meaning, straight from the spec. Every item of a scope is a collection that depends on
 * the scope's own iteration coordinate `i`:
 * - an iterating scope runs its process literally: at `i = 0` every var is empty; a var's
 *   value at `i + 1` is its defining item's value at `i`; every other item is recomputed
 *   from the values at `i`. It stops once no var changes and no delayed row is still due.
 *   A child scope runs to its own fixed point, afresh, at every iteration of its parent,
 *   seeing the parent's values at that iteration; `leave` reads the converged value.
 * - `enter_at(T)` at coordinate `i` keeps the rows whose delay `256 * bitlen(T)` is ≤ `i`
 *   (a row appears from that iteration on; chained delays keep the larger).
 * - `lift_iter` tags each *change* with the coordinate at which it happened: its value at
 *   `i` is its value at the previous iteration plus the input's change since then, each
 *   changed row's value extended with `i` (what summing updates at times ≤ `i` means).
 * - The root has no feedback, but root rows downstream of an `enter_at` carry the
 *   coordinate depth-1 scopes iterate on (ENGINE.md, time): a root item is a function of
 *   that coordinate `c`, a depth-1 scope at iteration `i` sees root items at `c = i`, a
 *   `leave` into the root is constant in `c`, root exports read the limit, and root
 *   `lift_iter` appends 0.
 * Between changes nothing moves, so a run jumps to the next iteration at which a delayed
 * row becomes due instead of stepping through idle ones (delays are multiples of 256).
 *
 * Errors: a term failing on a row throws the term evaluator's `TermError`; a scope run
 * computing more than `maxSteps` iterations throws `NonConvergenceError`; `import` is not
 * modelled (`UnsupportedError`).
 */
import type { ItemId, ItemIr, ProgramIr, ScopeId, ScopeIr } from '../../src/lang/ir.js';
import type { Value } from '../../src/lang/value.js';
import { Builder, Multiset } from './multiset.js';
import type { Entry } from './multiset.js';
import { concat, delayed, join, liftChanges, nextDelay, pointwise, reduce } from './operators.js';

/** The largest delay `enter_at` can give: 256 × 64 (a negative value has 64 bits). */
export const MAX_DELAY = 256 * 64;

/** One update of a positional input: `(key ; val)` with `diff` at epoch `time`. */
export interface InputUpdate {
  readonly input: number;
  readonly key: Value;
  readonly val: Value;
  readonly time: number;
  readonly diff: number;
}

/** Each export's consolidated rows, sorted by (key, val). */
export type ExportContents = ReadonlyMap<string, readonly Entry[]>;

/** Options of the reference evaluator. */
export interface NaiveOptions {
  /** Iterations one run of one scope may compute before failing (default 10 000). */
  readonly maxSteps?: number;
}

/** A scope kept changing for more than the allowed number of iterations. */
export class NonConvergenceError extends Error {
  override name = 'NonConvergenceError';
}

/** The program uses something the reference evaluator does not model. */
export class UnsupportedError extends Error {
  override name = 'UnsupportedError';
}

/** The accumulated contents of every input at `epoch`: all updates at times ≤ `epoch`. */
export function inputsAt(updates: readonly InputUpdate[], epoch: number): Map<number, Multiset> {
  const builders = new Map<number, Builder>();
  for (const u of updates) {
    if (u.time > epoch) continue;
    let b = builders.get(u.input);
    if (!b) builders.set(u.input, (b = new Builder()));
    b.add(u.key, u.val, u.diff);
  }
  return new Map([...builders].map(([input, b]) => [input, b.build()]));
}

/** Evaluates the program on the given input contents; returns every export's rows. */
export function evaluate(
  program: ProgramIr,
  inputs: ReadonlyMap<number, Multiset>,
  options: NaiveOptions = {},
): ExportContents {
  const run = new Evaluation(program, inputs, options.maxSteps ?? 10_000);
  return new Map(program.exports.map((x) => [x.name, run.root(x.item, MAX_DELAY).sorted()]));
}

/** Evaluates the program afresh at each epoch `0..epochs-1` of an update log. */
export function evaluateEpochs(
  program: ProgramIr,
  updates: readonly InputUpdate[],
  epochs: number,
  options: NaiveOptions = {},
): ExportContents[] {
  const out: ExportContents[] = [];
  for (let e = 0; e < epochs; e++) out.push(evaluate(program, inputsAt(updates, e), options));
  return out;
}

/** What a scope's surroundings provide at each of its iterations. */
interface Outer {
  /** The parent's item `from` as seen at this scope's iteration `i`. */
  entered(from: ItemId, i: number): Multiset;
  /** The first iteration after `i` at which some entered value differs, if any. */
  nextChange(i: number): number | null;
}

/** Every item's value at one iteration of one scope run. */
interface IterationState {
  readonly values: readonly Multiset[];
  /** For each linear item, the output of each of its operators. */
  readonly stages: ReadonlyMap<ItemId, readonly Multiset[]>;
  /** The least `enter_at` delay beyond this iteration among rows already present. */
  readonly due: number | null;
}

function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function at<T>(xs: readonly T[], i: number, what: string): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`${what} ${i} does not exist`);
  return x;
}

/** One evaluation of a program on fixed input contents. */
class Evaluation {
  private readonly rootMemo = new Map<string, Multiset>();
  private readonly converged = new Map<ScopeId, readonly Multiset[]>();
  /** Whether any root item delays rows (else root items do not depend on `c`). */
  private readonly rootDelays: boolean;

  constructor(
    private readonly program: ProgramIr,
    private readonly inputs: ReadonlyMap<number, Multiset>,
    private readonly maxSteps: number,
  ) {
    this.rootDelays = this.scope(0).items.some(
      (it) => it.op === 'linear' && it.ops.some((op) => op.k === 'enter_at'),
    );
  }

  private scope(id: ScopeId): ScopeIr {
    return at(this.program.scopes, id, 'scope');
  }

  /** Root items change only where a delay is due: at multiples of 256 up to `MAX_DELAY`. */
  private canonical(c: number): number {
    return this.rootDelays ? Math.min(Math.floor(c / 256) * 256, MAX_DELAY) : 0;
  }

  /** Root item `id` at coordinate `c` (memoized). */
  root(id: ItemId, c: number): Multiset {
    const point = this.canonical(c);
    const memoKey = `${id}@${point}`;
    const hit = this.rootMemo.get(memoKey);
    if (hit) return hit;
    const item = at(this.scope(0).items, id, 'root item');
    const read = (from: ItemId): Multiset => this.root(from, point);
    let value: Multiset;
    switch (item.op) {
      case 'input':
        value = this.inputs.get(item.index) ?? Multiset.EMPTY;
        break;
      case 'scope':
        value = Multiset.EMPTY;
        break;
      case 'leave':
        value = at(this.convergedChild(item.child), item.from, 'child item');
        break;
      case 'linear':
        value = this.linear(item, read(item.input), point, null, null, true).outs.at(-1) ?? read(item.input);
        break;
      default:
        value = this.combine(item, read);
    }
    this.rootMemo.set(memoKey, value);
    return value;
  }

  /** The converged values of depth-1 scope `id` (constant along the root's coordinate). */
  private convergedChild(id: ScopeId): readonly Multiset[] {
    const hit = this.converged.get(id);
    if (hit) return hit;
    const child = this.scope(id);
    const entered = child.items.flatMap((it) => (it.op === 'enter' ? [it.from] : []));
    const outer: Outer = {
      entered: (from, i) => this.root(from, i),
      nextChange: (i) => {
        if (!this.rootDelays) return null;
        const base = this.canonical(i);
        for (let p = base + 256; p <= MAX_DELAY; p += 256) {
          if (entered.some((from) => !this.root(from, p).equals(this.root(from, base)))) return p;
        }
        return null;
      },
    };
    const values = this.run(child, outer);
    this.converged.set(id, values);
    return values;
  }

  /** Runs a non-root scope to its fixed point; returns every item's converged value. */
  private run(scope: ScopeIr, outer: Outer): readonly Multiset[] {
    let prev: IterationState | null = null;
    let i = 0;
    for (let steps = 1; ; steps++) {
      if (steps > this.maxSteps) {
        throw new NonConvergenceError(`scope ${scope.name} still changes after ${this.maxSteps} iterations`);
      }
      const state = this.iterate(scope, outer, i, prev);
      const moving = scope.vars.some(
        (v) => !at(state.values, v.next, 'item').equals(at(state.values, v.item, 'item')),
      );
      if (moving) {
        prev = state;
        i += 1;
        continue;
      }
      // Stable: nothing changes until the next delayed row is due or the outside changes.
      const next = earliest(state.due, outer.nextChange(i));
      if (next === null) return state.values;
      prev = state;
      i = next;
    }
  }

  /** Every item of `scope` at iteration `i`, given the state of the iteration before. */
  private iterate(scope: ScopeIr, outer: Outer, i: number, prev: IterationState | null): IterationState {
    const values: Multiset[] = [];
    const stages = new Map<ItemId, readonly Multiset[]>();
    const children = new Map<ScopeId, readonly Multiset[]>();
    let due: number | null = null;
    const read = (from: ItemId): Multiset => at(values, from, 'item');
    for (const item of scope.items) {
      let value: Multiset;
      switch (item.op) {
        case 'enter':
          value = outer.entered(item.from, i);
          break;
        case 'variable': {
          const v = at(scope.vars, item.variable, 'var');
          value = prev === null ? Multiset.EMPTY : at(prev.values, v.next, 'item');
          break;
        }
        case 'scope': {
          const inner: Outer = { entered: (from) => read(from), nextChange: () => null };
          children.set(item.child, this.run(this.scope(item.child), inner));
          value = Multiset.EMPTY;
          break;
        }
        case 'leave': {
          const converged = children.get(item.child);
          if (!converged) throw new RangeError(`scope ${item.child} is left before it runs`);
          value = at(converged, item.from, 'child item');
          break;
        }
        case 'linear': {
          const prevIn = prev ? at(prev.values, item.input, 'item') : null;
          const prevOuts = prev ? (prev.stages.get(item.id) ?? null) : null;
          const r = this.linear(item, read(item.input), i, prevIn, prevOuts, false);
          stages.set(item.id, r.outs);
          due = earliest(due, r.due);
          value = r.outs.at(-1) ?? read(item.input);
          break;
        }
        default:
          value = this.combine(item, read);
      }
      values[item.id] = value;
    }
    return { values, stages, due };
  }

  /** A linear chain at coordinate `i`: each operator's output, and the next due delay. */
  private linear(
    item: Extract<ItemIr, { op: 'linear' }>,
    input: Multiset,
    i: number,
    prevIn: Multiset | null,
    prevOuts: readonly Multiset[] | null,
    atRoot: boolean,
  ): { outs: Multiset[]; due: number | null } {
    const outs: Multiset[] = [];
    let due: number | null = null;
    let cur = input;
    let before = prevIn;
    item.ops.forEach((op, k) => {
      let out: Multiset;
      if (op.k === 'enter_at') {
        out = delayed(op.term, cur, i);
        due = earliest(due, nextDelay(op.term, cur, i));
      } else if (op.k === 'lift_iter') {
        // At the root the appended coordinate is always 0 (LANGUAGE.md, lift_iter).
        out = atRoot
          ? liftChanges(Multiset.EMPTY, cur, 0)
          : liftChanges(prevOuts?.[k] ?? Multiset.EMPTY, cur.plus(before ?? Multiset.EMPTY, -1), i);
      } else {
        out = pointwise(op, cur);
      }
      outs.push(out);
      before = prevOuts?.[k] ?? null;
      cur = out;
    });
    return { outs, due };
  }

  /** The operators that only combine their inputs' current values. */
  private combine(item: ItemIr, read: (from: ItemId) => Multiset): Multiset {
    switch (item.op) {
      case 'concat':
        return concat(item.inputs.map(read));
      case 'arrange':
      case 'inspect':
        return read(item.input);
      case 'join':
        return join(read(item.left), read(item.right), item.proj);
      case 'reduce':
        return reduce(read(item.input), item.reducer);
      case 'import':
        throw new UnsupportedError(`import "${item.name}" is not modelled by the reference evaluator`);
      default:
        throw new RangeError(`item ${item.id} (${item.op}) cannot appear in scope here`);
    }
  }
}
