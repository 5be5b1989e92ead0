import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compile } from './compile.js';
import type { ProgramIr } from './ir.js';
import { irProblems } from './ir-util.js';
import { optimize } from './optimize.js';
import { describe as describeItem, letName } from './plan-common.js';

// The lowered and optimized forms of a source that must compile cleanly.
function both(src: string): { before: ProgramIr; after: ProgramIr } {
  const r = compile(src, 't.ddp');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (r.ir === null || r.optimized === null) throw new Error('no IR');
  expect(irProblems(r.optimized)).toEqual([]);
  return { before: r.ir, after: r.optimized };
}

function items(ir: ProgramIr, sid = 0): string[] {
  const scope = ir.scopes[sid];
  if (scope === undefined) throw new Error(`no scope ${sid}`);
  return scope.items.map((it) => {
    const name = letName(it);
    return `[${it.id}] ${describeItem(ir, scope, it)}${name === undefined ? '' : ` (${name})`}`;
  });
}

const count = (ir: ProgramIr, sid = 0): number => ir.scopes[sid]?.items.length ?? 0;

describe('optimize: collapsing arrangements', () => {
  it('drops an arrange of something already arranged', () => {
    const { before, after } = both('let m = input 0 | min | arrange | arrange;\nexport "x" = m;');
    expect(count(before)).toBe(5);
    expect(items(after)).toEqual(['[0] input 0', '[1] arrange [0]', '[2] min [1] (m)']);
    expect(after.exports).toMatchObject([{ name: 'x', item: 2 }]);
  });
});

describe('optimize: fusing linear chains', () => {
  it('fuses a chain of linear operators into one, keeping their order', () => {
    const { before, after } = both(
      'export "x" = input 0 | key($0 ; $1) | filter($0[0] > 1) | negate | flatmap($1);',
    );
    expect(count(before)).toBe(6);
    expect(items(after)).toEqual([
      '[0] input 0',
      '[1] map [0]: key | filter | negate | flatmap',
      '[2] arrange [1]',
    ]);
  });

  it('fuses across a let name read once, and the name goes away', () => {
    const { after } = both('let a = input 0 | key($0 ;);\nlet b = a | filter($0[0] > 1);\nexport "x" = b;');
    expect(items(after)).toEqual(['[0] input 0', '[1] map [0]: key | filter (b)', '[2] arrange [1]']);
    expect([...(after.scopes[0]?.names.keys() ?? [])]).toEqual(['b']);
  });

  it('keeps an intermediate that has two readers', () => {
    const { after } = both(
      'let a = input 0 | key($0 ;);\nexport "x" = a | negate;\nexport "y" = a | filter($0[0] > 1);',
    );
    expect(items(after).filter((l) => l.includes('map'))).toEqual([
      '[1] map [0]: key (a)',
      '[2] map [1]: negate',
      '[4] map [1]: filter',
    ]);
  });

  it('keeps an intermediate that is exported, fed back or read by a child scope', () => {
    const exported = both('let a = input 0 | negate;\nexport "a" = a;\nexport "b" = a | negate;').after;
    expect(items(exported).filter((l) => l.includes('map'))).toHaveLength(2);
    const entered = both('let a = input 0 | negate;\ns: { let t = a; }\nexport "b" = a | negate;').after;
    expect(items(entered).filter((l) => l.includes('map'))).toHaveLength(2);
    const fed = both(
      'let a = input 0;\ns: { let t = v | negate;\n var v = t;\n let u = t | negate; }\nexport "b" = s::u;',
    ).after;
    expect(items(fed, 1).filter((l) => l.includes('map'))).toEqual([
      '[1] map [0]: negate (t)',
      '[2] map [1]: negate (u)',
    ]);
  });

  it('keeps enter_at before lift_iter in a fused chain', () => {
    const { after } = both(
      'let a = input 0;\ns: { let t = a | enter_at($0[0]) | lift_iter | key($0 ; $1); }\nexport "x" = s::t;',
    );
    expect(items(after, 1)).toEqual(['[0] enter root[0] (a)', '[1] map [0]: enter_at | lift_iter | key (t)']);
  });

  it('never fuses through a leave into the parent', () => {
    const { after } = both('let a = input 0;\ns: { let t = a | negate; }\nexport "x" = s::t | negate;');
    expect(items(after)).toContain('[3] map [2]: negate');
  });
});

