import { describe, it, expect } from 'vitest';
import type { Expr } from './ast.js';
import { withoutSpans } from './ast-arbitrary.js';
import { parse } from './parse.js';

// The expression of `let a = …;` in `.ddir` (spans kept).
function exprOf(text: string): Expr {
  const { ast, diagnostics } = parse(`let a = ${text};`, 'ddir');
  expect(diagnostics).toEqual([]);
  const stmt = ast.stmts[0];
  if (stmt?.kind !== 'let') throw new Error('not a let');
  return stmt.expr;
}

describe('applicative syntax', () => {
  it('reads sources, names and scope fields', () => {
    expect(withoutSpans(exprOf('INPUT 2'))).toEqual({ kind: 'input', index: 2 });
    expect(withoutSpans(exprOf('IMPORT "iota:5"'))).toEqual({ kind: 'import', name: 'iota:5' });
    expect(withoutSpans(exprOf('s::x'))).toEqual({
      kind: 'field',
      scope: { name: 's' },
      field: { name: 'x' },
    });
  });

  it('reads every operator call', () => {
    const calls = [
      'MAP(a, ($0))',
      'JOIN(a, b, ($0 ;))',
      'REDUCE(a, MIN)',
      'REDUCE(a, DISTINCT)',
      'REDUCE(a, COUNT)',
      'REDUCE(a, COLLECT)',
      'FILTER(a, 1)',
      'FLATMAP(a, $1)',
      'NEGATE(a)',
      'ARRANGE(a)',
      'INSPECT(a, lbl)',
      'ENTER_AT(a, 1)',
      'LIFT_ITER(a)',
    ];
    const kinds = calls.map((c) => {
      const e = exprOf(c);
      return e.kind === 'op' ? (e.op.kind === 'reduce' ? e.op.reducer : e.op.kind) : e.kind;
    });
    expect(kinds).toEqual([
      'map',
      'join',
      'min',
      'distinct',
      'count',
      'collect',
      'filter',
      'flatmap',
      'negate',
      'arrange',
      'inspect',
      'enter_at',
      'lift_iter',
    ]);
  });

  it('keeps every part of a CONCAT, even a single one, none negated', () => {
    expect(withoutSpans(exprOf('CONCAT(a, NEGATE(b))'))).toEqual({
      kind: 'concat',
      parts: [
        { negated: false, expr: { kind: 'name', name: { name: 'a' } } },
        {
          negated: false,
          expr: { kind: 'op', input: { kind: 'name', name: { name: 'b' } }, op: { kind: 'negate' } },
        },
      ],
    });
    expect(exprOf('CONCAT(a)')).toMatchObject({ kind: 'concat', parts: [{ expr: { kind: 'name' } }] });
  });

  it('reads a join with both inputs and an all-key projection', () => {
    expect(withoutSpans(exprOf('JOIN(a, b, ($0, $2))'))).toMatchObject({
      input: { kind: 'name' },
      op: { kind: 'join', other: { kind: 'name' }, proj: { val: null } },
    });
  });

  it('treats lower-case pipe words as ordinary names', () => {
    expect(exprOf('key')).toMatchObject({ kind: 'name', name: { name: 'key' } });
  });

  it("spans the operator's name and the whole call", () => {
    // `let a = ` is 8 characters
    const e = exprOf('FILTER(a, 1)');
    expect(e.span).toEqual({ start: 8, end: 20 });
    expect(e.kind === 'op' ? e.op.span : null).toEqual({ start: 8, end: 14 });
  });

  it('accepts `NAME: scope { … }` and `NAME: { … }`', () => {
    const { ast, diagnostics } = parse('a: scope { let x = INPUT 0; } b: { }', 'ddir');
    expect(diagnostics).toEqual([]);
    expect(ast.stmts.map((s) => s.kind)).toEqual(['scope', 'scope']);
  });
});
