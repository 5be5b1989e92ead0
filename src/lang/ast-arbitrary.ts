/**
 * fast-check arbitraries for syntactically valid DDIR syntax trees (test support).
 *
 * `arbProgram(syntax)` generates programs in the canonical shape the parser produces
 * for that syntax — names avoid the syntax's keywords, `.ddp` concatenations have at
 * least two parts and a non-negated first part, `.ddir` never negates a part, pattern
 * matches appear only in `.ddp`, positional `case(…)` calls only in `.ddir`, integer
 * literals are non-negative — so that print → parse gives back the same tree. Every span
 * is the dummy `{ start: 0, end: 0 }`; compare trees with `withoutSpans`.
 * Trees are syntactically valid only: names need not resolve and arities need not
 * match (that is the checker's business).
 */
import fc from 'fast-check';
import type {
  BinaryOp,
  Expr,
  Ident,
  MatchArm,
  Operator,
  ProgramAst,
  ProjField,
  Projection,
  ReducerKind,
  Stmt,
  Syntax,
  TermAst,
} from './ast.js';
import { MAX_INT_LITERAL } from './lexer.js';
import { KEYWORDS } from './keywords.js';
import type { Span } from './source.js';

const NOWHERE: Span = { start: 0, end: 0 };

const BINARY_OPS: readonly BinaryOp[] = ['&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*'];
const REDUCERS: readonly ReducerKind[] = ['min', 'distinct', 'count', 'collect'];

/** A word that is not reserved in `syntax` (biased towards short familiar names). */
export function arbName(syntax: Syntax): fc.Arbitrary<string> {
  const familiar = fc.constantFrom(
    'edges',
    'roots',
    'reach',
    'x',
    'y',
    'tuple',
    'list',
    'key',
    'MAP',
    'Node',
    's',
  );
  const random = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/);
  return fc.oneof(familiar, random).filter((n) => !KEYWORDS[syntax].has(n));
}

function arbIdent(syntax: Syntax): fc.Arbitrary<Ident> {
  return arbName(syntax).map((name) => ({ name, span: NOWHERE }));
}

