/**
 * The scalar-term and projection grammar shared by both syntaxes (LANGUAGE.md §2, §3).
 *
 *     TERM    := AND
 *     AND     := CMP ('&&' CMP)*                       -- left-assoc
 *     CMP     := ADD (('=='|'!='|'<'|'<='|'>'|'>=') ADD)?   -- one comparison, no chains
 *     ADD     := MUL (('+'|'-') MUL)*                  -- left-assoc
 *     MUL     := UNARY ('*' UNARY)*
 *     UNARY   := '-' UNARY | POSTFIX
 *     POSTFIX := PRIMARY ('[' INT ']')*
 *     PRIMARY := '$' INT | '^' INT | INT | '(' TERM ')' | NAME '(' ARGS ')' | NAME
 *              | 'case' TERM '{' ARM (',' ARM)* ','? '}'      -- `.ddp` only
 *     ARM     := (NAME ('(' NAMES ')')? | '_') '=>' TERM
 *     PROJ    := '(' FIELDS (';' FIELDS)? ')'          -- no `;`: all key, `val` = null
 *     FIELD   := '$' INT (followed by `,` `;` `)`: a splice) | TERM
 *
 * In `.ddp`, `case` starts a pattern match and `fold(…)` is a call; in `.ddir` both are
 * ordinary call names (`case(scrut, arm0, …)` is positional). Words reserved by the
 * syntax cannot be names. Parentheses leave no node; every node's span covers its text
 * including any parentheses inside it. Like the reference, a `case` arm may omit the
 * separating comma and an arity-0 pattern may omit its `()`.
 */
import type { Ident, MatchArm, ProjField, Projection, Syntax, TermAst, BinaryOp } from './ast.js';
import type { Token } from './lexer.js';
import { KEYWORDS } from './keywords.js';
import { ParserCore } from './parser-core.js';
import type { Diagnostic } from './source.js';

const STATEMENT_WORDS: ReadonlySet<string> = new Set(['let', 'var', 'export', 'con', 'scope']);

const COMPARE: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);

const EXPECTED_TERM = 'a term such as `$0[1]`, `5` or `tuple(…)`';

/** Parses terms and projections; the statement grammars extend it. */
export class TermParser extends ParserCore {
  protected readonly keywords: ReadonlySet<string>;

  constructor(
    tokens: readonly Token[],
    diagnostics: readonly Diagnostic[],
    protected readonly syntax: Syntax,
  ) {
    super(tokens, diagnostics);
    this.keywords = KEYWORDS[syntax];
  }

  /** True when the token `ahead` is a word that is not reserved. */
  protected atName(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && !this.keywords.has(t.text);
  }

  /**
   * Reads a name. A reserved word is reported (`keyword-as-name`) but accepted, so the
   * rest of the statement still parses — except a statement word (`let`, …), which more
   * likely begins the next statement; anything else fails with `expected`.
   */
  protected parseName(expected: string): Ident | null {
    const t = this.peek();
    if (t.kind !== 'ident') {
      this.failExpected(expected);
      return null;
    }
    if (this.keywords.has(t.text)) {
      // A statement word here more likely starts the next statement than names something.
      if (STATEMENT_WORDS.has(t.text)) {
        this.failExpected(expected);
        return null;
      }
      this.report('keyword-as-name', `\`${t.text}\` is a keyword and cannot be used as a name`, t.span);
    }
    this.next();
    return { name: t.text, span: t.span };
  }

  /** Reads an integer literal as a number (values past 2^53 lose precision; they are errors later). */
  protected parseCount(expected: string): { value: number; span: { start: number; end: number } } | null {
    const t = this.peek();
    if (t.kind !== 'int') {
      this.failExpected(expected);
      return null;
    }
    this.next();
    return { value: Number(t.value), span: t.span };
  }

  /** True when the current token can begin a term. */
  protected atTermStart(): boolean {
    const t = this.peek();
    switch (t.kind) {
      case 'int':
        return true;
      case 'punct':
        return t.text === '$' || t.text === '^' || t.text === '(' || t.text === '-';
      case 'ident':
        return (
          !this.keywords.has(t.text) || (this.syntax === 'ddp' && (t.text === 'case' || t.text === 'fold'))
        );
      default:
        return false;
    }
  }

  /** TERM: one scalar term. Returns an `error` node (already reported) when it cannot. */
  parseTerm(): TermAst {
    const start = this.peek().span.start;
    let left = this.parseCompare();
    while (!this.panicking && this.atPunct('&&')) {
      this.next();
      const right = this.parseCompare();
      left = { kind: 'binary', op: '&&', left, right, span: this.spanFrom(start) };
    }
    return left;
  }

