/**
 * The scope tree of a parsed program: which names each `{ }` scope binds.
 *
 * `buildScopeTree` takes a `ProgramAst` and returns one `ScopeNode` per scope (root
 * first, then children in source pre-order, so `ScopeNode.id` is the future `ScopeId`)
 * and the program's constructor table. It reports the statement-level rules of
 * LANGUAGE.md §2 that need no name resolution:
 * - `duplicate-name`: a `let`/`var`/scope name bound twice in one scope (at the second);
 * - `var-at-root`, `export-outside-root`;
 * - `duplicate-export`: one export name used twice in the program;
 * - `duplicate-constructor`: a `con` declared twice (the parser checks tag ranges).
 * A statement that breaks a rule is left out of the tree (it cannot be referred to), so
 * later stages see a consistent tree. Constructors are global to the file whatever
 * scope declares them (they are a parse-time notion).
 */
import type { ConStmt, ExportStmt, LetStmt, ProgramAst, ScopeStmt, Stmt, VarStmt } from './ast.js';
import type { Diagnostic, LineIndex, Span } from './source.js';
import type { ScopeId } from './ir.js';

/** A name bound by a scope: a `let`, a `var` or a child scope. */
export type Binding =
  | { readonly kind: 'let'; readonly stmt: LetStmt; readonly owner: ScopeNode }
  | { readonly kind: 'var'; readonly stmt: VarStmt; readonly owner: ScopeNode }
  | { readonly kind: 'scope'; readonly stmt: ScopeStmt; readonly owner: ScopeNode; readonly node: ScopeNode };

/** One `{ }` scope (or the root) with the names it binds. */
export interface ScopeNode {
  readonly id: ScopeId;
  /** `''` for the root. */
  readonly name: string;
  readonly parent: ScopeNode | null;
  readonly depth: number;
  readonly span: Span;
  /** The statements written in this scope, in source order. */
  readonly stmts: readonly Stmt[];
  /** Every name bound here, in source order (first binding wins on duplicates). */
  readonly bindings: ReadonlyMap<string, Binding>;
  /** Child scopes in source order. */
  readonly children: readonly ScopeNode[];
}

/** A declared constructor: `con NAME(ARITY) = TAG;`. */
export interface ConInfo {
  readonly name: string;
  readonly arity: number;
  readonly tag: number;
  readonly span: Span;
}

/** The scope tree of a program plus its constructors. */
export interface ScopeTree {
  /** Indexed by `ScopeId`; `scopes[0]` is the root. */
  readonly scopes: readonly ScopeNode[];
  readonly root: ScopeNode;
  readonly cons: ReadonlyMap<string, ConInfo>;
  /** The root's valid `export` statements, in source order. */
  readonly exports: readonly ExportStmt[];
}

/** Builds the scope tree and reports the statement-level rules (see the module header). */
export function buildScopeTree(
  ast: ProgramAst,
  lines: LineIndex,
): { tree: ScopeTree; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const scopes: ScopeNode[] = [];
  const cons = new Map<string, ConInfo>();
  const exports: ExportStmt[] = [];
  const exportNames = new Map<string, ExportStmt>();
  const lineOf = (s: Span): number => lines.position(s.start).line;
  const error = (span: Span, code: string, message: string): void => {
    diagnostics.push({ severity: 'error', span, code, message });
  };

  const build = (name: string, parent: ScopeNode | null, stmts: readonly Stmt[], span: Span): ScopeNode => {
    const bindings = new Map<string, Binding>();
    const children: ScopeNode[] = [];
    const node: ScopeNode = {
      id: scopes.length,
      name,
      parent,
      depth: parent === null ? 0 : parent.depth + 1,
      span,
      stmts,
      bindings,
      children,
    };
    scopes.push(node);
    const bind = (binding: Binding, ident: { name: string; span: Span }): boolean => {
      const first = bindings.get(ident.name);
      if (first !== undefined) {
        const where = first.kind === 'scope' ? 'a scope' : `a \`${first.kind}\``;
        error(
          ident.span,
          'duplicate-name',
          `\`${ident.name}\` is already defined in this scope (as ${where} on line ${lineOf(first.stmt.name.span)}); rename one of them`,
        );
        return false;
      }
      bindings.set(ident.name, binding);
      return true;
    };
    for (const stmt of stmts) {
      switch (stmt.kind) {
        case 'let':
          bind({ kind: 'let', stmt, owner: node }, stmt.name);
          break;
        case 'var':
          // A root var is reported but still bound, so its readers see no unknown name.
          if (parent === null) {
            error(
              { start: stmt.span.start, end: stmt.name.span.end },
              'var-at-root',
              `\`var ${stmt.name.name}\` is at the root scope; variables live in a named scope (\`NAME: { var ${stmt.name.name} = ...; }\`)`,
            );
          }
          bind({ kind: 'var', stmt, owner: node }, stmt.name);
          break;
        case 'scope': {
          // The child is built even when its name is a duplicate, so that its own
          // contents are still checked; it just cannot be referred to.
          const child = build(stmt.name.name, node, stmt.body, stmt.span);
          children.push(child);
          bind({ kind: 'scope', stmt, owner: node, node: child }, stmt.name);
          break;
        }
        case 'export':
          addExport(stmt, parent === null);
          break;
        case 'con':
          addCon(stmt);
          break;
      }
    }
    return node;
  };

  const addExport = (stmt: ExportStmt, atRoot: boolean): void => {
    if (!atRoot) {
      error(
        { start: stmt.span.start, end: stmt.nameSpan.end },
        'export-outside-root',
        `\`export "${stmt.name}"\` is inside a scope; exports belong to the root scope (bind the value with \`let\` and export \`scope::name\` from the root)`,
      );
      return;
    }
    const first = exportNames.get(stmt.name);
    if (first !== undefined) {
      error(
        stmt.nameSpan,
        'duplicate-export',
        `export name "${stmt.name}" is used twice (first on line ${lineOf(first.nameSpan)}); each export needs its own name`,
      );
      return;
    }
    exportNames.set(stmt.name, stmt);
    exports.push(stmt);
  };

  const addCon = (stmt: ConStmt): void => {
    const first = cons.get(stmt.name.name);
    if (first !== undefined) {
      error(
        stmt.name.span,
        'duplicate-constructor',
        `constructor \`${stmt.name.name}\` is already declared on line ${lineOf(first.span)}`,
      );
      return;
    }
    cons.set(stmt.name.name, { name: stmt.name.name, arity: stmt.arity, tag: stmt.tag, span: stmt.span });
  };

  const root = build('', null, ast.stmts, ast.span);
  return { tree: { scopes, root, cons, exports }, diagnostics };
}

/** The binding `name` refers to from `scope`: its own names first, then each enclosing scope's. */
export function resolveName(scope: ScopeNode, name: string): Binding | null {
  for (let s: ScopeNode | null = scope; s !== null; s = s.parent) {
    const b = s.bindings.get(name);
    if (b !== undefined) return b;
  }
  return null;
}

/** The collection names (`let`/`var`) visible from `scope`, innermost first, without repeats. */
export function visibleCollections(scope: ScopeNode): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let s: ScopeNode | null = scope; s !== null; s = s.parent) {
    for (const [name, b] of s.bindings) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (b.kind !== 'scope') out.push(name);
    }
  }
  return out;
}

/** The readable fields (`let`/`var` names) of a scope, in source order. */
export function fieldsOf(scope: ScopeNode): string[] {
  return [...scope.bindings].filter(([, b]) => b.kind !== 'scope').map(([name]) => name);
}
