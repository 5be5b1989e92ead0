import { describe, expect, it } from 'vitest';
import { compile } from '../../lang/compile.js';
import { runEpochs } from '../testing.js';

function program(text: string) {
  const { optimized, diagnostics } = compile(text, 'test.ddp');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!optimized) throw new Error('no program');
  return optimized;
}

describe('variable', () => {
  it('stops a loop whose feedback changes cancel out within an iteration', () => {
    // removed grows by exactly what cut loses: +r and -r reach the variable together.
    const ir = program(`
      let base = input 0 | key($0[0] ; $0[1]);
      s: { let alive = base - removed; let cut = alive | filter($1[0] > 5); var removed = removed + cut; }
      export "alive" = s::alive;
      export "removed" = s::removed;
    `);
    const [first, second] = runEpochs(
      ir,
      [
        [
          { input: 0, key: [1, 7], val: [], diff: 1 },
          { input: 0, key: [2, 3], val: [], diff: 1 },
        ],
        [{ input: 0, key: [4, 9], val: [], diff: 1 }],
      ],
      { maxIterations: 50, maxSeconds: 10 },
    );
    expect(first?.failures).toEqual([]);
    expect(first?.exports.get('alive')).toEqual([[[2], [3], 1]]);
    expect(first?.exports.get('removed')).toEqual([[[1], [7], 1]]);
    expect(second?.failures).toEqual([]);
    expect(second?.exports.get('removed')).toEqual([
      [[1], [7], 1],
      [[4], [9], 1],
    ]);
  });
});
