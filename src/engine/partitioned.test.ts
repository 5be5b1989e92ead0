import { describe, expect, it } from 'vitest';
import { keyPartitioned } from './partitioned.js';
import { compile } from '../lang/compile.js';
import type { ProgramIr } from '../lang/ir.js';

function program(text: string): ProgramIr {
  const r = compile(text, 'test.ddp');
  if (r.optimized === null) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.optimized;
}

/** For each arrange item, `scope:item` → whether its input is partitioned. */
function arranges(p: ProgramIr): Record<string, boolean> {
  const part = keyPartitioned(p);
  const out: Record<string, boolean> = {};
  for (const s of p.scopes) {
    for (const item of s.items) {
      if (item.op === 'arrange') out[`${s.id}:${item.id}`] = part[s.id]?.[item.input] ?? false;
    }
  }
  return out;
}

describe('keyPartitioned', () => {
  it('lets a loop variable fed by a reducer skip its exchange, but not the reducer input', () => {
    const p = program(`
      let edges = input 0 | key($0[0] ; $0[1]);
      let roots = input 1 | key($0[0] ;);
      reach: {
        let next = reach | join(edges, ($2 ;));
        var reach = roots + next | distinct;
      }
      export "reach" = reach::reach;`);
    // edges (an input) and roots + next (a join's output) are exchanged; reach (the
    // variable, fed by distinct) and its converged value leaving the loop stay local.
    expect(arranges(p)).toEqual({ '0:4': false, '0:7': true, '1:1': true, '1:6': false });
  });

  it('keeps partitioning through key-preserving operators and loses it at projections', () => {
    const p = program(`
      let a = import "t" | filter($0[0] > 1) | negate | lift_iter;
      let b = import "t" | map($0 ; $1);
      export "a" = a | arrange;
      export "b" = b | arrange;`);
    expect(Object.values(arranges(p)).sort()).toEqual([false, true]);
  });

  it('clears a variable whose definition reshapes keys, however deep the loop', () => {
    const p = program(`
      let s = input 0 | key($0[0] ;) | distinct;
      up: { var n = s + (n | map($0[0] + 1 ;)) | distinct | map($0 ; $1); }
      export "n" = up::n | distinct;`);
    const part = keyPartitioned(p);
    const loop = p.scopes[1];
    const variable = loop?.items.find((i) => i.op === 'variable');
    expect(variable && part[1]?.[variable.id]).toBe(false);
  });
});
