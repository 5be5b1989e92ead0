/**
 * The pipe syntax (`.ddp`, LANGUAGE.md §2): collection expressions on top of the shared
 * statement and term grammars.
 *
 *     EXPR   := CONCAT ('|' OP)*
 *     CONCAT := ATOM (('+' | '-') ATOM)*         -- `a - b` is `a` plus `b` negated
 *     ATOM   := 'input' INT | 'import' STRING | NAME | NAME '::' NAME | '(' EXPR ')'
 *     OP     := ('key' | 'map') PROJ | 'join' '(' ATOM ('|' OP)* ',' PROJ ')'
 *             | 'min' | 'distinct' | 'count' | 'collect' | 'negate' | 'arrange' | 'lift_iter'
 *             | ('filter' | 'flatmap' | 'enter_at') '(' TERM ')'
 *             | 'inspect' '(' (WORD | STRING) ')'
 *
 * A concatenation of one atom is the atom itself. Each operator's `span` covers its own
 * text (`join(…)`); an `op` expression's span covers its input too.
 */
import type { Expr, Operator, ProgramAst, ReducerKind } from './ast.js';
import type { Token } from './lexer.js';
import { APPLICATIVE_CALLS, PIPE_OPERATORS } from './keywords.js';
import { StmtParser } from './parse-stmt.js';
import type { Diagnostic } from './source.js';

// Operator names of the applicative syntax, recognized to explain a `MAP(…)` in `.ddp`.
const APPLICATIVE_WORDS: ReadonlySet<string> = new Set(APPLICATIVE_CALLS);
const OPERATOR_SET: ReadonlySet<string> = new Set(PIPE_OPERATORS);
const REDUCERS: ReadonlySet<string> = new Set(['min', 'distinct', 'count', 'collect']);
const EXPECTED_OPERATOR = 'an operator after `|` (one of key, map, join, min, distinct, count, collect, …)';
const EXPECTED_COLLECTION = 'a collection: a name, `input N`, `import "…"` or `( … )`';

class PipeParser extends StmtParser {
  constructor(tokens: readonly Token[], diagnostics: readonly Diagnostic[]) {
    super(tokens, diagnostics, 'ddp');
  }

  protected afterExprExpected(): string {
    return '`;` after this statement (or `|`, `+`, `-` to continue the expression)';
  }

  protected parseExpr(): Expr {
    const start = this.peek().span.start;
    let expr = this.parseConcat();
    while (!this.panicking && this.atPunct('|')) {
      this.next();
      expr = this.parseOp(expr, start);
    }
    return expr;
  }

  private parseConcat(): Expr {
    const start = this.peek().span.start;
    const first = this.parseAtom();
    const parts = [{ negated: false, expr: first }];
    while (!this.panicking && (this.atPunct('+') || this.atPunct('-'))) {
      const negated = this.next().text === '-';
      parts.push({ negated, expr: this.parseAtom() });
    }
    return parts.length === 1 ? first : { kind: 'concat', parts, span: this.spanFrom(start) };
  }

  private parseAtom(): Expr {
    const t = this.peek();
    const start = t.span.start;
    const error = (): Expr => ({ kind: 'error', span: this.spanFrom(start) });
    if (t.kind === 'punct' && t.text === '(') {
      this.next();
      const inner = this.parseExpr();
      return this.expectPunct(')', '`)` to close the parenthesis') ? inner : error();
    }
    if (t.kind !== 'ident') {
      this.failExpected(EXPECTED_COLLECTION);
      return { kind: 'error', span: t.span };
    }
    if (t.text === 'input') {
      this.next();
      const index = this.parseCount('the input number, as in `input 0`');
      return index === null ? error() : { kind: 'input', index: index.value, span: this.spanFrom(start) };
    }
    if (t.text === 'import') {
      this.next();
      const name = this.peek();
      if (name.kind !== 'string') {
        this.failExpected('a quoted trace name, as in `import "edges"`');
        return error();
      }
      this.next();
      return { kind: 'import', name: name.text, span: this.spanFrom(start) };
    }
    if (this.keywords.has(t.text)) {
      const hint = OPERATOR_SET.has(t.text) ? ` (operators follow a \`|\`, as in \`x | ${t.text}\`)` : '';
      this.failExpected(EXPECTED_COLLECTION + hint);
      return { kind: 'error', span: t.span };
    }
    this.next();
    const name = { name: t.text, span: t.span };
    if (this.atPunct('::')) {
      this.next();
      const field = this.parseName('a name after `::`');
      if (field === null) return error();
      return { kind: 'field', scope: name, field, span: this.spanFrom(start) };
    }
    if (this.atPunct('(') && APPLICATIVE_WORDS.has(t.text.toUpperCase())) {
      this.fail(
        'expected-token',
        `\`${t.text}(…)\` is \`.ddir\` syntax: in \`.ddp\` apply operators with \`|\`, as in \`x | ${t.text.toLowerCase()}(…)\``,
        t.span,
      );
      return error();
    }
    return { kind: 'name', name, span: t.span };
  }

