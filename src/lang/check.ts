/**
 * The checker: every naming and placement rule of LANGUAGE.md §2 and §6 on a parsed
 * program, as positioned diagnostics (never exceptions).
 *
 * `checkProgram(ast, lines)` builds the scope tree (`scopes.ts`, which reports duplicate
 * names, `var` at the root, `export` outside the root, duplicate exports and
 * constructors), then resolves every collection name and checks every term
 * (`lower-term.ts`). Its own codes:
 * - `unknown-name`: a name bound nowhere in scope (lists what is, suggests the closest);
 * - `scope-as-collection`: a name (or `a::b`) that denotes a scope, used as a collection;
 * - `unknown-scope`: `x::f` where `x` is not a direct child scope;
 * - `unknown-field`: `x::f` where child `x` binds no `let`/`var` `f` (lists its fields);
 * - `input-outside-root`, `import-outside-root`;
 * - `let-cycle`: `let`s (and child scopes reading them) that depend on each other, named
 *   in order (`a` → `b` → `a`); cycles through a `var` are fine;
 * - warnings `unused-let` (a `let` nothing reads and that inspects nothing) and
 *   `unused-scope` (a child scope nothing reads and that inspects nothing).
 * Statement order never matters: names resolve over whole scopes.
 */
import type { Expr, Operator, ProgramAst, TermAst } from './ast.js';
import type { Diagnostic, LineIndex, Span } from './source.js';
import { buildScopeTree, fieldsOf, resolveName, visibleCollections } from './scopes.js';
import type { Binding, ScopeNode, ScopeTree } from './scopes.js';
import { lowerProjection, lowerTerm } from './lower-term.js';
import type { TermContext } from './lower-term.js';
import { didYouMean } from './suggest.js';
import { findCycles } from './cycles.js';
import { sortDiagnostics } from './parse.js';

/** The checked scope tree and every diagnostic found (errors and warnings). */
export interface CheckResult {
  readonly tree: ScopeTree;
  readonly diagnostics: Diagnostic[];
}

/** Checks a program; diagnostics come sorted by position. `lines` indexes its source text (for "on line N"). */
export function checkProgram(ast: ProgramAst, lines: LineIndex): CheckResult {
  const built = buildScopeTree(ast, lines);
  const checker = new Checker(built.tree, built.diagnostics);
  checker.run();
  return { tree: built.tree, diagnostics: sortDiagnostics(built.diagnostics) };
}

/** True when an expression contains an `inspect` operator. */
export function exprInspects(e: Expr): boolean {
  switch (e.kind) {
    case 'concat':
      return e.parts.some((p) => exprInspects(p.expr));
    case 'op':
      return (
        e.op.kind === 'inspect' || exprInspects(e.input) || (e.op.kind === 'join' && exprInspects(e.op.other))
      );
    default:
      return false;
  }
}

class Checker {
  // Dependency edges among the lets and child scopes of each scope (for cycles).
  private readonly deps = new Map<Binding, Binding[]>();
  private readonly used = new Set<Binding>();

