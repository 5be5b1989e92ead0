/**
 * Lowering: a checked scope tree → the scope-tree IR (`ir.ts`).
 *
 * Precondition: `checkProgram` reported no error for the tree (names resolve, no `let`
 * cycles, terms lower); a violation is a bug and throws. The result keeps every
 * invariant stated in `ir.ts`:
 * - items are created on demand, inputs first, so every input has a smaller id; each
 *   scope's `var`s get their `variable` items before anything else, so a `var` may be
 *   read anywhere (its `next` is lowered later, the only backward edge);
 * - a name of an enclosing scope is brought in by a chain of `enter` items, one per
 *   intermediate scope (memoized per scope); `child::field` is a `leave` of the child's
 *   item, after the child's `scope` item, which itself follows everything it enters;
 * - `join` and `reduce` inputs and root exports are arranged (an `arrange` item is
 *   inserted unless the input already is one);
 * - `input N` and `import "x"` are one item each per program (root only).
 * Every `let` is lowered even if unused (as the reference does), in statement order.
 * Nothing is shared or fused here; that is `optimize.ts`.
 */
import type { Expr, ImportExpr, Operator, ProgramAst, Projection, TermAst } from './ast.js';
import type { ImportIr, ItemId, ItemIr, ItemOp, LinearOp, ProgramIr, ScopeIr, VarIr } from './ir.js';
import type { Binding, ScopeNode, ScopeTree } from './scopes.js';
import { resolveName } from './scopes.js';
import type { Diagnostic, Span } from './source.js';
import { lowerProjection, lowerTerm } from './lower-term.js';
import type { TermContext } from './lower-term.js';
import type { ProjectionIr, Term } from './term.js';

/** Lowers a checked program (see the module header for the guarantees). */
export function lowerProgram(ast: ProgramAst, tree: ScopeTree): ProgramIr {
  const lowering = new Lowering(tree);
  lowering.scope(tree.root);
  const root = lowering.builder(tree.root);
  const exports = tree.exports.map((stmt) => ({
    name: stmt.name,
    item: lowering.arranged(root, lowering.expr(root, stmt.expr), stmt.span),
    span: stmt.span,
  }));
  return {
    syntax: ast.syntax,
    scopes: tree.scopes.map((node) => lowering.builder(node).finish()),
    inputs: [...root.inputs.keys()].sort((a, b) => a - b),
    imports: importsInOrder(tree.root),
    exports,
  };
}

/** The imports of the root, in order of first appearance in the source, without repeats. */
function importsInOrder(root: ScopeNode): ImportIr[] {
  const found: ImportExpr[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'import') found.push(e);
    else if (e.kind === 'concat') e.parts.forEach((p) => walk(p.expr));
    else if (e.kind === 'op') {
      walk(e.input);
      if (e.op.kind === 'join') walk(e.op.other);
    }
  };
  for (const s of root.stmts) if (s.kind !== 'scope' && s.kind !== 'con') walk(s.expr);
  found.sort((a, b) => a.span.start - b.span.start);
  const seen = new Set<string>();
  const out: ImportIr[] = [];
  for (const e of found) {
    if (seen.has(e.name)) continue;
    seen.add(e.name);
    out.push({ name: e.name, span: e.span });
  }
  return out;
}

// The mutable state of one scope while it is being lowered.
class ScopeBuilder {
  readonly items: ItemIr[] = [];
  readonly vars: VarIr[] = [];
  readonly names = new Map<string, ItemId>();
  readonly varItems = new Map<string, ItemId>();
  readonly enters = new Map<ItemId, ItemId>();
  readonly leaves = new Map<string, ItemId>();
  readonly inputs = new Map<number, ItemId>();
  readonly importItems = new Map<string, ItemId>();
  /** `scope` item in the parent, once this scope is lowered. */
  scopeItem: ItemId | null = null;
  started = false;

  constructor(
    readonly node: ScopeNode,
    readonly parent: ScopeBuilder | null,
  ) {}

  push(op: ItemOp, span: Span, name?: string): ItemId {
    const id = this.items.length;
    const item: ItemIr = name === undefined ? { ...op, id, span } : { ...op, id, span, name };
    this.items.push(item);
    return id;
  }

  finish(): ScopeIr {
    return {
      id: this.node.id,
      name: this.node.name,
      parent: this.node.parent?.id ?? null,
      depth: this.node.depth,
      items: this.items,
      vars: this.vars,
      names: this.names,
      children: this.node.children.map((c) => c.id),
      span: this.node.span,
    };
  }
}

