import { describe, it, expect } from 'vitest';
import { compile } from './compile.js';
import type { ProgramIr } from './ir.js';
import { irProblems } from './ir-util.js';
import { describe as describeItem, letName } from './plan-common.js';

// The lowered (unoptimized) program of a source that must compile cleanly.
function lowered(src: string, file = 't.ddp'): ProgramIr {
  const r = compile(src, file);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (r.ir === null) throw new Error('no IR');
  expect(irProblems(r.ir)).toEqual([]);
  return r.ir;
}

// One line per item of scope `sid`: `[id] description (name)`.
function items(ir: ProgramIr, sid = 0): string[] {
  const scope = ir.scopes[sid];
  if (scope === undefined) throw new Error(`no scope ${sid}`);
  return scope.items.map(
    (it) =>
      `[${it.id}] ${describeItem(ir, scope, it)}${letName(it) === undefined ? '' : ` (${letName(it)})`}`,
  );
}

const REACH = `
let edges = input 0 | key($0[0] ; $0[1]);
let roots = input 1 | key($0[0] ;);
reach: {
    let frontier = known | join(edges, ($2 ;));
    var known = roots + frontier | distinct;
}
export "reachable" = reach::known;
`;

describe('lowerProgram', () => {
  it('lowers reachability into a root and one iterating child scope', () => {
    const ir = lowered(REACH);
    expect(items(ir, 0)).toEqual([
      '[0] input 0',
      '[1] map [0]: key (edges)',
      '[2] input 1',
      '[3] map [2]: key (roots)',
      '[4] arrange [1]',
      '[5] scope reach (reach)',
      '[6] leave reach[0]',
      '[7] arrange [6]',
    ]);
    expect(items(ir, 1)).toEqual([
      '[0] variable known ← [8] (known)',
      '[1] arrange [0]',
      '[2] enter root[1] (edges)',
      '[3] enter root[4]',
      '[4] join [1] [3] (frontier)',
      '[5] enter root[3] (roots)',
      '[6] concat [5] [4]',
      '[7] arrange [6]',
      '[8] distinct [7]',
    ]);
    expect(ir.scopes[1]?.vars).toMatchObject([{ name: 'known', item: 0, next: 8 }]);
    expect(ir.exports).toMatchObject([{ name: 'reachable', item: 7 }]);
    expect(ir.inputs).toEqual([0, 1]);
  });

  it('gives both syntaxes the same program', () => {
    const ddir = `
let edges = MAP(INPUT 0, ($0[0] ; $0[1]));
let roots = MAP(INPUT 1, ($0[0] ;));
reach: {
    let frontier = JOIN(known, edges, ($2 ;));
    var known = REDUCE(CONCAT(roots, frontier), DISTINCT);
}
export "reachable" = reach::known;
`;
    const a = lowered(REACH);
    const b = lowered(ddir, 't.ddir');
    expect(items(b, 0)).toEqual(items(a, 0));
    expect(items(b, 1)).toEqual(items(a, 1));
  });

  it('brings an outer name into a nested scope through every scope between', () => {
    const ir = lowered(`
let base = input 0;
outer: {
    inner: {
        let a = base | negate;
        let b = base | distinct;
    }
    let c = inner::a + inner::b;
}
export "x" = outer::c;
`);
    expect(items(ir, 0)).toEqual([
      '[0] input 0 (base)',
      '[1] arrange [0]',
      '[2] scope outer (outer)',
      '[3] leave outer[5]',
      '[4] arrange [3]',
    ]);
    expect(items(ir, 1)).toEqual([
      '[0] enter root[0] (base)',
      '[1] enter root[1]',
      '[2] scope inner (inner)',
      '[3] leave inner[1]',
      '[4] leave inner[3]',
      '[5] concat [3] [4] (c)',
    ]);
    // one enter per outer item; the arrangement `distinct` needs is built at the root
    // and entered through every scope
    expect(items(ir, 2)).toEqual([
      '[0] enter outer[0] (base)',
      '[1] map [0]: negate (a)',
      '[2] enter outer[1]',
      '[3] distinct [2] (b)',
    ]);
  });

  it('reads each input and import once and lists them', () => {
    const ir = lowered(`
let b = import "second" + input 2;
let a = import "first" + input 0 + input 2;
let c = import "second";
export "x" = a + b + c;
`);
    expect(items(ir, 0).filter((l) => /input|import/.test(l))).toEqual([
      '[0] import "second"',
      '[1] input 2',
      '[3] import "first"',
      '[4] input 0',
    ]);
    expect(ir.inputs).toEqual([0, 2]);
    expect(ir.imports.map((i) => i.name)).toEqual(['second', 'first']);
  });

  it('lists imports in source order even when lowered in another order', () => {
    const ir = lowered(`
let late = import "b";
let early = later_used;
let later_used = import "a";
export "x" = early + late;
`);
    expect(ir.imports.map((i) => i.name)).toEqual(['b', 'a']);
  });

  it('lowers `a - b` to a concat with the negated part', () => {
    const ir = lowered('let a = input 0;\nlet b = input 1;\nexport "x" = a - b;');
    expect(items(ir)).toEqual([
      '[0] input 0 (a)',
      '[1] input 1 (b)',
      '[2] map [1]: negate',
      '[3] concat [0] [2]',
      '[4] arrange [3]',
    ]);
  });

  it('does not arrange again what is already arranged', () => {
    const ir = lowered(
      'let a = input 0 | min;\nlet b = a | join(a, ($0 ;));\nexport "x" = a;\nexport "y" = b;',
    );
    expect(items(ir)).toEqual([
      '[0] input 0',
      '[1] arrange [0]',
      '[2] min [1] (a)',
      '[3] join [2] [2] (b)',
      '[4] arrange [3]',
    ]);
    expect(ir.exports.map((e) => e.item)).toEqual([2, 4]);
  });

  it('lowers every let, used or not, and every child scope', () => {
    const ir = lowered(
      'let a = input 0;\nlet unused = a | inspect(seen);\ns: { let t = a; }\nexport "x" = a;',
    );
    expect(items(ir)).toEqual([
      '[0] input 0 (a)',
      '[1] inspect "seen" [0] (unused)',
      '[2] scope s (s)',
      '[3] arrange [0]',
    ]);
    expect(ir.scopes[1]?.names.get('t')).toBe(0);
  });

  it('lowers a var read before it is defined and a var fed by another var', () => {
    const ir = lowered('let a = input 0;\ns: {\n  var v = w + a;\n  var w = v;\n}\nexport "x" = s::v;');
    expect(items(ir, 1)).toEqual([
      '[0] variable v ← [3] (v)',
      '[1] variable w ← [0] (w)',
      '[2] enter root[0] (a)',
      '[3] concat [1] [2]',
    ]);
  });

  it('places a child scope after the outer items it reads, whatever the statement order', () => {
    const ir = lowered('s: { let t = late | distinct; }\nlet late = input 0 | negate;\nexport "x" = s::t;');
    expect(items(ir)).toEqual([
      '[0] input 0',
      '[1] map [0]: negate (late)',
      '[2] arrange [1]',
      '[3] scope s (s)',
      '[4] leave s[2]',
      '[5] arrange [4]',
    ]);
  });
});
