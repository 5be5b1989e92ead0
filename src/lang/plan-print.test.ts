import { describe, it, expect } from 'vitest';
import { compile } from './compile.js';
import type { ProgramIr } from './ir.js';
import { formatPlan, planToJson } from './plan-print.js';

const SRC = `let edges = input 0 | key($0[0] ; $0[1]);
let roots = input 1 | key($0[0] ;);
reach: {
    let frontier = known | join(edges, ($2 ;));
    var known = roots + frontier | distinct;
}
let pairs = edges | join(edges, ($1 ; $2));
export "reachable" = reach::known;
export "pairs" = pairs | inspect(pairs);
`;

function optimized(src: string): ProgramIr {
  const r = compile(src, 'p.ddp');
  if (r.optimized === null) throw new Error(JSON.stringify(r.diagnostics));
  return r.optimized;
}

describe('formatPlan', () => {
  it('prints the scope tree with inputs, sharing, feedback, exports and lines', () => {
    expect(formatPlan(optimized(SRC), SRC)).toBe(
      [
        'root (inputs 0, 1)',
        '  [0] input 0                                            line 1',
        '  [1] map [0]: key  (edges)                              line 1',
        '  [2] input 1                                            line 2',
        '  [3] map [2]: key  (roots)                              line 2',
        '  [4] arrange [1]  shared by [6] join, reach[2] enter    line 4',
        '  [5] scope reach  (reach)                               line 3',
        '      reach: iterates (var known ← [7])',
        '      [0] variable known ← [7]  (known)                  line 5',
        '      [1] arrange [0]                                    line 4',
        '      [2] enter root[4]                                  line 4',
        '      [3] join [1] [2]  (frontier)                       line 4',
        '      [4] enter root[3]  (roots)                         line 5',
        '      [5] concat [4] [3]                                 line 5',
        '      [6] arrange [5]                                    line 5',
        '      [7] distinct [6]                                   line 5',
        '  [6] join [4] [4]  (pairs)                              line 7',
        '  [7] leave reach[0]                                     line 8',
        '  [8] arrange [7]                                        line 8',
        '  [9] inspect "pairs" [6]                                line 9',
        '  [10] arrange [9]                                       line 9',
        'export "reachable" ← [8]',
        'export "pairs" ← [10]',
        '',
      ].join('\n'),
    );
  });

  it('omits line numbers without the source and names imports', () => {
    const plan = formatPlan(optimized('let t = import "graph";\nexport "x" = t | min;'));
    expect(plan).toBe('root (imports "graph")\n  [0] import "graph"\n  [1] min [0]\nexport "x" ← [1]\n');
  });
});

describe('planToJson', () => {
  const plan = planToJson(optimized(SRC), SRC);

  it('describes every item with the playground operator vocabulary', () => {
    const vocabulary = [
      'input',
      'import',
      'map',
      'concat',
      'arrange',
      'join',
      'min',
      'distinct',
      'count',
      'collect',
    ];
    const structure = ['inspect', 'variable', 'export', 'enter', 'leave', 'scope'];
    for (const node of plan.nodes) expect([...vocabulary, ...structure]).toContain(node.op);
    expect(plan.nodes.filter((n) => n.scope === 1).map((n) => n.op)).toEqual([
      'variable',
      'arrange',
      'enter',
      'join',
      'enter',
      'concat',
      'arrange',
      'distinct',
    ]);
  });

  it('links nodes with data, enter, leave, feedback and export edges', () => {
    expect(plan.edges).toContainEqual({ from: '0.0', to: '0.1', kind: 'data' });
    expect(plan.edges).toContainEqual({ from: '0.4', to: '1.2', kind: 'enter' });
    expect(plan.edges).toContainEqual({ from: '1.0', to: '0.7', kind: 'leave' });
    expect(plan.edges).toContainEqual({ from: '1.7', to: '1.0', kind: 'feedback' });
    expect(plan.edges).toContainEqual({ from: '0.8', to: 'export:reachable', kind: 'export' });
    const ids = new Set(plan.nodes.map((n) => n.id));
    for (const e of plan.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
  });

  it('marks shared arrangements with their readers and gives source positions', () => {
    const shared = plan.nodes.find((n) => n.id === '0.4');
    expect(shared).toMatchObject({ op: 'arrange', arranged: true, shared: true, readers: ['0.6', '1.2'] });
    expect(shared?.span).toMatchObject({ line: 4, col: 28, endLine: 4, endCol: 47 });
    expect(plan.nodes.find((n) => n.id === '0.1')).toMatchObject({ op: 'map', ops: ['key'], name: 'edges' });
    expect(plan.nodes.find((n) => n.id === '0.9')).toMatchObject({ op: 'inspect', label: 'pairs' });
  });

  it('lists the scopes, inputs and exports', () => {
    expect(plan.scopes.map((s) => [s.name, s.parent, s.depth, s.iterates, s.node])).toEqual([
      ['', null, 0, false, null],
      ['reach', 0, 1, true, '0.5'],
    ]);
    expect(plan.scopes[1]?.vars).toEqual([{ name: 'known', node: '1.0', next: '1.7' }]);
    expect(plan.inputs).toEqual([0, 1]);
    expect(plan.exports).toEqual([
      { name: 'reachable', node: 'export:reachable' },
      { name: 'pairs', node: 'export:pairs' },
    ]);
  });

  it('is plain JSON that survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