describe('optimize: sharing identical items', () => {
  it('arranges a collection read by two joins once', () => {
    const src =
      'let e = input 0 | key($0[0] ; $0[1]);\nlet a = input 1 | join(e, ($2 ;));\nlet b = input 2 | join(e, ($1 ;));\nexport "x" = a + b;';
    const { before, after } = both(src);
    const arranges = (ir: ProgramIr) => items(ir).filter((l) => l.includes('arrange [1]'));
    expect(arranges(before)).toHaveLength(2);
    expect(arranges(after)).toHaveLength(1);
  });

  it('shares structurally identical operators written in different places', () => {
    const { after } = both(
      'let a = input 0 | key($0[0] ;) | distinct;\nlet b = input 0 | key($0[0] ;) | distinct;\nexport "x" = a + b;',
    );
    expect(items(after)).toEqual([
      '[0] input 0',
      '[1] map [0]: key',
      '[2] arrange [1]',
      '[3] distinct [2] (a)',
      '[4] concat [3] [3]',
      '[5] arrange [4]',
    ]);
  });

  it('shares identical inspects but keeps differently labelled ones', () => {
    const { after } = both(
      'let a = input 0;\nlet w1 = a | inspect(seen);\nlet w2 = a | inspect(seen);\nlet w3 = a | inspect(other);\nexport "x" = a;',
    );
    expect(items(after).filter((l) => l.includes('inspect'))).toEqual([
      '[1] inspect "seen" [0] (w1)',
      '[2] inspect "other" [0] (w3)',
    ]);
  });

  it('does not merge terms that differ only in constants', () => {
    const { after } = both(
      'let a = input 0 | filter($0[0] > 1);\nlet b = input 0 | filter($0[0] > 2);\nexport "x" = a + b;',
    );
    expect(items(after).filter((l) => l.includes('filter'))).toHaveLength(2);
  });
});

describe('optimize: dead items and renumbering', () => {
  it('drops the entered value that only an arrangement replaced', () => {
    const { before, after } = both('let e = input 0;\ns: { let t = e | distinct; }\nexport "x" = s::t;');
    expect(items(before, 1)).toEqual(['[0] enter root[0] (e)', '[1] enter root[1]', '[2] distinct [1] (t)']);
    expect(items(after, 1)).toEqual(['[0] enter root[1]', '[1] distinct [0] (t)']);
  });

  it('keeps unused lets and their inputs (a failing term there still fails the program)', () => {
    const { after } = both('let a = input 0;\nlet unused = a | key($0[9] ;);\nexport "x" = a;');
    expect(items(after)).toContain('[1] map [0]: key (unused)');
  });

  it('returns a fixed point: optimizing again changes nothing', () => {
    const { after } = both(
      'let e = input 0 | key($0[0] ; $0[1]);\ns: { let n = v | join(e, ($2 ;)) | negate;\n var v = n + e | distinct; }\nexport "x" = s::v;',
    );
    const again = optimize(after);
    for (const sid of [0, 1]) expect(items(again, sid)).toEqual(items(after, sid));
  });

  it('keeps every IR invariant and never grows a program', () => {
    // Random small programs over a few names, operators and one nested scope.
    const atom = fc.constantFrom('a', 'b', 'input 0', 'input 1');
    const op = fc.constantFrom(
      'key($0 ; $1)',
      'filter($0[0] > 1)',
      'negate',
      'distinct',
      'min',
      'arrange',
      'inspect(w)',
      'join(a, ($0 ; $2))',
      'lift_iter',
      'enter_at($0[0])',
    );
    const expr = fc.tuple(atom, fc.array(op, { maxLength: 4 }), fc.option(atom)).map(([a, ops, plus]) => {
      const base = plus === null ? a : `${a} + ${plus}`;
      return [base, ...ops].join(' | ');
    });
    fc.assert(
      fc.property(expr, expr, expr, (e1, e2, e3) => {
        const inner = (e: string) => e.replace(/input \d/g, 'a');
        const src = `let a = ${e1};\nlet b = ${e2.replace(/\bb\b/g, 'a')};\ns: { let t = ${inner(e3)} + v;\n var v = t | distinct; }\nexport "x" = s::t + b;`;
        const r = compile(src, 't.ddp');
        if (r.ir === null || r.optimized === null) return; // a random cycle or other error
        expect(irProblems(r.optimized)).toEqual([]);
        for (const sid of [0, 1]) expect(count(r.optimized, sid)).toBeLessThanOrEqual(count(r.ir, sid));
      }),
      { numRuns: 150 },
    );
  });
});
