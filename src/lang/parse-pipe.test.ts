import { describe, it, expect } from 'vitest';
import type { Expr } from './ast.js';
import { withoutSpans } from './ast-arbitrary.js';
import { parse } from './parse.js';

// The expression of `let a = …;` (spans kept).
function exprOf(text: string): Expr {
  const { ast, diagnostics } = parse(`let a = ${text};`, 'ddp');
  expect(diagnostics).toEqual([]);
  const stmt = ast.stmts[0];
  if (stmt?.kind !== 'let') throw new Error('not a let');
  return stmt.expr;
}

const name = (n: string): unknown => ({ kind: 'name', name: { name: n } });

describe('pipe syntax atoms', () => {
  it('reads inputs, imports, names and scope fields', () => {
    expect(withoutSpans(exprOf('input 3'))).toEqual({ kind: 'input', index: 3 });
    expect(withoutSpans(exprOf('import "random:nodes=5,edges=9"'))).toEqual({
      kind: 'import',
      name: 'random:nodes=5,edges=9',
    });
    expect(withoutSpans(exprOf('edges'))).toEqual(name('edges'));
    expect(withoutSpans(exprOf('reach::next'))).toEqual({
      kind: 'field',
      scope: { name: 'reach' },
      field: { name: 'next' },
    });
  });

  it('reads `a + b - c` as one concatenation with `c` negated', () => {
    expect(withoutSpans(exprOf('a + b - c'))).toEqual({
      kind: 'concat',
      parts: [
        { negated: false, expr: name('a') },
        { negated: false, expr: name('b') },
        { negated: true, expr: name('c') },
      ],
    });
  });

  it('binds `|` looser than `+`', () => {
    expect(exprOf('a + b | distinct')).toMatchObject({ kind: 'op', input: { kind: 'concat' } });
    expect(exprOf('a + (b | distinct)')).toMatchObject({
      kind: 'concat',
      parts: [{}, { expr: { kind: 'op' } }],
    });
  });
});

describe('pipe syntax operators', () => {
  it('reads every operator', () => {
    const ops = [
      'key($0 ;)',
      'map($0 ;)',
      'join(b, ($0 ;))',
      'min',
      'distinct',
      'count',
      'collect',
      'filter(1)',
      'flatmap($1)',
      'negate',
      'arrange',
      'inspect(lbl)',
      'enter_at(1)',
      'lift_iter',
    ];
    const kinds = ops.map((o) => {
      const e = exprOf(`a | ${o}`);
      return e.kind === 'op' ? (e.op.kind === 'reduce' ? e.op.reducer : e.op.kind) : e.kind;
    });
    expect(kinds).toEqual([
      'map',
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

  it('chains operators left to right', () => {
    expect(exprOf('a | distinct | count')).toMatchObject({
      op: { kind: 'reduce', reducer: 'count' },
      input: { op: { kind: 'reduce', reducer: 'distinct' }, input: { kind: 'name' } },
    });
  });

  it("reads a join's other side as an atom with its own operators", () => {
    expect(exprOf('a | join(b | key($0 ;) | distinct, ($1 ; $2)) | count')).toMatchObject({
      op: { kind: 'reduce' },
      input: { op: { kind: 'join', other: { op: { kind: 'reduce' }, input: { op: { kind: 'map' } } } } },
    });
  });

  it('accepts an inspect label as a word or a string', () => {
    expect(exprOf('a | inspect(reach)')).toMatchObject({ op: { kind: 'inspect', label: 'reach' } });
    expect(exprOf('a | inspect("two words")')).toMatchObject({ op: { kind: 'inspect', label: 'two words' } });
  });

  it("spans an operator's own text and an op expression's whole text", () => {
    // `let a = ` is 8 characters
    const e = exprOf('(x + y) | join(b, (;)) | negate');
    expect(e.span).toEqual({ start: 8, end: 39 });
    expect(e.kind === 'op' ? e.op.span : null).toEqual({ start: 33, end: 39 });
    const inner = e.kind === 'op' ? e.input : null;
    expect(inner?.span).toEqual({ start: 8, end: 30 });
    expect(inner?.kind === 'op' ? inner.op.span : null).toEqual({ start: 18, end: 30 });
  });
});