  // One operator after `|`, applied to `input` (which started at `start`).
  private parseOp(input: Expr, start: number): Expr {
    const t = this.peek();
    if (t.kind !== 'ident' || !OPERATOR_SET.has(t.text)) {
      this.failExpected(EXPECTED_OPERATOR);
      return { kind: 'error', span: this.spanFrom(start) };
    }
    this.next();
    const op = this.parseOpBody(t.text, t.span.start);
    if (op === null) return { kind: 'error', span: this.spanFrom(start) };
    return { kind: 'op', input, op, span: this.spanFrom(start) };
  }

  private parseOpBody(name: string, opStart: number): Operator | null {
    if (REDUCERS.has(name) || name === 'negate' || name === 'arrange' || name === 'lift_iter') {
      if (this.atPunct('(')) {
        this.fail('expected-token', `\`${name}\` takes no arguments: write \`| ${name}\``, this.peek().span);
        return null;
      }
      const span = this.spanFrom(opStart);
      if (REDUCERS.has(name)) return { kind: 'reduce', reducer: name as ReducerKind, span };
      return { kind: name as 'negate' | 'arrange' | 'lift_iter', span };
    }
    if (name === 'key' || name === 'map') {
      const proj = this.parseProjection();
      return proj === null ? null : { kind: 'map', proj, span: this.spanFrom(opStart) };
    }
    if (!this.expectPunct('(', `\`(\` after \`${name}\``)) return null;
    let op: Operator | null;
    if (name === 'join') {
      op = this.parseJoinBody(opStart);
    } else if (name === 'inspect') {
      op = this.parseLabel(opStart);
    } else {
      const term = this.parseTerm();
      const kind = name as 'filter' | 'flatmap' | 'enter_at';
      op = this.panicking ? null : { kind, term, span: this.spanFrom(opStart) };
    }
    if (op === null || !this.expectPunct(')', `\`)\` to close \`${name}(…)\``)) return null;
    return { ...op, span: this.spanFrom(opStart) };
  }

  // `OTHER , PROJ` inside `join( … )`; OTHER is an atom with optional `| op`s.
  private parseJoinBody(opStart: number): Operator | null {
    const start = this.peek().span.start;
    let other = this.parseAtom();
    while (!this.panicking && this.atPunct('|')) {
      this.next();
      other = this.parseOp(other, start);
    }
    if (this.panicking) return null;
    if (this.atPunct('+') || this.atPunct('-')) {
      this.fail(
        'expected-token',
        "a join's other side cannot be a bare concatenation: put it in parentheses, as in `join((a + b), …)`",
        this.peek().span,
      );
      return null;
    }
    if (!this.expectPunct(',', '`,` and a projection after the collection to join with')) return null;
    const proj = this.parseProjection();
    return proj === null ? null : { kind: 'join', other, proj, span: this.spanFrom(opStart) };
  }

  private parseLabel(opStart: number): Operator | null {
    const t = this.peek();
    if (t.kind !== 'ident' && t.kind !== 'string') {
      this.failExpected('a label for `inspect`, as in `inspect(reach)`');
      return null;
    }
    this.next();
    return { kind: 'inspect', label: t.text, span: this.spanFrom(opStart) };
  }
}

/** Parses a `.ddp` program from its tokens (see `parse` for the whole pipeline). */
export function parsePipeTokens(
  tokens: readonly Token[],
  lexDiagnostics: readonly Diagnostic[],
): { ast: ProgramAst; diagnostics: Diagnostic[] } {
  const parser = new PipeParser(tokens, lexDiagnostics);
  const ast = parser.parseProgram();
  return { ast, diagnostics: parser.diagnostics };
}
