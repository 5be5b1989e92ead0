/**
 * Lowered scalar terms: what the evaluator runs (LANGUAGE.md §3).
 *
 * Lowering turns the written `TermAst` into this form: constructors become `inject`,
 * pattern matches become tag-indexed `case` arms, pattern-bound names become de Bruijn
 * `bound` references (projected to the field they name), and builtins are checked for
 * arity. Every node keeps the span of the text it came from, so a run-time error can
 * point at the exact sub-term that failed.
 */
import type { Span } from './source.js';
import type { Value } from './value.js';

export type ArithOp = '+' | '-' | '*';
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Term =
  | { readonly k: 'const'; readonly value: Value; readonly span: Span }
  /** `$n`: field n of the row environment (`$0` key, `$1` val, `$2` right val of a join). */
  | { readonly k: 'dollar'; readonly index: number; readonly span: Span }
  /** `^k`: the k-th enclosing binder slot, innermost = 0. */
  | { readonly k: 'bound'; readonly depth: number; readonly span: Span }
  | {
      readonly k: 'arith';
      readonly op: ArithOp;
      readonly left: Term;
      readonly right: Term;
      readonly span: Span;
    }
  | {
      readonly k: 'compare';
      readonly op: CompareOp;
      readonly left: Term;
      readonly right: Term;
      readonly span: Span;
    }
  /** `a && b`, short-circuit, result 1 or 0. */
  | { readonly k: 'and'; readonly left: Term; readonly right: Term; readonly span: Span }
  /** `or(a, b)`, short-circuit, result 1 or 0. */
  | { readonly k: 'or'; readonly left: Term; readonly right: Term; readonly span: Span }
  | { readonly k: 'not'; readonly operand: Term; readonly span: Span }
  | { readonly k: 'neg'; readonly operand: Term; readonly span: Span }
  /** `t[i]` / `proj(t, i)`: field i of a Tuple or List. */
  | { readonly k: 'index'; readonly target: Term; readonly index: number; readonly span: Span }
  | { readonly k: 'tuple'; readonly items: readonly Term[]; readonly span: Span }
  | { readonly k: 'list'; readonly items: readonly Term[]; readonly span: Span }
  /** `inject(tag, payload)`: tag taken modulo 2^32. */
  | { readonly k: 'inject'; readonly tag: Term; readonly payload: Term; readonly span: Span }
  | { readonly k: 'len'; readonly operand: Term; readonly span: Span }
  | { readonly k: 'istag'; readonly tag: number; readonly operand: Term; readonly span: Span }
  | {
      readonly k: 'if';
      readonly cond: Term;
      readonly then: Term;
      readonly otherwise: Term;
      readonly span: Span;
    }
  /**
   * Evaluates `arms[tag]` (or `fallback` when that arm is null/missing) with the
   * scrutinee's payload pushed as binder `^0`.
   */
  | {
      readonly k: 'case';
      readonly scrutinee: Term;
      readonly arms: readonly (Term | null)[];
      readonly fallback: Term | null;
      readonly span: Span;
    }
  /** Left fold; `step` sees `^0` = element, `^1` = accumulator. */
  | { readonly k: 'fold'; readonly list: Term; readonly init: Term; readonly step: Term; readonly span: Span }
  /** `hash(bound, k1, ...)`, bit-exact (LANGUAGE.md §3). */
  | { readonly k: 'hash'; readonly args: readonly Term[]; readonly span: Span };

/** A projection field: splice all fields of `$index`, or one term. */
export type FieldIr =
  | { readonly k: 'splice'; readonly index: number; readonly span: Span }
  | { readonly k: 'term'; readonly term: Term; readonly span: Span };

/** `(K... ; V...)`: key = tuple of key fields, val = tuple of val fields. */
export interface ProjectionIr {
  readonly key: readonly FieldIr[];
  readonly val: readonly FieldIr[];
  readonly span: Span;
}

/** The row fields (`$n`) a projection reads, spliced or inside a term. */
export function projectionFields(p: ProjectionIr): Set<number> {
  const used = new Set<number>();
  for (const f of [...p.key, ...p.val]) {
    if (f.k === 'splice') used.add(f.index);
    else termFields(f.term, used);
  }
  return used;
}

function termFields(t: Term, used: Set<number>): void {
  switch (t.k) {
    case 'dollar':
      used.add(t.index);
      return;
    case 'const':
    case 'bound':
      return;
    case 'arith':
    case 'compare':
    case 'and':
    case 'or':
      termFields(t.left, used);
      termFields(t.right, used);
      return;
    case 'not':
    case 'neg':
    case 'len':
    case 'istag':
      termFields(t.operand, used);
      return;
    case 'index':
      termFields(t.target, used);
      return;
    case 'tuple':
    case 'list':
      for (const item of t.items) termFields(item, used);
      return;
    case 'hash':
      for (const arg of t.args) termFields(arg, used);
      return;
    case 'inject':
      termFields(t.tag, used);
      termFields(t.payload, used);
      return;
    case 'if':
      termFields(t.cond, used);
      termFields(t.then, used);
      termFields(t.otherwise, used);
      return;
    case 'case':
      termFields(t.scrutinee, used);
      for (const arm of t.arms) if (arm !== null) termFields(arm, used);
      if (t.fallback !== null) termFields(t.fallback, used);
      return;
    case 'fold':
      termFields(t.list, used);
      termFields(t.init, used);
      termFields(t.step, used);
      return;
  }
}