/** Text allowed inside a `"…"` string: anything but `"` and line breaks. */
export const arbStringText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('result', 'edges', 'random:nodes=10,edges=20', 'iota:5', 'clock', ''),
  fc.string({ maxLength: 12 }).filter((s) => !/["\n\r]/.test(s)),
);

const arbSmall = fc.nat({ max: 12 });

/** Scalar terms of `syntax`, nested at most `depth` levels. */
export function arbTerm(syntax: Syntax, depth = 3): fc.Arbitrary<TermAst> {
  const leaf: fc.Arbitrary<TermAst> = fc.oneof(
    fc.bigInt(0n, MAX_INT_LITERAL).map((value): TermAst => ({ kind: 'int', value, span: NOWHERE })),
    fc.nat({ max: 3 }).map((value): TermAst => ({ kind: 'int', value: BigInt(value), span: NOWHERE })),
    fc.nat({ max: 4 }).map((index): TermAst => ({ kind: 'dollar', index, span: NOWHERE })),
    fc.nat({ max: 4 }).map((depth): TermAst => ({ kind: 'binder', depth, span: NOWHERE })),
    arbIdent(syntax).map((name): TermAst => ({ kind: 'name', name, span: NOWHERE })),
  );
  if (depth <= 0) return leaf;
  const sub = arbTerm(syntax, depth - 1);
  const callee = fc.oneof(
    arbIdent(syntax),
    fc.constant<Ident>({ name: syntax === 'ddp' ? 'fold' : 'case', span: NOWHERE }),
  );
  const composite: fc.Arbitrary<TermAst>[] = [
    fc
      .record({ op: fc.constantFrom(...BINARY_OPS), left: sub, right: sub })
      .map(({ op, left, right }): TermAst => ({ kind: 'binary', op, left, right, span: NOWHERE })),
    sub.map((operand): TermAst => ({ kind: 'neg', operand, span: NOWHERE })),
    fc
      .record({ target: sub, index: arbSmall })
      .map(({ target, index }): TermAst => ({ kind: 'index', target, index, span: NOWHERE })),
    fc
      .record({ callee, args: fc.array(sub, { maxLength: 3 }) })
      .map(({ callee: c, args }): TermAst => ({ kind: 'call', callee: c, args, span: NOWHERE })),
  ];
  if (syntax === 'ddp') composite.push(arbMatch(sub));
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    ...composite.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}

function arbMatch(sub: fc.Arbitrary<TermAst>): fc.Arbitrary<TermAst> {
  const ctorName = arbName('ddp').filter((n) => n !== '_');
  const arm: fc.Arbitrary<MatchArm> = fc
    .record({
      ctor: fc.option(
        ctorName.map((name): Ident => ({ name, span: NOWHERE })),
        { freq: 4 },
      ),
      binds: fc.array(arbIdent('ddp'), { maxLength: 3 }),
      body: sub,
    })
    .map(({ ctor, binds, body }) => ({ ctor, binds: ctor === null ? [] : binds, body, span: NOWHERE }));
  return fc
    .record({ scrutinee: sub, arms: fc.array(arm, { maxLength: 3 }) })
    .map(({ scrutinee, arms }): TermAst => ({ kind: 'match', scrutinee, arms, span: NOWHERE }));
}

/** Projections of `syntax`, with and without `;`. */
export function arbProjection(syntax: Syntax, depth = 2): fc.Arbitrary<Projection> {
  const fieldArb: fc.Arbitrary<ProjField> = fc.oneof(
    fc.nat({ max: 3 }).map((index): ProjField => ({ kind: 'splice', index, span: NOWHERE })),
    arbTerm(syntax, depth).map((term): ProjField => ({ kind: 'term', term, span: NOWHERE })),
  );
  const fields = fc.array(fieldArb, { maxLength: 3 });
  return fc
    .record({ key: fields, val: fc.option(fields, { freq: 4 }) })
    .map(({ key, val }) => ({ key, val, span: NOWHERE }));
}

function arbOperator(syntax: Syntax, expr: fc.Arbitrary<Expr>): fc.Arbitrary<Operator> {
  const term = arbTerm(syntax, 2);
  const label = fc.oneof(arbName(syntax), fc.constantFrom('count', 'MAP', 'let'), arbStringText);
  return fc.oneof(
    arbProjection(syntax).map((proj): Operator => ({ kind: 'map', proj, span: NOWHERE })),
    fc
      .record({ other: expr, proj: arbProjection(syntax) })
      .map(({ other, proj }): Operator => ({ kind: 'join', other, proj, span: NOWHERE })),
    fc.constantFrom(...REDUCERS).map((reducer): Operator => ({ kind: 'reduce', reducer, span: NOWHERE })),
    fc
      .record({ kind: fc.constantFrom('filter', 'flatmap', 'enter_at' as const), term })
      .map(({ kind, term: t }): Operator => ({ kind, term: t, span: NOWHERE })),
    fc
      .constantFrom('negate', 'arrange', 'lift_iter' as const)
      .map((kind): Operator => ({ kind, span: NOWHERE })),
    label.map((l): Operator => ({ kind: 'inspect', label: l, span: NOWHERE })),
  );
}

/** Collection expressions of `syntax`, nested at most `depth` operators deep. */
export function arbExpr(syntax: Syntax, depth = 3): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    arbSmall.map((index): Expr => ({ kind: 'input', index, span: NOWHERE })),
    arbStringText.map((name): Expr => ({ kind: 'import', name, span: NOWHERE })),
    arbIdent(syntax).map((name): Expr => ({ kind: 'name', name, span: NOWHERE })),
    fc
      .record({ scope: arbIdent(syntax), field: arbIdent(syntax) })
      .map(({ scope, field }): Expr => ({ kind: 'field', scope, field, span: NOWHERE })),
  );
  if (depth <= 0) return leaf;
  const sub = arbExpr(syntax, depth - 1);
  const part = fc.record({ negated: syntax === 'ddp' ? fc.boolean() : fc.constant(false), expr: sub });
  const concat = fc
    .record({ first: sub, rest: fc.array(part, { minLength: syntax === 'ddp' ? 1 : 0, maxLength: 2 }) })
    .map(({ first, rest }): Expr => ({
      kind: 'concat',
      parts: [{ negated: false, expr: first }, ...rest],
      span: NOWHERE,
    }));
  const op = fc
    .record({ input: sub, op: arbOperator(syntax, sub) })
    .map(({ input, op: o }): Expr => ({ kind: 'op', input, op: o, span: NOWHERE }));
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 1, arbitrary: concat },
    { weight: 3, arbitrary: op },
  );
}

/** Statements of `syntax`; scopes nest at most `depth` deep. */
export function arbStmt(syntax: Syntax, depth = 2): fc.Arbitrary<Stmt> {
  const expr = arbExpr(syntax, 2);
  const choices: fc.Arbitrary<Stmt>[] = [
    fc
      .record({ kind: fc.constantFrom('let', 'var' as const), name: arbIdent(syntax), expr })
      .map(({ kind, name, expr: e }): Stmt => ({ kind, name, expr: e, span: NOWHERE })),
    fc.record({ name: arbStringText, expr }).map(({ name, expr: e }): Stmt => ({
      kind: 'export',
      name,
      nameSpan: NOWHERE,
      expr: e,
      span: NOWHERE,
    })),
  ];
  if (syntax === 'ddp') {
    choices.push(
      fc
        .record({ name: arbIdent('ddp'), arity: fc.nat({ max: 4 }), tag: fc.nat({ max: 2 ** 32 - 1 }) })
        .map(({ name, arity, tag }): Stmt => ({ kind: 'con', name, arity, tag, span: NOWHERE })),
    );
  }
  if (depth > 0) {
    choices.push(
      fc
        .record({ name: arbIdent(syntax), body: fc.array(arbStmt(syntax, depth - 1), { maxLength: 3 }) })
        .map(({ name, body }): Stmt => ({ kind: 'scope', name, body, span: NOWHERE })),
    );
  }
  return fc.oneof(...choices);
}

/** Whole programs of `syntax`. */
export function arbProgram(syntax: Syntax): fc.Arbitrary<ProgramAst> {
  return fc
    .array(arbStmt(syntax), { maxLength: 5 })
    .map((stmts): ProgramAst => ({ syntax, stmts, span: NOWHERE }));
}

/** A deep copy of a syntax tree with every `span` and `nameSpan` removed, for comparisons. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k !== 'span' && k !== 'nameSpan') out[k] = withoutSpans(v);
    }
    return out;
  }
  return value;
}
