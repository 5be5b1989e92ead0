/**
 * The parsers' common machinery: a cursor over the token stream, diagnostics with
 * panic-mode suppression, and statement-level resynchronization.
 *
 * Error discipline (shared by every grammar built on it):
 * - a grammar rule that meets a token it cannot use calls `fail…`, which reports one
 *   diagnostic and enters *panic mode*; while panicking, further reports are dropped,
 *   so one mistake gives one message;
 * - the rule returns an `error` node without consuming the bad token;
 * - the statement loop then calls `synchronize`, which skips to the end of the broken
 *   statement (a `;` outside brackets, a `}` closing the scope, or what plainly starts
 *   the next statement: `let x =`, `export "x" =`, `con C(`, `name: {`), and leaves
 *   panic mode. Independent mistakes in other statements are all reported;
 * - a parse error right after text the lexer already reported is not reported again.
 * Nothing here throws on any input.
 */
import type { Punct, Token } from './lexer.js';
import type { Diagnostic, Span } from './source.js';

// Lexical errors that already explain a parse error at (or right after) their text.
const SKIPPING: ReadonlySet<string> = new Set([
  'unexpected-char',
  'unterminated-string',
  'single-bang',
  'single-ampersand',
]);

/** Shows a token in a message: `` `)` ``, `` `foo` ``, `string "x"`, `end of file`. */
export function describeToken(tok: Token): string {
  switch (tok.kind) {
    case 'eof':
      return 'end of file';
    case 'string':
      return `string "${tok.text}"`;
    default:
      return `\`${tok.text}\``;
  }
}

/** A cursor over tokens that collects diagnostics; grammars extend it. */
export class ParserCore {
  /** Diagnostics found so far (lexical ones first, as given). */
  readonly diagnostics: Diagnostic[];
  protected pos = 0;
  // Panic mode: set by the first error of a statement, cleared by `synchronize`.
  protected panicking = false;
  private readonly eof: Token;
  // Spans of the lexical errors that explain a following parse error, in source order.
  private readonly skipping: readonly Span[];

  constructor(
    protected readonly tokens: readonly Token[],
    diagnostics: readonly Diagnostic[],
  ) {
    this.diagnostics = [...diagnostics];
    this.skipping = diagnostics.filter((d) => SKIPPING.has(d.code)).map((d) => d.span);
    const last = tokens[tokens.length - 1];
    this.eof = last?.kind === 'eof' ? last : { kind: 'eof', text: '', span: { start: 0, end: 0 } };
  }

  /** The token `ahead` positions after the current one (the `eof` token past the end). */
  protected peek(ahead = 0): Token {
    return this.tokens[this.pos + ahead] ?? this.eof;
  }

  /** Consumes and returns the current token (never moves past `eof`). */
  protected next(): Token {
    const tok = this.peek();
    if (tok.kind !== 'eof') this.pos++;
    return tok;
  }

  /** True when the token `ahead` is the punctuation `p`. */
  protected atPunct(p: Punct, ahead = 0): boolean {
    const tok = this.peek(ahead);
    return tok.kind === 'punct' && tok.text === p;
  }

  /** True when the token `ahead` is the word `w`. */
  protected atWord(w: string, ahead = 0): boolean {
    const tok = this.peek(ahead);
    return tok.kind === 'ident' && tok.text === w;
  }

  /** Consumes the punctuation `p` if it is next. */
  protected eatPunct(p: Punct): Token | null {
    return this.atPunct(p) ? this.next() : null;
  }

  /** The end offset of the last consumed token (the start of the text if none). */
  protected prevEnd(): number {
    return this.tokens[this.pos - 1]?.span.end ?? 0;
  }

  /** The span from `start` to the end of the last consumed token. */
  protected spanFrom(start: number): Span {
    return { start, end: Math.max(start, this.prevEnd()) };
  }

  /** The token index at which the last statement broke (-1 before any). */
  protected failedAt = -1;

  /** Reports a diagnostic unless a previous error of this statement is still being handled. */
  protected report(code: string, message: string, span: Span): void {
    if (this.panicking) return;
    this.diagnostics.push({ severity: 'error', code, message, span });
  }

