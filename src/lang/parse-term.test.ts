import { describe, it, expect } from 'vitest';
import type { Syntax, TermAst } from './ast.js';
import { withoutSpans } from './ast-arbitrary.js';
import { parse } from './parse.js';
import { printTerm } from './print.js';

// Parses `T` as the term of a filter and returns it (spans kept).
function termOf(text: string, syntax: Syntax = 'ddp'): TermAst {
  const src = syntax === 'ddp' ? `let a = x | filter(${text});` : `let a = FILTER(x, ${text});`;
  const { ast, diagnostics } = parse(src, syntax);
  expect(diagnostics).toEqual([]);
  const stmt = ast.stmts[0];
  if (stmt?.kind !== 'let' || stmt.expr.kind !== 'op' || stmt.expr.op.kind !== 'filter') {
    throw new Error(`not a filter: ${src}`);
  }
  return stmt.expr.op.term;
}

// The term fully parenthesized, to show how it grouped.
function grouped(t: TermAst): string {
  switch (t.kind) {
    case 'binary':
      return `(${grouped(t.left)} ${t.op} ${grouped(t.right)})`;
    case 'neg':
      return `(-${grouped(t.operand)})`;
    case 'index':
      return `${grouped(t.target)}[${t.index}]`;
    default:
      return printTerm(t);
  }
}

describe('term precedence', () => {
  it('binds `&&` loosest, then one comparison, then `+ -`, then `*`, then unary minus, then indexing', () => {
    expect(grouped(termOf('1 + 2 * -$0[1][2] == 3 && 4 < 5'))).toBe(
      '(((1 + (2 * (-$0[1][2]))) == 3) && (4 < 5))',
    );
  });

  it('associates `+`, `-`, `*` and `&&` to the left', () => {
    expect(grouped(termOf('1 - 2 - 3'))).toBe('((1 - 2) - 3)');
    expect(grouped(termOf('1 * 2 * 3'))).toBe('((1 * 2) * 3)');
    expect(grouped(termOf('1 && 2 && 3'))).toBe('((1 && 2) && 3)');
  });

  it('reads `-` before a literal as unary minus', () => {
    expect(withoutSpans(termOf('-5'))).toEqual({ kind: 'neg', operand: { kind: 'int', value: 5n } });
  });

  it('indexes any primary, including a parenthesized term', () => {
    expect(grouped(termOf('(tuple(1, 2))[1]'))).toBe('tuple(1, 2)[1]');
  });
});

describe('term primaries', () => {
  it('reads `$n`, `^k`, names and calls', () => {
    expect(withoutSpans(termOf('f($1, ^2, y)'))).toEqual({
      kind: 'call',
      callee: { name: 'f' },
      args: [
        { kind: 'dollar', index: 1 },
        { kind: 'binder', depth: 2 },
        { kind: 'name', name: { name: 'y' } },
      ],
    });
  });

  it('reads `fold(…)` as a call in both syntaxes and `case(…)` as a call in `.ddir`', () => {
    expect(termOf('fold($1, 0, ^0)')).toMatchObject({ kind: 'call', callee: { name: 'fold' } });
    expect(termOf('fold($1, 0, ^0)', 'ddir')).toMatchObject({ kind: 'call', callee: { name: 'fold' } });
    expect(termOf('case($1, 0, ^0)', 'ddir')).toMatchObject({ kind: 'call', callee: { name: 'case' } });
  });

  it('reads a pattern match with constructor, nullary and default arms', () => {
    expect(withoutSpans(termOf('case $1 { Pair(a, b) => a, Nil() => 0, _ => 1, }'))).toEqual({
      kind: 'match',
      scrutinee: { kind: 'dollar', index: 1 },
      arms: [
        {
          ctor: { name: 'Pair' },
          binds: [{ name: 'a' }, { name: 'b' }],
          body: { kind: 'name', name: { name: 'a' } },
        },
        { ctor: { name: 'Nil' }, binds: [], body: { kind: 'int', value: 0n } },
        { ctor: null, binds: [], body: { kind: 'int', value: 1n } },
      ],
    });
  });

  it('accepts an arity-0 pattern without parentheses', () => {
    expect(termOf('case $1 { Nil => 0 }')).toMatchObject({ arms: [{ ctor: { name: 'Nil' }, binds: [] }] });
  });

  it('gives each term node the span of its text, parentheses inside included', () => {
    // offsets into `let a = x | filter(`, which is 19 characters long
    const t = termOf('(1 + $0)[2] * 3');
    expect(t.span).toEqual({ start: 19, end: 34 });
    expect(t.kind === 'binary' ? t.left.span : null).toEqual({ start: 19, end: 30 });
  });
});

describe('projections', () => {
  function projOf(text: string, syntax: Syntax = 'ddp'): unknown {
    const src = syntax === 'ddp' ? `let a = x | key${text};` : `let a = MAP(x, ${text});`;
    const { ast, diagnostics } = parse(src, syntax);
    expect(diagnostics).toEqual([]);
    const stmt = ast.stmts[0];
    return stmt?.kind === 'let' && stmt.expr.kind === 'op' && stmt.expr.op.kind === 'map'
      ? withoutSpans(stmt.expr.op.proj)
      : null;
  }

  it('splits key and value fields at `;`', () => {
    expect(projOf('($0[0] ; $1[1], 5)')).toEqual({
      key: [{ kind: 'term', term: { kind: 'index', target: { kind: 'dollar', index: 0 }, index: 0 } }],
      val: [
        { kind: 'term', term: { kind: 'index', target: { kind: 'dollar', index: 1 }, index: 1 } },
        { kind: 'term', term: { kind: 'int', value: 5n } },
      ],
    });
  });

  it('allows either side to be empty', () => {
    expect(projOf('(;)')).toEqual({ key: [], val: [] });
    expect(projOf('(; $1)')).toMatchObject({ key: [], val: [{ kind: 'splice', index: 1 }] });
  });

  it('reads a bare `$n` as a splice and `$n` in a larger term as a term', () => {
    expect(projOf('($0, $1 == 2 ; $2)')).toMatchObject({
      key: [
        { kind: 'splice', index: 0 },
        { kind: 'term', term: { kind: 'binary' } },
      ],
      val: [{ kind: 'splice', index: 2 }],
    });
  });

  it('reads a projection without `;` as all key, in both syntaxes', () => {
    expect(projOf('($0, $1)')).toMatchObject({ val: null });
    expect(projOf('($2)', 'ddir')).toEqual({ key: [{ kind: 'splice', index: 2 }], val: null });
  });
});
