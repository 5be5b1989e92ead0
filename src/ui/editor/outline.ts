/**
 * What the editor knows about the names of a program: its scope tree (from the real
 * parser and `buildScopeTree`) and which scope a cursor offset is in.
 *
 * `outlineOf(text, syntax)` parses the text (recovering from errors, never throwing)
 * and returns the scope tree with `parseOk` telling whether the parse was clean.
 * `scopeAt` finds the innermost scope whose braces hold an offset; `describeBinding`
 * says in one line what a `let`/`var`/scope name is bound to. Pure: no Monaco, no DOM.
 */
import type { Syntax } from '../../lang/ast.js';
import { parse } from '../../lang/parse.js';
import { printExpr } from '../../lang/print.js';
import { buildScopeTree, fieldsOf } from '../../lang/scopes.js';
import type { Binding, ScopeNode, ScopeTree } from '../../lang/scopes.js';
import { LineIndex } from '../../lang/source.js';

/** A program's scope tree, with the text it was built from. */
export interface Outline {
  readonly text: string;
  readonly syntax: Syntax;
  readonly tree: ScopeTree;
  /** True when the text parsed without syntax errors. */
  readonly parseOk: boolean;
}

/** Builds the outline of a program text (see the module header). */
export function outlineOf(text: string, syntax: Syntax): Outline {
  const { ast, diagnostics } = parse(text, syntax);
  const { tree } = buildScopeTree(ast, new LineIndex(text));
  return { text, syntax, tree, parseOk: !diagnostics.some((d) => d.severity === 'error') };
}

// Where the body of a child scope opens: its `{` (after `NAME:` and `.ddir`'s `scope`).
function bodyStart(outline: Outline, scope: ScopeNode): number {
  const self = scope.parent?.bindings.get(scope.name);
  const after = self?.kind === 'scope' && self.node === scope ? self.stmt.name.span.end : scope.span.start;
  const brace = outline.text.indexOf('{', after);
  return brace < 0 || brace >= scope.span.end ? scope.span.end : brace;
}

/** The innermost scope whose `{ }` contain `offset` (the root when none does). */
export function scopeAt(outline: Outline, offset: number): ScopeNode {
  let scope = outline.tree.root;
  for (;;) {
    const inner = scope.children.find((c) => offset > bodyStart(outline, c) && offset < c.span.end);
    if (inner === undefined) return scope;
    scope = inner;
  }
}

// A one-line preview of an expression, cut to a readable length.
function preview(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Where a scope sits, for people: `reach` or `outer::inner`; the root is `the root scope`. */
export function scopePath(scope: ScopeNode): string {
  const names: string[] = [];
  for (let s: ScopeNode | null = scope; s !== null && s.parent !== null; s = s.parent) names.unshift(s.name);
  return names.length === 0 ? 'the root scope' : `scope \`${names.join('::')}\``;
}

/** Does this scope iterate (has a `var` of its own)? */
export function iterates(scope: ScopeNode): boolean {
  return [...scope.bindings.values()].some((b) => b.kind === 'var');
}

/** A code line showing what a binding is bound to, e.g. `let next = reach | join(…)`. */
export function bindingCode(binding: Binding, syntax: Syntax): string {
  switch (binding.kind) {
    case 'let':
    case 'var':
      return `${binding.kind} ${binding.stmt.name.name} = ${preview(printExpr(binding.stmt.expr, syntax))};`;
    case 'scope': {
      const fields = [...binding.node.bindings.values()].map((b) =>
        b.kind === 'scope' ? `${b.stmt.name.name}: { … }` : `${b.kind} ${b.stmt.name.name}`,
      );
      return `${binding.stmt.name.name}: { ${preview(fields.join('; '), 120)}${fields.length > 0 ? '; ' : ''}}`;
    }
  }
}

/** One sentence about a binding: what kind of name it is and where it lives. */
export function bindingSummary(binding: Binding): string {
  const where = scopePath(binding.owner);
  switch (binding.kind) {
    case 'let':
      return `A collection bound in ${where}.`;
    case 'var':
      return `A feedback variable of ${where}: it starts empty and takes this value at every iteration until nothing changes.`;
    case 'scope': {
      const fields = fieldsOf(binding.node);
      const kind = iterates(binding.node) ? 'An iterating scope' : 'A scope (a namespace: it has no `var`)';
      const read =
        fields.length > 0 ? ` Read its fields as \`${binding.node.name}::${fields[0] ?? ''}\`.` : '';
      return `${kind} in ${where}.${read}`;
    }
  }
}
