/**
 * The applicative syntax (`.ddir`, LANGUAGE.md §5): collection expressions written as
 * upper-case calls, on top of the shared statement and term grammars.
 *
 *     EXPR := 'INPUT' INT | 'IMPORT' STRING | NAME | NAME '::' NAME
 *           | 'MAP' '(' EXPR ',' PROJ ')' | 'JOIN' '(' EXPR ',' EXPR ',' PROJ ')'
 *           | 'REDUCE' '(' EXPR ',' ('MIN' | 'DISTINCT' | 'COUNT' | 'COLLECT') ')'
 *           | ('FILTER' | 'FLATMAP' | 'ENTER_AT') '(' EXPR ',' TERM ')'
 *           | ('NEGATE' | 'ARRANGE' | 'LIFT_ITER') '(' EXPR ')'
 *           | 'CONCAT' '(' EXPR (',' EXPR)* ')' | 'INSPECT' '(' EXPR ',' (WORD | STRING) ')'
 *
 * A projection without `;` is all key (`val` = null). `CONCAT` keeps every part, even a
 * single one, none negated. An operator's `span` is its upper-case name; the `op`
 * expression's span covers the whole call.
 */
import type { Expr, Operator, ProgramAst, ReducerKind } from './ast.js';
import type { Token } from './lexer.js';
import { StmtParser } from './parse-stmt.js';
import { APPLICATIVE_CALLS, PIPE_OPERATORS } from './keywords.js';
import type { Diagnostic, Span } from './source.js';

const UNARY_OPS: Readonly<Record<string, 'negate' | 'arrange' | 'lift_iter'>> = {
  NEGATE: 'negate',
  ARRANGE: 'arrange',
  LIFT_ITER: 'lift_iter',
};
const TERM_OPS: Readonly<Record<string, 'filter' | 'flatmap' | 'enter_at'>> = {
  FILTER: 'filter',
  FLATMAP: 'flatmap',
  ENTER_AT: 'enter_at',
};
const REDUCERS: Readonly<Record<string, ReducerKind>> = {
  MIN: 'min',
  DISTINCT: 'distinct',
  COUNT: 'count',
  COLLECT: 'collect',
};
const CALL_WORDS: ReadonlySet<string> = new Set(APPLICATIVE_CALLS);
const LOWER_OPERATORS: ReadonlySet<string> = new Set([
  ...PIPE_OPERATORS,
  'reduce',
  'concat',
  'input',
  'import',
]);
const EXPECTED_COLLECTION = 'a collection: a name, `INPUT N`, `IMPORT "…"` or an operator such as `MAP(…)`';

class ApplicativeParser extends StmtParser {
  constructor(tokens: readonly Token[], diagnostics: readonly Diagnostic[]) {
    super(tokens, diagnostics, 'ddir');
  }

  protected afterExprExpected(): string {
    return this.atPunct('|')
      ? '`;` after this statement (pipes are `.ddp` syntax: `.ddir` writes operators as calls, as in `REDUCE(x, DISTINCT)`)'
      : '`;` after this statement';
  }

  protected parseExpr(): Expr {
    const t = this.peek();
    const start = t.span.start;
    const error = (): Expr => ({ kind: 'error', span: this.spanFrom(start) });
    const reserved = t.kind === 'ident' && this.keywords.has(t.text);
    if (
      t.kind !== 'ident' ||
      (reserved && !CALL_WORDS.has(t.text) && t.text !== 'INPUT' && t.text !== 'IMPORT')
    ) {
      this.failExpected(EXPECTED_COLLECTION);
      return { kind: 'error', span: t.span };
    }
    this.next();
    if (t.text === 'INPUT') {
      const index = this.parseCount('the input number, as in `INPUT 0`');
      return index === null ? error() : { kind: 'input', index: index.value, span: this.spanFrom(start) };
    }
    if (t.text === 'IMPORT') {
      const name = this.peek();
      if (name.kind !== 'string') {
        this.failExpected('a quoted trace name, as in `IMPORT "edges"`');
        return error();
      }
      this.next();
      return { kind: 'import', name: name.text, span: this.spanFrom(start) };
    }
    if (reserved) return this.parseCall(t.text, t.span) ?? error();
    const name = { name: t.text, span: t.span };
    if (this.atPunct('::')) {
      this.next();
      const field = this.parseName('a name after `::`');
      return field === null ? error() : { kind: 'field', scope: name, field, span: this.spanFrom(start) };
    }
    if (this.atPunct('(')) {
      const upper = t.text.toUpperCase();
      const hint = LOWER_OPERATORS.has(t.text)
        ? `: \`.ddir\` operators are upper case, as in \`${upper}(…)\``
        : ` (operators are MAP, JOIN, REDUCE, FILTER, FLATMAP, NEGATE, CONCAT, ARRANGE, INSPECT, ENTER_AT, LIFT_ITER)`;
      this.fail('unknown-operator', `unknown operator \`${t.text}\`${hint}`, t.span);
      return error();
    }
    return { kind: 'name', name, span: t.span };
  }