  private compareAhead(): BinaryOp | null {
    const t = this.peek();
    return t.kind === 'punct' && COMPARE.has(t.text) ? (t.text as BinaryOp) : null;
  }

  private parseCompare(): TermAst {
    const start = this.peek().span.start;
    let left = this.parseAdd();
    let first = true;
    for (let op = this.compareAhead(); op !== null && !this.panicking; op = this.compareAhead()) {
      const opTok = this.next();
      if (!first) {
        this.report(
          'chained-comparison',
          `comparisons cannot be chained: put parentheses around one side of \`${opTok.text}\``,
          opTok.span,
        );
      }
      first = false;
      const right = this.parseAdd();
      left = { kind: 'binary', op, left, right, span: this.spanFrom(start) };
    }
    return left;
  }

  private parseAdd(): TermAst {
    const start = this.peek().span.start;
    let left = this.parseMul();
    while (!this.panicking && (this.atPunct('+') || this.atPunct('-'))) {
      const op = this.next().text as BinaryOp;
      const right = this.parseMul();
      left = { kind: 'binary', op, left, right, span: this.spanFrom(start) };
    }
    return left;
  }

  private parseMul(): TermAst {
    const start = this.peek().span.start;
    let left = this.parseUnary();
    while (!this.panicking && this.atPunct('*')) {
      this.next();
      const right = this.parseUnary();
      left = { kind: 'binary', op: '*', left, right, span: this.spanFrom(start) };
    }
    return left;
  }

