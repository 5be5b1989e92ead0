/**
 * The statement grammar shared by both syntaxes (LANGUAGE.md §2, §5); the expression
 * grammar is supplied by the subclass (`parse-pipe.ts`, `parse-applicative.ts`).
 *
 *     PROGRAM := STMT*
 *     STMT    := 'let' NAME '=' EXPR ';' | 'var' NAME '=' EXPR ';'
 *              | 'export' STRING '=' EXPR ';'
 *              | NAME ':' 'scope'? '{' STMT* '}'        -- `scope` only in `.ddir`
 *              | 'con' NAME '(' INT ')' '=' INT ';'      -- `.ddp` only
 *
 * Recovery: a broken statement is reported once and skipped (see `ParserCore`); a
 * statement whose name was read is kept, with an `error` expression where the
 * expression broke, so later stages know the name exists. A `}` with no open scope is
 * an error (`stray-brace`), and so is a scope still open at the end of the file
 * (`unclosed-scope`). A missing `;` before the next statement is reported at the end of
 * the statement (`missing-semicolon`) and needs no skipping.
 */
import type { Expr, Ident, ProgramAst, Stmt } from './ast.js';
import type { Token } from './lexer.js';
import { TermParser } from './parse-term.js';

const MAX_U32 = 4294967295;

/** A statement parser missing only its expression grammar. */
export abstract class StmtParser extends TermParser {
  // How many scopes are open around the current statement.
  private depth = 0;

  /** EXPR: one collection expression; an `error` expression when broken (already reported). */
  protected abstract parseExpr(): Expr;

  /** Words that begin a statement (resynchronization stops before them). */
  protected get statementWords(): ReadonlySet<string> {
    return this.syntax === 'ddp' ? PIPE_STATEMENT_WORDS : APPLICATIVE_STATEMENT_WORDS;
  }

  /** PROGRAM: the whole token stream. */
  parseProgram(): ProgramAst {
    const stmts = this.parseStmts(null);
    const end = this.peek().span.end;
    return { syntax: this.syntax, stmts, span: { start: 0, end } };
  }

  // Statements up to the `}` closing `open` (not consumed), or to the end of the file.
  private parseStmts(open: { brace: Token; name: Ident } | null): Stmt[] {
    if (open !== null) this.depth++;
    const stmts = this.parseStmtsIn(open);
    if (open !== null) this.depth--;
    return stmts;
  }