  // `OP( … )` after the operator word `word` (already consumed).
  private parseCall(word: string, wordSpan: Span): Expr | null {
    const start = wordSpan.start;
    if (!this.expectPunct('(', `\`(\` after \`${word}\``)) return null;
    if (word === 'CONCAT') {
      const parts: { negated: boolean; expr: Expr }[] = [];
      do {
        parts.push({ negated: false, expr: this.parseExpr() });
        if (this.panicking) return null;
      } while (this.eatPunct(','));
      if (!this.expectPunct(')', '`,` or `)` in `CONCAT(…)`')) return null;
      return { kind: 'concat', parts, span: this.spanFrom(start) };
    }
    const input = this.parseExpr();
    if (this.panicking) return null;
    const op = this.parseOperands(word, wordSpan);
    if (op === null || !this.expectPunct(')', `\`)\` to close \`${word}(…)\``)) return null;
    return { kind: 'op', input, op, span: this.spanFrom(start) };
  }

  // The operands after the input collection, up to (not including) the closing `)`.
  private parseOperands(word: string, span: Span): Operator | null {
    const unary = UNARY_OPS[word];
    if (unary !== undefined) return { kind: unary, span };
    if (!this.expectPunct(',', `\`,\` and the rest of \`${word}(…)\``)) return null;
    const termOp = TERM_OPS[word];
    if (termOp !== undefined) {
      const term = this.parseTerm();
      return this.panicking ? null : { kind: termOp, term, span };
    }
    switch (word) {
      case 'MAP': {
        const proj = this.parseProjection();
        return proj === null ? null : { kind: 'map', proj, span };
      }
      case 'JOIN': {
        const other = this.parseExpr();
        if (this.panicking || !this.expectPunct(',', '`,` and a projection after the second collection')) {
          return null;
        }
        const proj = this.parseProjection();
        return proj === null ? null : { kind: 'join', other, proj, span };
      }
      case 'REDUCE': {
        const t = this.peek();
        const reducer = t.kind === 'ident' ? REDUCERS[t.text] : undefined;
        if (reducer === undefined) {
          this.failExpected('a reducer: MIN, DISTINCT, COUNT or COLLECT');
          return null;
        }
        this.next();
        return { kind: 'reduce', reducer, span };
      }
      default: {
        // INSPECT: a label word or string.
        const t = this.peek();
        if (t.kind !== 'ident' && t.kind !== 'string') {
          this.failExpected('a label for `INSPECT`, as in `INSPECT(x, reach)`');
          return null;
        }
        this.next();
        return { kind: 'inspect', label: t.text, span };
      }
    }
  }
}

/** Parses a `.ddir` program from its tokens (see `parse` for the whole pipeline). */
export function parseApplicativeTokens(
  tokens: readonly Token[],
  lexDiagnostics: readonly Diagnostic[],
): { ast: ProgramAst; diagnostics: Diagnostic[] } {
  const parser = new ApplicativeParser(tokens, lexDiagnostics);
  const ast = parser.parseProgram();
  return { ast, diagnostics: parser.diagnostics };
}
