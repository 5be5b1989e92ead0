/**
 * The typed syntax tree shared by both surface syntaxes (`.ddp` pipe, `.ddir` applicative).
 *
 * Parsers produce it with a `span` on every node; the checker and lowering consume it.
 * Both syntaxes map onto the same nodes, so everything downstream is syntax-agnostic.
 * Nodes that stand for text the parser could not understand are `error` nodes: they
 * carry no meaning, the diagnostic for them was already reported, and later stages skip
 * them silently (no cascading errors).
 */
import type { Span } from './source.js';

/** Which surface syntax a file is written in. */
export type Syntax = 'ddp' | 'ddir';

/** A name as written, with where it was written. */
export interface Ident {
  readonly name: string;
  readonly span: Span;
}

/** A parsed file: its statements in source order. */
export interface ProgramAst {
  readonly syntax: Syntax;
  readonly stmts: readonly Stmt[];
  readonly span: Span;
}

// ---------------------------------------------------------------------------------
// Statements

export type Stmt = LetStmt | VarStmt | ScopeStmt | ExportStmt | ConStmt;

/** `let NAME = EXPR;` */
export interface LetStmt {
  readonly kind: 'let';
  readonly name: Ident;
  readonly expr: Expr;
  readonly span: Span;
}

/** `var NAME = EXPR;` — a feedback variable of the enclosing scope. */
export interface VarStmt {
  readonly kind: 'var';
  readonly name: Ident;
  readonly expr: Expr;
  readonly span: Span;
}

/** `NAME: { ... }` (also `NAME: scope { ... }` in `.ddir`). */
export interface ScopeStmt {
  readonly kind: 'scope';
  readonly name: Ident;
  readonly body: readonly Stmt[];
  readonly span: Span;
}

/** `export "NAME" = EXPR;` */
export interface ExportStmt {
  readonly kind: 'export';
  readonly name: string;
  readonly nameSpan: Span;
  readonly expr: Expr;
  readonly span: Span;
}

/** `con NAME(ARITY) = TAG;` (`.ddp` only). */
export interface ConStmt {
  readonly kind: 'con';
  readonly name: Ident;
  readonly arity: number;
  readonly tag: number;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------
// Collection expressions

export type Expr = InputExpr | ImportExpr | NameExpr | FieldExpr | ConcatExpr | OpExpr | ErrorExpr;

/** `input N` */
export interface InputExpr {
  readonly kind: 'input';
  readonly index: number;
  readonly span: Span;
}

/** `import "NAME"` */
export interface ImportExpr {
  readonly kind: 'import';
  readonly name: string;
  readonly span: Span;
}

/** A `let`/`var`/scope name. */
export interface NameExpr {
  readonly kind: 'name';
  readonly name: Ident;
  readonly span: Span;
}

/** `scope::field` — a `let`/`var` of a direct child scope. */
export interface FieldExpr {
  readonly kind: 'field';
  readonly scope: Ident;
  readonly field: Ident;
  readonly span: Span;
}

/** `a + b - c` / `CONCAT(a, b, c)`: each part with its sign (`-` means negated). */
export interface ConcatExpr {
  readonly kind: 'concat';
  readonly parts: readonly { readonly negated: boolean; readonly expr: Expr }[];
  readonly span: Span;
}

/** One operator applied to an input collection: `input | op` / `OP(input, ...)`. */
export interface OpExpr {
  readonly kind: 'op';
  readonly input: Expr;
  readonly op: Operator;
  readonly span: Span;
}

/** Text that could not be parsed as an expression (already reported). */
export interface ErrorExpr {
  readonly kind: 'error';
  readonly span: Span;
}

export type ReducerKind = 'min' | 'distinct' | 'count' | 'collect';

/** The operators of LANGUAGE.md §2; `span` covers the operator's own text (`join(...)`). */
export type Operator =
  | { readonly kind: 'map'; readonly proj: Projection; readonly span: Span }
  | { readonly kind: 'join'; readonly other: Expr; readonly proj: Projection; readonly span: Span }
  | { readonly kind: 'reduce'; readonly reducer: ReducerKind; readonly span: Span }
  | { readonly kind: 'filter'; readonly term: TermAst; readonly span: Span }
  | { readonly kind: 'flatmap'; readonly term: TermAst; readonly span: Span }
  | { readonly kind: 'negate'; readonly span: Span }
  | { readonly kind: 'arrange'; readonly span: Span }
  | { readonly kind: 'inspect'; readonly label: string; readonly span: Span }
  | { readonly kind: 'enter_at'; readonly term: TermAst; readonly span: Span }
  | { readonly kind: 'lift_iter'; readonly span: Span };

/** `(K1, K2 ; V1, V2)`. `val` is null when written without `;` (`.ddir`: all key). */
export interface Projection {
  readonly key: readonly ProjField[];
  readonly val: readonly ProjField[] | null;
  readonly span: Span;
}

/** A projection field: a bare `$n` splices; anything else is one term. */
export type ProjField =
  | { readonly kind: 'splice'; readonly index: number; readonly span: Span }
  | { readonly kind: 'term'; readonly term: TermAst; readonly span: Span };

// ---------------------------------------------------------------------------------
// Scalar terms (as written; lowering resolves names, constructors and binders)

export type BinaryOp = '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*';

export type TermAst =
  | { readonly kind: 'int'; readonly value: bigint; readonly span: Span }
  | { readonly kind: 'dollar'; readonly index: number; readonly span: Span }
  | { readonly kind: 'binder'; readonly depth: number; readonly span: Span }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: TermAst;
      readonly right: TermAst;
      readonly span: Span;
    }
  | { readonly kind: 'neg'; readonly operand: TermAst; readonly span: Span }
  | { readonly kind: 'index'; readonly target: TermAst; readonly index: number; readonly span: Span }
  /** A call `name(args)`: a builtin, a constructor, or (`.ddir`) positional `case`. */
  | { readonly kind: 'call'; readonly callee: Ident; readonly args: readonly TermAst[]; readonly span: Span }
  /** A bare name: a pattern-bound name (or an unknown name, reported by the checker). */
  | { readonly kind: 'name'; readonly name: Ident; readonly span: Span }
  /** `case SCRUT { Ctor(a, b) => arm, _ => default }` (`.ddp`). */
  | {
      readonly kind: 'match';
      readonly scrutinee: TermAst;
      readonly arms: readonly MatchArm[];
      readonly span: Span;
    }
  | { readonly kind: 'error'; readonly span: Span };

/** One arm of a pattern match; `ctor` is null for the `_` default arm. */
export interface MatchArm {
  readonly ctor: Ident | null;
  readonly binds: readonly Ident[];
  readonly body: TermAst;
  readonly span: Span;
}
