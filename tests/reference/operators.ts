/**
 * The collection operators of the naive reference evaluator, each a plain function from
 * whole collections to a whole collection (LANGUAGE.md §2): no state, no incrementality.
 *
 * Terms are run with the shared term evaluator (`src/lang/eval.ts`), compiled once per
 * term node. A failing term throws its `TermError`; a non-List `flatmap` result or a
 * non-Int `enter_at` delay throws `TypeError`.
 */
import { compileProjection, compileTerm, truthy } from '../../src/lang/eval.js';
import type { CompiledProjection, CompiledTerm } from '../../src/lang/eval.js';
import type { ReducerKind } from '../../src/lang/ast.js';
import type { LinearOp } from '../../src/lang/ir.js';
import type { ProjectionIr, Term } from '../../src/lang/term.js';
import { compareValues } from '../../src/lang/value-order.js';
import { ListValue, UNIT } from '../../src/lang/value.js';
import type { Value } from '../../src/lang/value.js';
import { Builder, Multiset, valueId } from './multiset.js';
import type { Entry } from './multiset.js';

const terms = new WeakMap<Term, CompiledTerm>();
const projections = new WeakMap<ProjectionIr, CompiledProjection>();

function termOf(t: Term): CompiledTerm {
  let c = terms.get(t);
  if (!c) terms.set(t, (c = compileTerm(t)));
  return c;
}

function projectionOf(p: ProjectionIr): CompiledProjection {
  let c = projections.get(p);
  if (!c) projections.set(p, (c = compileProjection(p)));
  return c;
}

/** Significant bits of an Int read as an unsigned 64-bit word (0 for 0, 64 if negative). */
export function bitlen(v: Value): number {
  if (typeof v !== 'number' && typeof v !== 'bigint') {
    throw new TypeError('enter_at needs a term giving an integer');
  }
  const word = BigInt.asUintN(64, BigInt(v));
  return word === 0n ? 0 : word.toString(2).length;
}

/** The iteration from which `enter_at(term)` lets this row through: 256 × bitlen. */
export function delayOf(term: Term, e: Entry): number {
  return 256 * bitlen(termOf(term)([e.key, e.val]));
}

/** Applies a stateless linear operator (project, filter, negate, flatmap) row by row. */
export function pointwise(op: Exclude<LinearOp, { k: 'enter_at' | 'lift_iter' }>, input: Multiset): Multiset {
  const b = new Builder();
  for (const e of input.entries()) {
    const env = [e.key, e.val];
    switch (op.k) {
      case 'project': {
        const [k, v] = projectionOf(op.proj)(env);
        b.add(k, v, e.mult);
        break;
      }
      case 'filter':
        if (truthy(termOf(op.term)(env))) b.add(e.key, e.val, e.mult);
        break;
      case 'negate':
        b.add(e.key, e.val, -e.mult);
        break;
      case 'flatmap': {
        const l = termOf(op.term)(env);
        if (!(l instanceof ListValue)) throw new TypeError('flatmap needs a term giving a list');
        l.items.forEach((item, p) => b.add(e.key, [p, item], e.mult));
        break;
      }
    }
  }
  return b.build();
}

/** `enter_at` seen at coordinate `i`: the rows whose delay is at most `i`. */
export function delayed(term: Term, input: Multiset, i: number): Multiset {
  return Multiset.of([...input.entries()].filter((e) => delayOf(term, e) <= i));
}

/** The least `enter_at` delay greater than `i` among the rows of `input`, if any. */
export function nextDelay(term: Term, input: Multiset, i: number): number | null {
  let best: number | null = null;
  for (const e of input.entries()) {
    const d = delayOf(term, e);
    if (d > i && (best === null || d < best)) best = d;
  }
  return best;
}

/** `v` extended with the coordinate `i` (a Tuple gets one more field, else `tuple(v, i)`). */
export function withCoordinate(v: Value, i: number): Value {
  return Array.isArray(v) ? [...(v as readonly Value[]), i] : [v, i];
}

/** `base` plus `changes`, every changed row's value extended with coordinate `i`. */
export function liftChanges(base: Multiset, changes: Multiset, i: number): Multiset {
  const b = new Builder();
  for (const e of base.entries()) b.add(e.key, e.val, e.mult);
  for (const e of changes.entries()) b.add(e.key, withCoordinate(e.val, i), e.mult);
  return b.build();
}

/** Groups rows by key: key id → the key and its rows. */
function byKey(m: Multiset): Map<string, { key: Value; rows: Entry[] }> {
  const groups = new Map<string, { key: Value; rows: Entry[] }>();
  for (const e of m.entries()) {
    const id = valueId(e.key);
    const g = groups.get(id);
    if (g) g.rows.push(e);
    else groups.set(id, { key: e.key, rows: [e] });
  }
  return groups;
}

/** The equi-join: one row per matching pair, projected from (key, left val, right val). */
export function join(left: Multiset, right: Multiset, proj: ProjectionIr): Multiset {
  const rightGroups = byKey(right);
  const project = projectionOf(proj);
  const b = new Builder();
  for (const l of left.entries()) {
    for (const r of rightGroups.get(valueId(l.key))?.rows ?? []) {
      const [k, v] = project([l.key, l.val, r.val]);
      b.add(k, v, l.mult * r.mult);
    }
  }
  return b.build();
}

/** The sum of several collections. */
export function concat(items: readonly Multiset[]): Multiset {
  return items.reduce((acc, m) => acc.plus(m), Multiset.EMPTY);
}

/** Per-key reduction; every row of a group has non-zero net multiplicity. */
export function reduce(input: Multiset, reducer: ReducerKind): Multiset {
  const b = new Builder();
  for (const { key, rows } of byKey(input).values()) {
    switch (reducer) {
      case 'min': {
        const least = rows.reduce((a, r) => (compareValues(r.val, a.val) < 0 ? r : a));
        b.add(key, least.val, 1);
        break;
      }
      case 'distinct':
        b.add(key, UNIT, 1);
        break;
      case 'count': {
        const n = rows.reduce((a, r) => a + r.mult, 0);
        if (n > 0) b.add(key, [n], 1);
        break;
      }
      case 'collect': {
        const sorted = [...rows].sort((x, y) => compareValues(x.val, y.val));
        const items = sorted.flatMap((r) => Array.from({ length: Math.max(r.mult, 0) }, () => r.val));
        b.add(key, new ListValue(items), 1);
        break;
      }
    }
  }
  return b.build();
}