  private parseUnary(): TermAst {
    const start = this.peek().span.start;
    if (this.eatPunct('-')) {
      const operand = this.parseUnary();
      return { kind: 'neg', operand, span: this.spanFrom(start) };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): TermAst {
    const start = this.peek().span.start;
    let target = this.parsePrimary();
    while (!this.panicking && this.atPunct('[')) {
      this.next();
      const index = this.parseCount('an integer index, as in `$0[1]`');
      if (index === null) return this.errorFrom(start);
      if (!this.expectPunct(']', '`]` to close the index')) return this.errorFrom(start);
      target = { kind: 'index', target, index: index.value, span: this.spanFrom(start) };
    }
    return target;
  }

  private errorFrom(start: number): TermAst {
    return { kind: 'error', span: this.spanFrom(start) };
  }

  private parsePrimary(): TermAst {
    const t = this.peek();
    const start = t.span.start;
    if (t.kind === 'int') {
      this.next();
      return { kind: 'int', value: t.value, span: t.span };
    }
    if (t.kind === 'punct') {
      if (t.text === '$' || t.text === '^') return this.parseSlot(t.text);
      if (t.text === '(') {
        this.next();
        const inner = this.parseTerm();
        if (!this.expectPunct(')', '`)` to close the parenthesis')) return this.errorFrom(start);
        return inner;
      }
    }
    if (t.kind === 'ident') {
      if (this.syntax === 'ddp' && t.text === 'case') return this.parseMatch();
      const callable = this.syntax === 'ddp' && t.text === 'fold';
      if (this.keywords.has(t.text) && !callable) {
        this.failExpected(EXPECTED_TERM);
        return { kind: 'error', span: t.span };
      }
      this.next();
      const callee: Ident = { name: t.text, span: t.span };
      if (!this.atPunct('(')) {
        if (callable) {
          this.failExpected('`(` after `fold`, as in `fold(list, init, step)`');
          return this.errorFrom(start);
        }
        return { kind: 'name', name: callee, span: t.span };
      }
      const args = this.parseArgs();
      if (args === null) return this.errorFrom(start);
      return { kind: 'call', callee, args, span: this.spanFrom(start) };
    }
    this.failExpected(EXPECTED_TERM);
    return { kind: 'error', span: t.span };
  }

  // `$n` or `^k`; the number may follow after whitespace, as in the reference.
  private parseSlot(sigil: '$' | '^'): TermAst {
    const sigilTok = this.next();
    const num = this.peek();
    if (num.kind !== 'int') {
      if (this.afterLexError()) {
        this.panic();
        return { kind: 'error', span: sigilTok.span };
      }
      const message =
        sigil === '$'
          ? '`$` must be followed by a field number, as in `$0` (key) or `$1` (value)'
          : '`^` must be followed by a binder number, as in `^0`';
      this.fail(sigil === '$' ? 'dollar-without-number' : 'caret-without-number', message, sigilTok.span);
      return { kind: 'error', span: sigilTok.span };
    }
    this.next();
    const span = this.spanFrom(sigilTok.span.start);
    const value = Number(num.value);
    return sigil === '$' ? { kind: 'dollar', index: value, span } : { kind: 'binder', depth: value, span };
  }

  /** ARGS after a callee: `( TERM, … )`; null when broken (already reported). */
  protected parseArgs(): TermAst[] | null {
    this.next(); // `(`
    const args: TermAst[] = [];
    if (this.eatPunct(')')) return args;
    for (;;) {
      args.push(this.parseTerm());
      if (this.panicking) return null;
      if (this.eatPunct(',')) continue;
      if (this.expectPunct(')', '`,` or `)` in the argument list')) return args;
      return null;
    }
  }

  // `case SCRUT { Ctor(a, b) => arm, …, _ => default }`
  private parseMatch(): TermAst {
    const start = this.next().span.start;
    const scrutinee = this.parseTerm();
    if (this.panicking) return this.errorFrom(start);
    if (!this.expectPunct('{', '`{` to start the arms of `case`')) return this.errorFrom(start);
    const arms: MatchArm[] = [];
    while (!this.atPunct('}')) {
      const arm = this.parseArm();
      if (arm === null) return this.errorFrom(start);
      arms.push(arm);
      if (this.eatPunct(',') || this.atPunct('}') || this.atName() || this.atWord('_')) continue;
      this.failExpected('`,` or `}` after a `case` arm');
      return this.errorFrom(start);
    }
    this.next(); // `}`
    return { kind: 'match', scrutinee, arms, span: this.spanFrom(start) };
  }

  private parseArm(): MatchArm | null {
    const start = this.peek().span.start;
    let ctor: Ident | null = null;
    const binds: Ident[] = [];
    if (this.atWord('_')) {
      this.next();
    } else {
      if (!this.atName()) {
        this.failExpected('a pattern such as `Ctor(a, b)` or `_`');
        return null;
      }
      ctor = this.parseName('a constructor name');
      if (ctor === null) return null;
      if (this.eatPunct('(') && !this.eatPunct(')')) {
        for (;;) {
          const b = this.parseName('a name to bind a payload field');
          if (b === null) return null;
          binds.push(b);
          if (this.eatPunct(',')) continue;
          if (!this.expectPunct(')', '`,` or `)` in the pattern')) return null;
          break;
        }
      }
    }
    if (!this.expectPunct('=>', '`=>` after the pattern')) return null;
    const body = this.parseTerm();
    if (this.panicking) return null;
    return { ctor, binds, body, span: this.spanFrom(start) };
  }

  /** PROJ: `(K… ; V…)`, or `(K…)` with `val` null; null when broken (already reported). */
  protected parseProjection(): Projection | null {
    const start = this.peek().span.start;
    if (!this.expectPunct('(', '`(` to start a projection such as `($0 ; $1)`')) return null;
    const key = this.parseFields(';');
    if (key === null) return null;
    let val: ProjField[] | null = null;
    if (this.eatPunct(';')) {
      val = this.parseFields(null);
      if (val === null) return null;
      if (!this.expectPunct(')', '`,` or `)` in the projection')) return null;
    } else if (!this.expectPunct(')', '`,`, `;` or `)` in the projection')) {
      return null;
    }
    return { key, val, span: this.spanFrom(start) };
  }

  // Comma-separated fields up to (not consuming) `)` or `stop`.
  private parseFields(stop: ';' | null): ProjField[] | null {
    const fields: ProjField[] = [];
    if (this.atPunct(')') || (stop !== null && this.atPunct(stop))) return fields;
    if (!this.atTermStart()) {
      this.failExpected(
        stop === null ? '`)` to close the projection' : 'a field, `;` or `)` in the projection',
      );
      return null;
    }
    for (;;) {
      fields.push(this.parseField());
      if (this.panicking) return null;
      if (!this.eatPunct(',')) return fields;
    }
  }

  private parseField(): ProjField {
    const after = this.peek(2);
    const ends = after.kind === 'punct' && (after.text === ',' || after.text === ';' || after.text === ')');
    const num = this.peek(1);
    if (this.atPunct('$') && num.kind === 'int' && ends) {
      const start = this.next().span.start;
      this.next();
      return { kind: 'splice', index: Number(num.value), span: this.spanFrom(start) };
    }
    const term = this.parseTerm();
    return { kind: 'term', term, span: term.span };
  }
}