  private parseStmtsIn(open: { brace: Token; name: Ident } | null): Stmt[] {
    const stmts: Stmt[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') {
        if (open !== null) {
          this.report(
            'unclosed-scope',
            `scope \`${open.name.name}\` is never closed: add a \`}\` at its end`,
            open.brace.span,
          );
        }
        return stmts;
      }
      if (t.kind === 'punct' && t.text === '}') {
        if (open !== null) return stmts;
        // A `}` that a broken statement already complained about is not reported again.
        if (this.failedAt !== this.pos) {
          this.report('stray-brace', 'stray `}`: there is no open scope to close', t.span);
        }
        this.next();
        continue;
      }
      const stmtStart = this.pos;
      const stmt = this.parseStmt();
      if (stmt !== null) stmts.push(stmt);
      if (this.panicking) this.synchronize(stmtStart, this.statementWords);
    }
  }

  private parseStmt(): Stmt | null {
    const t = this.peek();
    if (t.kind === 'ident') {
      if (t.text === 'let' || t.text === 'var') return this.parseBinding(t.text);
      if (t.text === 'export') return this.parseExport();
      if (t.text === 'con') {
        if (this.syntax === 'ddp') return this.parseCon();
        if (this.peek(1).kind === 'ident') {
          this.fail(
            'con-in-ddir',
            'constructor declarations (`con`) exist only in `.ddp` files; in `.ddir` write `inject(tag, payload)`',
            t.span,
          );
          return null;
        }
      }
      if (!this.keywords.has(t.text)) return this.parseScope();
    }
    const con = this.syntax === 'ddp' ? ', `con`' : '';
    this.failExpected(`a statement (\`let\`, \`var\`, \`export\`${con} or a scope \`name: { … }\`)`);
    return null;
  }

  private parseBinding(kind: 'let' | 'var'): Stmt | null {
    const start = this.next().span.start;
    const name = this.parseName(`a name after \`${kind}\``);
    if (name === null) return null;
    const expr = this.parseAssigned();
    return { kind, name, expr, span: this.spanFrom(start) };
  }

  // `= EXPR ;` of a let, var or export.
  private parseAssigned(): Expr {
    const at = this.peek().span;
    if (!this.expectPunct('=', '`=` after the name')) return { kind: 'error', span: at };
    const expr = this.parseExpr();
    this.expectSemicolon();
    return expr;
  }

  private parseExport(): Stmt | null {
    const start = this.next().span.start;
    const t = this.peek();
    if (t.kind === 'ident' && !this.keywords.has(t.text)) {
      this.report('unquoted-export', `export names are quoted: write \`export "${t.text}" = …\``, t.span);
    } else if (t.kind !== 'string') {
      this.failExpected('a quoted name after `export`, as in `export "result" = …`');
      return null;
    }
    this.next();
    const expr = this.parseAssigned();
    return { kind: 'export', name: t.text, nameSpan: t.span, expr, span: this.spanFrom(start) };
  }

  private parseScope(): Stmt | null {
    const start = this.peek().span.start;
    const name = this.parseName('a statement');
    if (name === null) return null;
    const colon = this.eatPunct(':') !== null;
    if (colon && this.syntax === 'ddir' && this.atWord('scope')) this.next();
    if (!this.atPunct('{')) {
      const hint = this.atPunct('=') ? ` (to bind a collection, write \`let ${name.name} = …\`)` : '';
      this.failExpected(
        colon ? '`{` to open the scope' : `\`:\` to open a scope \`${name.name}: { … }\`${hint}`,
      );
      // A header with a typo (`reach = {`, `reach: scope {` in `.ddp`) still opens a scope:
      // skip to its `{` so its body and `}` are read as such.
      if (!this.skipToBrace()) return null;
      this.panicking = false;
    } else if (!colon) {
      this.report(
        'expected-token',
        `unexpected \`{\`: expected \`:\` to open a scope \`${name.name}: { … }\``,
        this.peek().span,
      );
    }
    const brace = this.next();
    const body = this.parseStmts({ brace, name });
    this.eatPunct('}');
    return { kind: 'scope', name, body, span: this.spanFrom(start) };
  }

  // Skips to a `{` among the next few tokens of a scope header, if there is one.
  private skipToBrace(): boolean {
    for (let ahead = 0; ahead < 3; ahead++) {
      const t = this.peek(ahead);
      if (t.kind === 'eof' || (t.kind === 'punct' && (t.text === ';' || t.text === '}'))) return false;
      if (t.kind === 'punct' && t.text === '{') {
        this.pos += ahead;
        return true;
      }
    }
    return false;
  }

  // `con NAME ( ARITY ) = TAG ;`
  private parseCon(): Stmt | null {
    const start = this.next().span.start;
    const name = this.parseName('a constructor name after `con`');
    if (name === null) return null;
    const example = `, as in \`con ${name.name}(2) = 0;\``;
    if (!this.expectPunct('(', `\`(\` and the number of payload fields${example}`)) return null;
    const arity = this.parseCount(`the number of payload fields${example}`);
    if (arity === null || !this.expectPunct(')', '`)` after the number of fields')) return null;
    if (!this.expectPunct('=', `\`=\` and the constructor's tag${example}`)) return null;
    const tag = this.parseCount(`the constructor's tag (an integer)${example}`);
    if (tag === null) return null;
    for (const [what, n] of [
      ['number of fields', arity],
      ['tag', tag],
    ] as const) {
      if (n.value > MAX_U32) {
        this.report('con-out-of-range', `a constructor's ${what} must be at most ${MAX_U32}`, n.span);
      }
    }
    this.expectSemicolon();
    return { kind: 'con', name, arity: arity.value, tag: tag.value, span: this.spanFrom(start) };
  }

  /** Consumes the `;` ending a statement, or reports it missing. */
  protected expectSemicolon(): void {
    if (this.eatPunct(';') || this.panicking) return;
    // At the top level a `}` is stray: say once that a `;` was expected there.
    const strayBrace = this.depth === 0 && this.atPunct('}');
    if (!strayBrace && this.startsStatement(0, this.statementWords)) {
      if (this.afterLexError()) return;
      const end = this.prevEnd();
      this.report('missing-semicolon', 'expected `;` after this statement', { start: end, end });
      return;
    }
    this.failExpected(this.afterExprExpected());
  }

  /** What may follow a complete expression, for the message when something else does. */
  protected abstract afterExprExpected(): string;
}

const PIPE_STATEMENT_WORDS: ReadonlySet<string> = new Set(['let', 'var', 'export', 'con']);
const APPLICATIVE_STATEMENT_WORDS: ReadonlySet<string> = new Set(['let', 'var', 'export']);