  constructor(
    private readonly tree: ScopeTree,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private error(span: Span, code: string, message: string): void {
    this.diagnostics.push({ severity: 'error', span, code, message });
  }

  private warn(span: Span, code: string, message: string): void {
    this.diagnostics.push({ severity: 'warning', span, code, message });
  }

  run(): void {
    for (const scope of this.tree.scopes) {
      for (const stmt of scope.stmts) {
        if (stmt.kind === 'let' || stmt.kind === 'var' || stmt.kind === 'export') {
          // A statement left out of the tree (a duplicate) is still checked, but is no
          // node of the dependency graph.
          const own = stmt.kind === 'export' ? undefined : scope.bindings.get(stmt.name.name);
          const holder = own !== undefined && own.stmt === stmt && own.kind === 'let' ? own : null;
          this.expr(stmt.expr, scope, holder);
        }
      }
    }
    for (const scope of this.tree.scopes) this.cycles(scope);
    // "Never used" is unreliable next to errors (a misspelled read leaves its target
    // unused), so the warnings only come for programs without errors.
    if (!this.diagnostics.some((d) => d.severity === 'error')) this.unused();
  }

  private expr(e: Expr, scope: ScopeNode, holder: Binding | null): void {
    switch (e.kind) {
      case 'input':
        if (scope.parent !== null) {
          this.error(
            e.span,
            'input-outside-root',
            `\`input ${e.index}\` is inside a scope; inputs are read at the root (bind it with a \`let\` there)`,
          );
        }
        return;
      case 'import':
        if (scope.parent !== null) {
          this.error(
            e.span,
            'import-outside-root',
            `\`import "${e.name}"\` is inside a scope; imports are read at the root (bind it with a \`let\` there)`,
          );
        }
        return;
      case 'name':
        this.name(e.name.name, e.span, scope, holder);
        return;
      case 'field':
        this.field(e, scope, holder);
        return;
      case 'concat':
        for (const p of e.parts) this.expr(p.expr, scope, holder);
        return;
      case 'op':
        this.expr(e.input, scope, holder);
        this.operator(e.op, scope, holder);
        return;
      case 'error':
        return;
    }
  }

  private operator(op: Operator, scope: ScopeNode, holder: Binding | null): void {
    const ctx = (maxDollar: number): TermContext => ({ cons: this.tree.cons, maxDollar });
    switch (op.kind) {
      case 'map':
        lowerProjection(op.proj, ctx(1), this.diagnostics);
        return;
      case 'join':
        this.expr(op.other, scope, holder);
        lowerProjection(op.proj, ctx(2), this.diagnostics);
        return;
      case 'filter':
      case 'flatmap':
      case 'enter_at':
        this.term(op.term, ctx(1));
        return;
      default:
        return;
    }
  }

  private term(t: TermAst, ctx: TermContext): void {
    lowerTerm(t, ctx, this.diagnostics);
  }

  private name(name: string, span: Span, scope: ScopeNode, holder: Binding | null): void {
    const b = resolveName(scope, name);
    if (b === null) {
      const visible = visibleCollections(scope);
      const listing =
        visible.length === 0 ? 'no collections are defined here' : `in scope: ${listNames(visible)}`;
      this.error(
        span,
        'unknown-name',
        `unknown name \`${name}\`${didYouMean(name, visible)}; ${listing}${this.definedInside(name, scope)}`,
      );
      return;
    }
    if (b.kind === 'scope') {
      const fields = fieldsOf(b.node);
      const how =
        b.owner === scope
          ? `read one of its fields as \`${name}::FIELD\` (fields: ${fields.join(', ') || 'none'})`
          : `its fields can be read as \`${name}::FIELD\` only in ${scopeLabel(b.owner)}`;
      this.error(span, 'scope-as-collection', `\`${name}\` is a scope, not a collection; ${how}`);
      return;
    }
    this.used.add(b);
    if (b.kind === 'let') this.depend(scope, holder, b);
  }

  private field(e: Extract<Expr, { kind: 'field' }>, scope: ScopeNode, holder: Binding | null): void {
    const scopeName = e.scope.name;
    const own = scope.bindings.get(scopeName);
    if (own === undefined || own.kind !== 'scope') {
      this.error(e.scope.span, 'unknown-scope', this.notAChild(scopeName, scope));
      return;
    }
    const child = own.node;
    const target = child.bindings.get(e.field.name);
    const fields = fieldsOf(child);
    if (target === undefined || target.kind === 'scope') {
      const what =
        target === undefined
          ? `scope \`${scopeName}\` has no \`let\` or \`var\` named \`${e.field.name}\`${didYouMean(e.field.name, fields)}`
          : `\`${scopeName}::${e.field.name}\` is a scope, not a collection`;
      const listing =
        fields.length === 0
          ? `\`${scopeName}\` has no \`let\` or \`var\` to read`
          : `fields of \`${scopeName}\`: ${fields.join(', ')}`;
      this.error(e.field.span, 'unknown-field', `${what}; ${listing}`);
      return;
    }
    this.used.add(target);
    this.used.add(own);
    this.depend(scope, holder, own);
  }

  // A hint when `name` is bound inside a scope nested in `scope` (so not visible here).
  private definedInside(name: string, scope: ScopeNode): string {
    const home = this.tree.scopes.find((s) => isInside(s, scope) && s.bindings.get(name)?.kind !== undefined);
    if (home === undefined || home.bindings.get(name)?.kind === 'scope') return '';
    return home.parent === scope
      ? ` (\`${name}\` is defined in scope \`${home.name}\`: read it as \`${home.name}::${name}\`)`
      : ` (\`${name}\` is defined in scope \`${home.name}\`, which is not a direct child of this one)`;
  }

  // Why `name::…` written in `scope` does not name a direct child scope.
  private notAChild(name: string, scope: ScopeNode): string {
    const children = scope.children.map((c) => c.name);
    const listing =
      children.length === 0 ? 'there are no child scopes here' : `child scopes here: ${children.join(', ')}`;
    const own = scope.bindings.get(name);
    if (own !== undefined) return `\`${name}\` is a \`${own.kind}\`, not a scope; ${listing}`;
    // A scope of that name elsewhere: deeper inside this one, or in an enclosing scope.
    const deeper = this.tree.scopes.find((s) => s.name === name && isInside(s, scope));
    const outer = resolveName(scope, name);
    const home = deeper?.parent ?? (outer?.kind === 'scope' ? outer.owner : null);
    if (home !== null) {
      return `\`${name}\` is not a direct child of ${scopeLabel(scope)}; \`::\` reads only direct children, so bind \`${name}::…\` with a \`let\` in ${scopeLabel(home)} first`;
    }
    return `no scope \`${name}\`${didYouMean(name, children)}; ${listing}`;
  }

  // Records that the statement `holder` written in `from` reads `target` (a let or child
  // scope of some scope O enclosing `from`). At O's level, the reader is `holder` itself
  // when O is `from`, else the child of O that contains `from`.
  private depend(from: ScopeNode, holder: Binding | null, target: Binding): void {
    const owner = target.owner;
    let reader: Binding | null = holder;
    if (owner !== from) {
      let s: ScopeNode = from;
      while (s.parent !== null && s.parent !== owner) s = s.parent;
      const b = owner.bindings.get(s.name);
      reader = b !== undefined && b.kind === 'scope' && b.node === s ? b : null;
    }
    if (reader === null) return;
    const list = this.deps.get(reader);
    if (list === undefined) this.deps.set(reader, [target]);
    else if (!list.includes(target)) list.push(target);
  }

  private cycles(scope: ScopeNode): void {
    const nodes: Binding[] = [...scope.bindings.values()].filter((b) => b.kind !== 'var');
    for (const cycle of findCycles(nodes, (b) => this.deps.get(b) ?? [])) {
      const first = cycle[0];
      if (first === undefined) continue;
      const path = [...cycle, first].map((b) => `\`${b.stmt.name.name}\``).join(' → ');
      this.error(
        first.stmt.name.span,
        'let-cycle',
        `cyclic definitions: ${path} (each reads the next); a \`let\` cannot depend on itself, use a \`var\` for recursion`,
      );
    }
  }

  private unused(): void {
    for (const scope of this.tree.scopes) {
      for (const b of scope.bindings.values()) {
        if (this.used.has(b)) continue;
        if (b.kind === 'let' && !exprInspects(b.stmt.expr)) {
          this.warn(b.stmt.name.span, 'unused-let', `\`${b.stmt.name.name}\` is never used`);
        } else if (b.kind === 'scope' && !scopeInspects(b.node)) {
          this.warn(
            b.stmt.name.span,
            'unused-scope',
            `nothing reads scope \`${b.stmt.name.name}\` (no \`${b.stmt.name.name}::FIELD\`) and it has no \`inspect\`, so its results are never seen`,
          );
        }
      }
    }
  }
}

// True when `inner` is a strict descendant of `outer`.
function isInside(inner: ScopeNode, outer: ScopeNode): boolean {
  for (let s = inner.parent; s !== null; s = s.parent) if (s === outer) return true;
  return false;
}

function scopeInspects(scope: ScopeNode): boolean {
  return (
    scope.stmts.some((s) => (s.kind === 'scope' ? false : s.kind !== 'con' && exprInspects(s.expr))) ||
    scope.children.some(scopeInspects)
  );
}

const MAX_LISTED = 12;

// Names joined with commas, the first MAX_LISTED only (long programs have many).
function listNames(names: readonly string[]): string {
  if (names.length <= MAX_LISTED) return names.join(', ');
  return `${names.slice(0, MAX_LISTED).join(', ')}, … (${names.length - MAX_LISTED} more)`;
}

/** "the root scope" or "scope `name`", for messages. */
export function scopeLabel(scope: ScopeNode): string {
  return scope.parent === null ? 'the root scope' : `scope \`${scope.name}\``;
}