class Lowering {
  private readonly builders = new Map<ScopeNode, ScopeBuilder>();
  private readonly lowering = new Set<Binding>();

  constructor(private readonly tree: ScopeTree) {
    for (const node of tree.scopes) {
      const parent = node.parent === null ? null : (this.builders.get(node.parent) ?? null);
      this.builders.set(node, new ScopeBuilder(node, parent));
    }
  }

  builder(node: ScopeNode): ScopeBuilder {
    const b = this.builders.get(node);
    if (b === undefined) throw new Error(`lowering: scope \`${node.name}\` is not part of the tree`);
    return b;
  }

  /** Lowers a whole scope: vars first, then lets and child scopes in order, then var bodies. */
  scope(node: ScopeNode): void {
    const b = this.builder(node);
    if (b.started) return;
    b.started = true;
    for (const stmt of node.stmts) {
      if (stmt.kind !== 'var' || node.bindings.get(stmt.name.name)?.stmt !== stmt) continue;
      const id = b.push({ op: 'variable', variable: b.varItems.size }, stmt.span, stmt.name.name);
      b.varItems.set(stmt.name.name, id);
      b.names.set(stmt.name.name, id);
    }
    for (const binding of node.bindings.values()) {
      if (binding.kind === 'let') this.let(b, binding);
      else if (binding.kind === 'scope') this.child(b, binding.node);
    }
    for (const binding of node.bindings.values()) {
      if (binding.kind !== 'var') continue;
      const next = this.expr(b, binding.stmt.expr);
      const item = b.varItems.get(binding.stmt.name.name) as ItemId;
      b.vars.push({ name: binding.stmt.name.name, item, next, span: binding.stmt.span });
    }
  }

  private let(b: ScopeBuilder, binding: Extract<Binding, { kind: 'let' }>): ItemId {
    const name = binding.stmt.name.name;
    const done = b.names.get(name);
    if (done !== undefined) return done;
    if (this.lowering.has(binding))
      throw new Error(`lowering: \`let ${name}\` depends on itself (the checker should have said so)`);
    this.lowering.add(binding);
    const id = this.expr(b, binding.stmt.expr);
    this.lowering.delete(binding);
    const item = b.items[id];
    if (item !== undefined && item.name === undefined) b.items[id] = { ...item, name };
    b.names.set(name, id);
    return id;
  }

  // Lowers child scope `node` (once) and places its `scope` item in the parent.
  private child(parent: ScopeBuilder, node: ScopeNode): ItemId {
    const c = this.builder(node);
    if (c.scopeItem !== null) return c.scopeItem;
    this.scope(node);
    c.scopeItem = parent.push({ op: 'scope', child: node.id }, node.span, node.name);
    return c.scopeItem;
  }

  /** Lowers a collection expression in scope `b`; returns the item holding its value. */
  expr(b: ScopeBuilder, e: Expr): ItemId {
    switch (e.kind) {
      case 'input': {
        const known = b.inputs.get(e.index);
        if (known !== undefined) return known;
        const id = b.push({ op: 'input', index: e.index }, e.span);
        b.inputs.set(e.index, id);
        return id;
      }
      case 'import': {
        const known = b.importItems.get(e.name);
        if (known !== undefined) return known;
        const id = b.push({ op: 'import', name: e.name }, e.span);
        b.importItems.set(e.name, id);
        return id;
      }
      case 'name':
        return this.name(b, e.name.name, e.span);
      case 'field': {
        const child = b.node.bindings.get(e.scope.name);
        if (child?.kind !== 'scope') throw new Error(`lowering: \`${e.scope.name}\` is not a child scope`);
        this.child(b, child.node);
        const from = this.builder(child.node).names.get(e.field.name);
        if (from === undefined)
          throw new Error(`lowering: scope \`${e.scope.name}\` has no field \`${e.field.name}\``);
        const key = `${child.node.id}:${from}`;
        const known = b.leaves.get(key);
        if (known !== undefined) return known;
        const id = b.push({ op: 'leave', child: child.node.id, from }, e.span);
        b.leaves.set(key, id);
        return id;
      }
      case 'concat': {
        const inputs = e.parts.map((p) => {
          const id = this.expr(b, p.expr);
          return p.negated ? this.linear(b, id, { k: 'negate', span: p.expr.span }, p.expr.span) : id;
        });
        return b.push({ op: 'concat', inputs }, e.span);
      }
      case 'op':
        return this.operator(b, this.expr(b, e.input), e.op);
      case 'error':
        throw new Error('lowering: an error node survived checking');
    }
  }

