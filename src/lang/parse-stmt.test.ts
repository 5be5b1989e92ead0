import { describe, it, expect } from 'vitest';
import { withoutSpans } from './ast-arbitrary.js';
import { parse } from './parse.js';

describe('statements', () => {
  it('reads let, var, export, con and nested scopes', () => {
    const text = 'con Pair(2) = 7; let a = x; s: { var b = a; t: { let c = b; } } export "out" = s::b;';
    const { ast, diagnostics } = parse(text, 'ddp');
    expect(diagnostics).toEqual([]);
    expect(withoutSpans(ast.stmts)).toEqual([
      { kind: 'con', name: { name: 'Pair' }, arity: 2, tag: 7 },
      { kind: 'let', name: { name: 'a' }, expr: { kind: 'name', name: { name: 'x' } } },
      {
        kind: 'scope',
        name: { name: 's' },
        body: [
          { kind: 'var', name: { name: 'b' }, expr: { kind: 'name', name: { name: 'a' } } },
          {
            kind: 'scope',
            name: { name: 't' },
            body: [{ kind: 'let', name: { name: 'c' }, expr: { kind: 'name', name: { name: 'b' } } }],
          },
        ],
      },
      {
        kind: 'export',
        name: 'out',
        expr: { kind: 'field', scope: { name: 's' }, field: { name: 'b' } },
      },
    ]);
  });

  it('spans each statement from its first word through its `;` or `}`, and the export name with quotes', () => {
    const text = 'let a = x;\ns: {\n}\nexport "o" = a;';
    const { ast } = parse(text, 'ddp');
    expect(ast.stmts.map((s) => text.slice(s.span.start, s.span.end))).toEqual([
      'let a = x;',
      's: {\n}',
      'export "o" = a;',
    ]);
    const exp = ast.stmts[2];
    expect(exp?.kind === 'export' ? text.slice(exp.nameSpan.start, exp.nameSpan.end) : null).toBe('"o"');
    expect(ast.span).toEqual({ start: 0, end: text.length });
  });

  it('keeps a statement whose expression is broken, with an error expression', () => {
    const { ast, diagnostics } = parse('let a = input | distinct; let b = a;', 'ddp');
    expect(diagnostics).toHaveLength(1);
    expect(ast.stmts.map((s) => (s.kind === 'let' ? [s.name.name, s.expr.kind] : s.kind))).toEqual([
      ['a', 'error'],
      ['b', 'name'],
    ]);
  });

  it('keeps the scope a broken statement sits in', () => {
    const { ast, diagnostics } = parse('s: { let a = ; var b = x; }\nlet c = s::b;', 'ddp');
    expect(diagnostics).toHaveLength(1);
    expect(withoutSpans(ast.stmts.map((s) => s.kind))).toEqual(['scope', 'let']);
    const scope = ast.stmts[0];
    expect(scope?.kind === 'scope' ? scope.body.map((s) => s.kind) : null).toEqual(['let', 'var']);
  });

  it('reports a missing `;` without losing the next statement', () => {
    const { ast, diagnostics } = parse('let a = x\nlet b = y;', 'ddp');
    expect(diagnostics).toMatchObject([{ code: 'missing-semicolon', span: { start: 9, end: 9 } }]);
    expect(ast.stmts).toHaveLength(2);
  });

  it('rejects a stray `}` at the top level and goes on', () => {
    const { ast, diagnostics } = parse('} let a = x;', 'ddp');
    expect(diagnostics).toMatchObject([{ code: 'stray-brace', span: { start: 0, end: 1 } }]);
    expect(ast.stmts).toHaveLength(1);
  });

  it('rejects `con` in the applicative syntax and goes on', () => {
    const { ast, diagnostics } = parse('con A(1) = 0; let a = INPUT 0;', 'ddir');
    expect(diagnostics.map((d) => d.code)).toEqual(['con-in-ddir']);
    expect(ast.stmts.map((s) => s.kind)).toEqual(['let']);
  });

  it('allows a scope named like a pipe keyword in the applicative syntax', () => {
    expect(parse('con: { } key: { }', 'ddir').diagnostics).toEqual([]);
  });
});
