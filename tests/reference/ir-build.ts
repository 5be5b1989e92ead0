/**
 * A tiny builder for hand-written `ProgramIr`, so the reference evaluator can be unit
 * tested without the parser: scopes, items, vars and terms with dummy spans.
 *
 * It checks nothing beyond what the IR shape needs (dependency order is the caller's
 * job); `build()` returns a plain `ProgramIr` value.
 */
import type { ReducerKind } from '../../src/lang/ast.js';
import type {
  ExportIr,
  ItemId,
  ItemIr,
  ItemOp,
  LinearOp,
  ProgramIr,
  ScopeId,
  ScopeIr,
  VarIr,
} from '../../src/lang/ir.js';
import type { Span } from '../../src/lang/source.js';
import type { ArithOp, CompareOp, ProjectionIr, Term } from '../../src/lang/term.js';
import type { Value } from '../../src/lang/value.js';

const SPAN: Span = { start: 0, end: 0 };

/** `$n`. */
export const $ = (index: number): Term => ({ k: 'dollar', index, span: SPAN });
/** `t[i]`. */
export const ix = (target: Term, index: number): Term => ({ k: 'index', target, index, span: SPAN });
/** `$n[i]`, the common case. */
export const field = (n: number, i: number): Term => ix($(n), i);
/** A constant. */
export const lit = (value: Value): Term => ({ k: 'const', value, span: SPAN });
/** `a op b` for arithmetic. */
export const arith = (op: ArithOp, left: Term, right: Term): Term => ({
  k: 'arith',
  op,
  left,
  right,
  span: SPAN,
});
/** `a op b` for comparisons. */
export const cmp = (op: CompareOp, left: Term, right: Term): Term => ({
  k: 'compare',
  op,
  left,
  right,
  span: SPAN,
});
/** `list(a, ...)`. */
export const listOf = (...items: Term[]): Term => ({ k: 'list', items, span: SPAN });

/** A projection whose fields are all terms. */
export function proj(key: readonly Term[], val: readonly Term[]): ProjectionIr {
  const f = (term: Term) => ({ k: 'term' as const, term, span: SPAN });
  return { key: key.map(f), val: val.map(f), span: SPAN };
}

/** Linear operator constructors. */
export const op = {
  project: (key: readonly Term[], val: readonly Term[]): LinearOp => ({
    k: 'project',
    proj: proj(key, val),
    span: SPAN,
  }),
  filter: (term: Term): LinearOp => ({ k: 'filter', term, span: SPAN }),
  negate: (): LinearOp => ({ k: 'negate', span: SPAN }),
  flatmap: (term: Term): LinearOp => ({ k: 'flatmap', term, span: SPAN }),
  enterAt: (term: Term): LinearOp => ({ k: 'enter_at', term, span: SPAN }),
  liftIter: (): LinearOp => ({ k: 'lift_iter', span: SPAN }),
};

interface MutableScope {
  id: ScopeId;
  name: string;
  parent: ScopeId | null;
  depth: number;
  items: ItemIr[];
  vars: VarIr[];
  names: Map<string, ItemId>;
  children: ScopeId[];
}

/** Builds the items of one scope. */
export class ScopeBuilder {
  constructor(
    private readonly program: ProgramBuilder,
    private readonly s: MutableScope,
  ) {}

  /** Appends an item; returns its id. */
  add(o: ItemOp, name?: string): ItemId {
    const id = this.s.items.length;
    this.s.items.push({ ...o, id, span: SPAN, ...(name === undefined ? {} : { name }) });
    if (name !== undefined) this.s.names.set(name, id);
    return id;
  }

  /** `input n` (root only). */
  input(index: number): ItemId {
    return this.add({ op: 'input', index });
  }

  /** A fused linear chain over `input`. */
  linear(input: ItemId, ...ops: LinearOp[]): ItemId {
    return this.add({ op: 'linear', input, ops });
  }

  /** `arrange`. */
  arrange(input: ItemId): ItemId {
    return this.add({ op: 'arrange', input });
  }

  /** `concat`. */
  concat(...inputs: ItemId[]): ItemId {
    return this.add({ op: 'concat', inputs });
  }

  /** A join of two arranged items with a projection over key, left val, right val. */
  join(left: ItemId, right: ItemId, key: readonly Term[], val: readonly Term[]): ItemId {
    return this.add({ op: 'join', left, right, proj: proj(key, val) });
  }

  /** A reduction of an arranged item. */
  reduce(input: ItemId, reducer: ReducerKind): ItemId {
    return this.add({ op: 'reduce', input, reducer });
  }

  /** Brings parent item `from` into this scope. */
  enter(from: ItemId): ItemId {
    return this.add({ op: 'enter', from });
  }

  /** Declares `var name`; call `set(next)` once its defining item exists. */
  variable(name: string): { item: ItemId; set: (next: ItemId) => void } {
    const index = this.s.vars.length;
    const item = this.add({ op: 'variable', variable: index }, name);
    const placeholder: VarIr = { name, item, next: -1, span: SPAN };
    this.s.vars.push(placeholder);
    return { item, set: (next) => void (this.s.vars[index] = { ...placeholder, next }) };
  }

  /** Opens child scope `name`, fills it with `body`, then places its `scope` item here. */
  child(name: string, body: (c: ScopeBuilder) => void): ScopeId {
    const id = this.program.newScope(name, this.s.id, this.s.depth + 1);
    this.s.children.push(id);
    body(this.program.scopeBuilder(id));
    this.add({ op: 'scope', child: id });
    return id;
  }

  /** The converged value of item `from` of direct child `child`. */
  leave(child: ScopeId, from: ItemId): ItemId {
    return this.add({ op: 'leave', child, from });
  }
}

/** Builds a whole program; scope 0 is the root. */
export class ProgramBuilder {
  private readonly scopes: MutableScope[] = [];
  private readonly exports: ExportIr[] = [];
  private readonly inputs = new Set<number>();

  constructor() {
    this.newScope('', null, 0);
  }

  /** The root scope's builder. */
  get root(): ScopeBuilder {
    return this.scopeBuilder(0);
  }

  /** Internal: a builder for scope `id`. */
  scopeBuilder(id: ScopeId): ScopeBuilder {
    const s = this.scopes[id];
    if (!s) throw new RangeError(`no scope ${id}`);
    return new ScopeBuilder(this, s);
  }

  /** Internal: a new empty scope. */
  newScope(name: string, parent: ScopeId | null, depth: number): ScopeId {
    const id = this.scopes.length;
    this.scopes.push({ id, name, parent, depth, items: [], vars: [], names: new Map(), children: [] });
    return id;
  }

  /** Publishes root item `item` (arranged) as `name`. */
  export(name: string, item: ItemId): void {
    this.exports.push({ name, item, span: SPAN });
  }

  /** The finished program. */
  build(): ProgramIr {
    for (const s of this.scopes) {
      for (const it of s.items) if (it.op === 'input') this.inputs.add(it.index);
    }
    const scopes: ScopeIr[] = this.scopes.map((s) => ({ ...s, span: SPAN }));
    return {
      syntax: 'ddp',
      scopes,
      inputs: [...this.inputs].sort((a, b) => a - b),
      imports: [],
      exports: this.exports,
    };
  }
}