  private name(b: ScopeBuilder, name: string, span: Span): ItemId {
    const binding = resolveName(b.node, name);
    if (binding === null || binding.kind === 'scope')
      throw new Error(`lowering: \`${name}\` is not a collection`);
    const owner = this.builder(binding.owner);
    const id =
      binding.kind === 'let'
        ? this.let(owner, binding)
        : (owner.varItems.get(name) ?? this.fail(`var \`${name}\` has no variable item`));
    return this.bringInto(b, owner, id, span);
  }

  // Brings item `id` of enclosing scope `owner` into `b` through a chain of enters.
  private bringInto(b: ScopeBuilder, owner: ScopeBuilder, id: ItemId, span: Span): ItemId {
    if (b === owner) return id;
    if (b.parent === null) throw new Error('lowering: a name resolved outside the enclosing scopes');
    const from = this.bringInto(b.parent, owner, id, span);
    const known = b.enters.get(from);
    if (known !== undefined) return known;
    const entered = b.push({ op: 'enter', from }, span, b.parent.items[from]?.name);
    b.enters.set(from, entered);
    return entered;
  }

  private operator(b: ScopeBuilder, input: ItemId, op: Operator): ItemId {
    const span = op.span;
    switch (op.kind) {
      case 'map':
        return this.linear(b, input, { k: 'project', proj: this.projection(op.proj, 1), span }, span);
      case 'filter':
        return this.linear(b, input, { k: 'filter', term: this.term(op.term), span }, span);
      case 'flatmap':
        return this.linear(b, input, { k: 'flatmap', term: this.term(op.term), span }, span);
      case 'enter_at':
        return this.linear(b, input, { k: 'enter_at', term: this.term(op.term), span }, span);
      case 'negate':
        return this.linear(b, input, { k: 'negate', span }, span);
      case 'lift_iter':
        return this.linear(b, input, { k: 'lift_iter', span }, span);
      case 'arrange':
        return b.push({ op: 'arrange', input }, span);
      case 'inspect':
        return b.push({ op: 'inspect', input, label: op.label }, span);
      case 'reduce':
        return b.push({ op: 'reduce', input: this.arranged(b, input, span), reducer: op.reducer }, span);
      case 'join': {
        const left = this.arranged(b, input, span);
        const right = this.arranged(b, this.expr(b, op.other), span);
        return b.push({ op: 'join', left, right, proj: this.projection(op.proj, 2) }, span);
      }
    }
  }

  private linear(b: ScopeBuilder, input: ItemId, op: LinearOp, span: Span): ItemId {
    return b.push({ op: 'linear', input, ops: [op] }, span);
  }

  /**
   * `id` itself when it is already an arrangement, else an arrangement of it. A value
   * entered from an enclosing scope is arranged where it is defined and the arrangement
   * is entered instead (the usual differential idiom: one index per outer collection,
   * shared by every scope that reads it). This is sound because the scope being lowered
   * has not placed its `scope` item yet, so the new outer items still precede it.
   */
  arranged(b: ScopeBuilder, id: ItemId, span: Span): ItemId {
    if (this.isArranged(b, id)) return id;
    const item = b.items[id];
    if (item?.op === 'enter' && b.parent !== null) {
      const outer = this.arranged(b.parent, item.from, span);
      return this.bringInto(b, b.parent, outer, item.span);
    }
    return b.push({ op: 'arrange', input: id }, span);
  }

  private isArranged(b: ScopeBuilder, id: ItemId): boolean {
    const item = b.items[id];
    if (item === undefined) return false;
    if (item.op === 'enter') return b.parent !== null && this.isArranged(b.parent, item.from);
    return item.op === 'arrange' || item.op === 'reduce' || item.op === 'import';
  }

  private context(maxDollar: number): TermContext {
    return { cons: this.tree.cons, maxDollar };
  }

  private term(t: TermAst): Term {
    const diagnostics: Diagnostic[] = [];
    return (
      lowerTerm(t, this.context(1), diagnostics) ??
      this.fail(`a term did not lower: ${diagnostics[0]?.message ?? ''}`)
    );
  }

  private projection(p: Projection, maxDollar: number): ProjectionIr {
    const diagnostics: Diagnostic[] = [];
    return (
      lowerProjection(p, this.context(maxDollar), diagnostics) ??
      this.fail(`a projection did not lower: ${diagnostics[0]?.message ?? ''}`)
    );
  }

  private fail(message: string): never {
    throw new Error(`lowering: ${message} (the checker should have reported this)`);
  }
}
