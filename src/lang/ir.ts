/**
 * The scope-tree IR: what lowering produces, the optimizer rewrites and the engine runs.
 *
 * Principle: make explicit anything a consumer would otherwise have to analyze.
 * - A program is a tree of scopes (`scopes[0]` is the root). Each scope owns its items
 *   in dependency order: every input of an item has a smaller `ItemId` in the same
 *   scope. The only backward edges are feedback: `VarIr.next` (a later item) feeds the
 *   `variable` item of that var.
 * - Cross-scope references are explicit edges between a scope and its *direct* parent:
 *   an `enter` item in a child reads an item of the parent (deeper references are
 *   chained through every intermediate scope); a `leave` item in the parent reads an
 *   item of a direct child (its converged value). A child scope is itself one item of
 *   its parent (`scope`), placed after every parent item it enters and before every
 *   `leave` of it.
 * - Arrangements are explicit: `join` and `reduce` read *arranged* items (see
 *   `isArranged`), and every root export names an arranged item.
 * - Root inputs and imports are listed on the program.
 */
import type { ReducerKind, Syntax } from './ast.js';
import type { Span } from './source.js';
import type { ProjectionIr, Term } from './term.js';

/** Index into `ProgramIr.scopes`; 0 is the root scope. */
export type ScopeId = number;
/** Index into `ScopeIr.items` of one scope. */
export type ItemId = number;

/** One step of a fused linear chain, applied to each update in order. */
export type LinearOp =
  | { readonly k: 'project'; readonly proj: ProjectionIr; readonly span: Span }
  | { readonly k: 'filter'; readonly term: Term; readonly span: Span }
  | { readonly k: 'negate'; readonly span: Span }
  | { readonly k: 'flatmap'; readonly term: Term; readonly span: Span }
  | { readonly k: 'enter_at'; readonly term: Term; readonly span: Span }
  | { readonly k: 'lift_iter'; readonly span: Span };

/** What an item computes. */
export type ItemOp =
  /** Positional input `index` of the program (root only). */
  | { readonly op: 'input'; readonly index: number }
  /** A trace published by another program or a generated source (root only); arranged. */
  | { readonly op: 'import'; readonly name: string }
  /** An item of the parent scope, brought into this scope. */
  | { readonly op: 'enter'; readonly from: ItemId }
  /** Runs child scope `child` (to its fixed point) at each time of this scope. */
  | { readonly op: 'scope'; readonly child: ScopeId }
  /** The converged value of item `from` of direct child scope `child`. */
  | { readonly op: 'leave'; readonly child: ScopeId; readonly from: ItemId }
  /** The current value of feedback variable `vars[variable]` of this scope. */
  | { readonly op: 'variable'; readonly variable: number }
  /** A fused chain of linear operators. */
  | { readonly op: 'linear'; readonly input: ItemId; readonly ops: readonly LinearOp[] }
  | { readonly op: 'concat'; readonly inputs: readonly ItemId[] }
  /** Indexes its input by key (no change to contents). */
  | { readonly op: 'arrange'; readonly input: ItemId }
  /** Equi-join of two arranged items; the projection sees `$0` key, `$1` left val, `$2` right val. */
  | { readonly op: 'join'; readonly left: ItemId; readonly right: ItemId; readonly proj: ProjectionIr }
  /** Per-key reduction of an arranged item; its output is itself arranged. */
  | { readonly op: 'reduce'; readonly input: ItemId; readonly reducer: ReducerKind }
  /** Reports every update passing through (no change to contents). */
  | { readonly op: 'inspect'; readonly input: ItemId; readonly label: string };

/** An item: one collection-producing node of a scope. */
export type ItemIr = ItemOp & {
  readonly id: ItemId;
  /** Source text this item came from (the operator, or the whole `let` for names). */
  readonly span: Span;
  /** The `let`/`var` name bound to this item, if any (for plans and error messages). */
  readonly name?: string;
};

/** A feedback variable `var name = E`: item `item` (op `variable`) is fed by item `next` (E). */
export interface VarIr {
  readonly name: string;
  readonly item: ItemId;
  readonly next: ItemId;
  readonly span: Span;
}

/** A `{ }` scope. It iterates iff it has at least one var. */
export interface ScopeIr {
  readonly id: ScopeId;
  /** The scope's name; `''` for the root. */
  readonly name: string;
  readonly parent: ScopeId | null;
  /** 0 for the root; a scope's times have `depth + 1` coordinates (epoch first). */
  readonly depth: number;
  readonly items: readonly ItemIr[];
  readonly vars: readonly VarIr[];
  /** Every `let`/`var` of this scope, by name, to the item holding its value. */
  readonly names: ReadonlyMap<string, ItemId>;
  readonly children: readonly ScopeId[];
  readonly span: Span;
}

/** A published result: root item `item` (arranged) under `name`. */
export interface ExportIr {
  readonly name: string;
  readonly item: ItemId;
  readonly span: Span;
}

/** One import of the program, in order of first appearance. */
export interface ImportIr {
  readonly name: string;
  readonly span: Span;
}

/** A checked, lowered program. */
export interface ProgramIr {
  readonly syntax: Syntax;
  readonly scopes: readonly ScopeIr[];
  /** Sorted distinct positional input indices the program reads. */
  readonly inputs: readonly number[];
  readonly imports: readonly ImportIr[];
  readonly exports: readonly ExportIr[];
}

/** True when the item's output is an arrangement (shareable index by key). */
export function isArranged(program: ProgramIr, scope: ScopeId, item: ItemId): boolean {
  const s = program.scopes[scope];
  const it = s?.items[item];
  if (!s || !it) return false;
  switch (it.op) {
    case 'arrange':
    case 'reduce':
    case 'import':
      return true;
    case 'enter':
      return s.parent !== null && isArranged(program, s.parent, it.from);
    default:
      return false;
  }
}
