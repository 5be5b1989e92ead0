import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { runEpochs } from './testing.js';
import type { TestUpdate } from './testing.js';
import { compile } from '../lang/compile.js';
import type { ProgramIr } from '../lang/ir.js';
import type { Value } from '../lang/value.js';

function program(text: string): ProgramIr {
  const r = compile(text, 'test.ddp');
  if (r.optimized === null) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.optimized;
}

const row = (key: Value, diff = 1, input = 0): TestUpdate => ({ input, key, val: [], diff });
const keysOf = (rows: readonly (readonly [Value, Value, number])[] | undefined) =>
  (rows ?? []).map(([k]) => k);

describe('hierarchical scheduling', () => {
  it('runs scopes nested three deep to their fixed points at every outer iteration', () => {
    const p = program(`
      let n = input 0;
      a: {
        var x = n + (x | map($0[0] + 1 ;) | filter($0[0] < 3)) | distinct;
        b: {
          var y = x + (y | map($0[0] * 2 ;) | filter($0[0] < 20)) | distinct;
          c: {
            var z = y + (z | map($0[0] + 100 ;) | filter($0[0] < 300)) | distinct;
          }
          let w = c::z;
        }
        let v = b::w;
      }
      export "o" = a::v | arrange;
    `);
    const [first, second] = runEpochs(p, [[row([0])], [row([0], -1), row([2])]]);
    const expected = (ys: number[]) =>
      ys
        .flatMap((y) => [y, y + 100, y + 200])
        .sort((p, q) => p - q)
        .map((v) => [v]);
    expect(keysOf(first?.exports.get('o'))).toEqual(expected([0, 1, 2, 4, 8, 16]));
    expect(keysOf(second?.exports.get('o'))).toEqual(expected([2, 4, 8, 16]));
  });

  it('jumps to an enter_at delay instead of stepping through empty iterations', () => {
    // A delay of 256 * 64 iterations with a budget of 10 iterations per scope run.
    const p = program(`
      let d = input 0 | enter_at($0[0]);
      loop: {
        var x = d + (x | map($0[0] ;) | filter($0[0] < 0)) | distinct | inspect(x);
      }
      export "o" = loop::x | arrange;
    `);
    const [r] = runEpochs(p, [[row([-1]), row([1])]], { maxIterations: 10, maxSeconds: 60 });
    expect(r?.failures).toEqual([]);
    expect(r?.inspects.map((u) => [u.key, u.time])).toEqual([
      [[1], [0, 256]],
      [[-1], [0, 16384]],
    ]);
    expect(keysOf(r?.exports.get('o'))).toEqual([[-1], [1]]);
  });

  it('lifts the iteration a row was delayed to, readable outside the loop', () => {
    const p = program(`
      let d = input 0;
      s: {
        let y = d | enter_at($0[0]) | lift_iter;
      }
      export "o" = s::y | arrange;
    `);
    const [r] = runEpochs(p, [[{ input: 0, key: [3], val: [7], diff: 1 }]]);
    expect(r?.exports.get('o')).toEqual([[[3], [7, 512], 1]]);
  });

  it('carries a root enter_at delay into the depth-1 scopes and sums it away in exports', () => {
    const p = program(`
      let d = input 0 | enter_at($0[0]) | inspect(root);
      s: {
        let y = d | lift_iter | inspect(inner);
      }
      export "o" = s::y | inspect(out) | arrange;
    `);
    const [r] = runEpochs(p, [[row([1]), row([0])]]);
    const seen = r?.inspects.map(
      (u) => `${u.label} ${JSON.stringify(u.key)} ${JSON.stringify(u.val)} ${JSON.stringify(u.time)}`,
    );
    expect(seen).toEqual([
      'root [0] [] [0]',
      'root [1] [] [0,256]',
      'inner [0] [0] [0,0]',
      'inner [1] [256] [0,256]',
      'out [0] [0] [0]',
      'out [1] [256] [0]',
    ]);
    expect(r?.exports.get('o')).toEqual([
      [[0], [0], 1],
      [[1], [256], 1],
    ]);
  });

  it('visits a later outer iteration for work due only in a nested scope', () => {
    // In epoch 1 the inner join pairs a new row (outer iteration 0) with history the
    // outer scope held from iteration 768 on: the pair is due at [1, 768, 0], which the
    // outer scope must visit although nothing of its own is pending then.
    const p = program(`
      let a = input 0;
      let b = input 1 | enter_at($0[0]);
      outer: {
        inner: {
          let j = a | join(b, ($0 ; $1, $2)) | inspect(j);
        }
        let k = inner::j;
      }
      export "o" = outer::k | arrange;
    `);
    const [first, second] = runEpochs(p, [
      [{ input: 1, key: [4], val: [2], diff: 1 }],
      [{ input: 0, key: [4], val: [1], diff: 1 }],
    ]);
    expect(first?.inspects).toEqual([]);
    expect(second?.inspects.map((u) => u.time)).toEqual([[1, 768, 0]]);
    expect(second?.exports.get('o')).toEqual([[[4], [1, 2], 1]]);
  });

  it('lets root readers of a shared arrangement see it only as of their own progress', () => {
    // The root arrangement processes [0,0] and [0,256] before the self-join reads it;
    // each pair must still be counted exactly once.
    const p = program(`
      let x = input 0 | enter_at($1[0]) | arrange;
      export "o" = x | join(x, ($0 ; $1, $2)) | arrange;
    `);
    const [r] = runEpochs(p, [
      [
        { input: 0, key: [1], val: [0], diff: 1 },
        { input: 0, key: [1], val: [1], diff: 1 },
      ],
    ]);
    expect(r?.exports.get('o')).toEqual([
      [[1], [0, 0], 1],
      [[1], [0, 1], 1],
      [[1], [1, 0], 1],
      [[1], [1, 1], 1],
    ]);
  });

  it('reports the same inspect stream on every run', () => {
    const text = `
      let e = input 0 | key($0[0] ; $0[1]);
      let r = input 1 | key($0[0] ;);
      reach: {
        let next = reach | join(e, ($2 ;));
        var reach = r + next | distinct | inspect(reach);
      }
      export "o" = reach::reach | arrange;
    `;
    const feeds = [
      [row([1, 2]), row([2, 3]), row([3, 1]), row([3, 4]), row([1], 1, 1)],
      [row([2, 3], -1), row([1, 4])],
    ];
    const runs = [0, 1].map(() => {
      const engine = new Engine({ maxIterations: 1000, maxSeconds: 60 });
      const { dataflow } = engine.install(program(text), new Map());
      return feeds.map((epoch) => {
        for (const f of epoch) engine.feed(dataflow, f.input, f.key, f.val, engine.epoch, f.diff);
        return engine.tick().inspects.map((u) => JSON.stringify([u.key, u.time, u.diff]));
      });
    });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]?.[1]?.length).toBeGreaterThan(0);
  });
});
