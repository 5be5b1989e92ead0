import { describe, it, expect } from 'vitest';
import { checkProgram, exprInspects } from './check.js';
import { parse } from './parse.js';
import { resolveName, visibleCollections } from './scopes.js';
import { LineIndex } from './source.js';

function check(src: string) {
  const { ast, diagnostics } = parse(src, 'ddp');
  expect(diagnostics).toEqual([]);
  return { ast, ...checkProgram(ast, new LineIndex(src)) };
}

const codes = (src: string): string[] => check(src).diagnostics.map((d) => d.code);

describe('checkProgram', () => {
  it('numbers scopes root first, then children in source pre-order', () => {
    const { tree } = check('a: { b: { let x = input 0; } }\nc: { let y = input 0; }');
    expect(tree.scopes.map((s) => [s.id, s.name, s.depth, s.parent?.id ?? null])).toEqual([
      [0, '', 0, null],
      [1, 'a', 1, 0],
      [2, 'b', 2, 1],
      [3, 'c', 1, 0],
    ]);
  });

  it('resolves names innermost first and lists the visible collections without repeats', () => {
    const { tree } = check(
      'let x = input 0;\nlet y = input 1;\ns: { let x = y;\n var v = x + v; }\nexport "o" = s::v;',
    );
    const s = tree.scopes[1];
    if (s === undefined) throw new Error('no scope');
    expect(resolveName(s, 'x')?.owner).toBe(s);
    expect(resolveName(s, 'y')?.owner).toBe(tree.root);
    expect(resolveName(s, 'nope')).toBeNull();
    expect(visibleCollections(s)).toEqual(['x', 'v', 'y']);
  });

  it('collects constructors and the root exports', () => {
    const { tree } = check(
      'con Leaf(0) = 0;\ncon Node(2) = 1;\nlet a = input 0;\nexport "p" = a;\nexport "q" = a;',
    );
    expect([...tree.cons.values()].map((c) => [c.name, c.arity, c.tag])).toEqual([
      ['Leaf', 0, 0],
      ['Node', 2, 1],
    ]);
    expect(tree.exports.map((e) => e.name)).toEqual(['p', 'q']);
  });

  it('reports independent errors together', () => {
    expect(codes('let a = b;\ns: { let c = input 0; }\nexport "x" = s;\nexport "x" = a;')).toEqual([
      'unknown-name',
      'input-outside-root',
      'scope-as-collection',
      'duplicate-export',
    ]);
  });

  it('accepts recursion through a var in any statement order', () => {
    expect(
      codes('export "x" = s::v;\ns: { var v = e + w;\n let w = v | negate; }\nlet e = input 0;'),
    ).toEqual([]);
  });

  it('rejects a cycle that goes through a child scope', () => {
    expect(codes('let a = s::b;\ns: { let b = a | negate; }\nexport "x" = a;')).toEqual(['let-cycle']);
  });

  it('does not count a cycle among child-scope lets that read an outer var', () => {
    expect(
      codes(
        'let e = input 0;\nouter: {\n var v = inner::w + e;\n inner: { let w = v | negate; }\n}\nexport "x" = outer::v;',
      ),
    ).toEqual([]);
  });

  it('warns about unused lets and unread scopes only when there is no error', () => {
    expect(codes('let a = input 0;\nlet b = a;\ns: { let c = a; }\nexport "x" = a;')).toEqual([
      'unused-let',
      'unused-scope',
      'unused-let',
    ]);
    expect(codes('let a = input 0;\nlet b = a;\nexport "x" = missing;')).toEqual(['unknown-name']);
  });

  it('does not warn about a scope that inspects something', () => {
    expect(codes('let a = input 0;\ns: { let c = a | inspect(c); }\nexport "x" = a;')).toEqual([]);
  });
});

describe('exprInspects', () => {
  it('finds an inspect anywhere in an expression, including join partners', () => {
    const { ast } = parse(
      'let a = input 0 | join(input 1 | inspect(x), ($0 ;)) + input 2;\nlet b = input 0 | negate;',
      'ddp',
    );
    const [a, b] = ast.stmts;
    if (a?.kind !== 'let' || b?.kind !== 'let') throw new Error('no lets');
    expect(exprInspects(a.expr)).toBe(true);
    expect(exprInspects(b.expr)).toBe(false);
  });
});

describe('unknown-name messages', () => {
  it('list at most twelve names in scope', () => {
    const lets = Array.from({ length: 15 }, (_, i) => `let n${i} = input 0;`).join('\n');
    const { diagnostics } = check(`${lets}\nexport "x" = zzz;`);
    expect(diagnostics.find((d) => d.code === 'unknown-name')?.message).toBe(
      'unknown name `zzz`; in scope: n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, … (3 more)',
    );
  });
});