  /** Reports the current token as unexpected, saying what was expected, and panics. */
  protected failExpected(expected: string): void {
    const tok = this.peek();
    if (!this.afterLexError()) {
      this.report('expected-token', `unexpected ${describeToken(tok)}: expected ${expected}`, tok.span);
    }
    this.panic();
  }

  /**
   * True when the lexer already reported the current token (a lone `&`, an unterminated
   * string) or text it skipped right before it (a stray character): a parse error here
   * is the same mistake, seen twice.
   */
  protected afterLexError(): boolean {
    const here = this.peek().span;
    const prevStart = this.tokens[this.pos - 1]?.span.start ?? -1;
    // The skipping errors are in source order and disjoint: find the first one ending
    // after the previous token's start; only it can lie between the tokens or on this one.
    const list = this.skipping;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.end ?? 0) > prevStart) hi = mid;
      else lo = mid + 1;
    }
    const d = list[lo];
    return d !== undefined && (d.end <= here.start || d.start < here.end);
  }

  /** Reports a custom error at `span` and panics. */
  protected fail(code: string, message: string, span: Span): void {
    this.report(code, message, span);
    this.panic();
  }

  /** Enters panic mode, remembering where (the first failure of a statement counts). */
  protected panic(): void {
    if (!this.panicking) this.failedAt = this.pos;
    this.panicking = true;
  }

  /** Consumes `p` or reports what was expected (`expected` defaults to `` `p` ``). */
  protected expectPunct(p: Punct, expected = `\`${p}\``): boolean {
    if (this.eatPunct(p)) return true;
    if (!this.panicking) this.failExpected(expected);
    return false;
  }

  /** True when the token `ahead` can only begin a statement or end a scope. */
  protected startsStatement(ahead: number, stmtWords: ReadonlySet<string>): boolean {
    const t = this.peek(ahead);
    if (t.kind === 'eof') return true;
    if (t.kind === 'punct') return t.text === '}';
    return this.atStatementWord(ahead, stmtWords) || (t.kind === 'ident' && this.atPunct(':', ahead + 1));
  }

  /**
   * True when the token `ahead` is a statement word followed by what such a statement
   * needs next (`let x =`, `export "x" =`, `con C(`), or a scope header `NAME: {`:
   * a word in the middle of broken text, like `inspect(let)`, does not count.
   */
  protected atStatementWord(ahead: number, stmtWords: ReadonlySet<string>): boolean {
    const t = this.peek(ahead);
    if (t.kind !== 'ident') return false;
    const after = this.peek(ahead + 1);
    if (!stmtWords.has(t.text)) {
      return (
        this.atPunct(':', ahead + 1) && (this.atPunct('{', ahead + 2) || this.atWord('scope', ahead + 2))
      );
    }
    const named = after.kind === 'ident' || (t.text === 'export' && after.kind === 'string');
    return named && this.atPunct(t.text === 'con' ? '(' : '=', ahead + 2);
  }

  /**
   * Skips the rest of a broken statement that began at token index `stmtStart`: up to and
   * including a `;` that is outside any bracket opened in the statement, or up to (not
   * including) a `}` that closes the enclosing scope or a word in `stmtWords`. Always
   * leaves panic mode.
   */
  protected synchronize(stmtStart: number, stmtWords: ReadonlySet<string>): void {
    let parens = 0;
    let braces = 0;
    for (let i = stmtStart; i < this.pos; i++) {
      const t = this.tokens[i];
      if (t?.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[') parens++;
      else if (t.text === ')' || t.text === ']') parens = Math.max(0, parens - 1);
      else if (t.text === '{') braces++;
      else if (t.text === '}') braces = Math.max(0, braces - 1);
    }
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (this.pos > stmtStart && this.atStatementWord(0, stmtWords)) break;
      if (t.kind === 'punct') {
        if (t.text === '}' && braces === 0) break;
        // A `;` inside brackets is a projection's separator, unless what follows it
        // clearly starts the next statement (then a `)` was forgotten).
        if (t.text === ';' && braces === 0 && (parens === 0 || this.startsStatement(1, stmtWords))) {
          this.next();
          break;
        }
        if (t.text === '(' || t.text === '[') parens++;
        else if (t.text === ')' || t.text === ']') parens = Math.max(0, parens - 1);
        else if (t.text === '{') braces++;
        else if (t.text === '}') braces--;
      }
      this.next();
    }
    this.panicking = false;
  }
}
