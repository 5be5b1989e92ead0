import { describe, expect, it } from 'vitest';
import { ReduceNode } from './reduce.js';
import { Capture, TestScope, appendRows, drive, testContext, testItem } from '../test-kit.js';
import { leq } from '../time.js';
import type { Time } from '../time.js';
import { Trace } from '../trace.js';
import type { ReducerKind } from '../../lang/ast.js';
import { list } from '../../lang/value.js';
import type { Value } from '../../lang/value.js';

/** A reducer over a fresh input trace, its output recorded. */
function setup(kind: ReducerKind, depth = 1) {
  const scope = new TestScope(depth);
  const input = new Trace();
  const node = new ReduceNode(testContext(), scope, testItem(), kind, input.addReader());
  const out = new Capture();
  node.out.connect(out, null);
  const feed = (time: Time, rows: [Value, Value, number][]) => {
    node.input.receive(time, appendRows(input, time, rows));
    drive([node]);
  };
  return { scope, node, out, feed };
}

describe('reduce', () => {
  it('stays exact at joins of three or more times (closed interesting times)', () => {
    // ENGINE.md: history at [0,256,0] and [0,0,256], then a change at [1,0,0].
    const { scope, out, feed } = setup('count', 2);
    const inputs: [Time, Value][] = [
      [[0, 256, 0], [1]],
      [[0, 0, 256], [2]],
    ];
    for (const [t, v] of inputs) feed(t, [[[7], v, 1]]);
    feed([1, 0, 0], [[[7], [3], 1]]);
    inputs.push([[1, 0, 0], [3]]);
    for (const e of [0, 1]) {
      for (const i of [0, 255, 256]) {
        for (const j of [0, 255, 256]) {
          const n = inputs.filter(([s]) => leq(s, [e, i, j])).length;
          expect(out.at([e, i, j]), `count at [${e},${i},${j}]`).toEqual(n > 0 ? [`[7]|[${n}]|1`] : []);
        }
      }
    }
    expect(scope.scheduled).toContainEqual([1, 256, 256]);
  });

  it('treats a key with only negative multiplicities as present', () => {
    const expected: Record<ReducerKind, string[]> = {
      distinct: ['[1]|[]|1'],
      min: ['[1]|[5]|1'],
      count: [],
      collect: [`[1]|${JSON.stringify(list())}|1`],
    };
    for (const kind of ['distinct', 'min', 'count', 'collect'] as const) {
      const { out, feed } = setup(kind);
      feed([0, 0], [[[1], [5], -1]]);
      expect(out.at([0, 0]), kind).toEqual(expected[kind]);
    }
  });

  it('counts the net multiplicity and emits a count only when it is positive', () => {
    const { out, feed } = setup('count');
    feed(
      [0, 0],
      [
        [[1], [5], 1],
        [[1], [6], -1],
      ],
    );
    expect(out.at([0, 0])).toEqual([]);
    feed([1, 0], [[[1], [7], 2]]);
    expect(out.at([1, 0])).toEqual(['[1]|[2]|1']);
  });

  it('keeps the least present value as the minimum across retractions', () => {
    const { out, feed } = setup('min');
    feed(
      [0, 0],
      [
        [[1], [5], 1],
        [[1], [3], 1],
      ],
    );
    expect(out.at([0, 0])).toEqual(['[1]|[3]|1']);
    feed([1, 0], [[[1], [3], -1]]);
    expect(out.at([1, 0])).toEqual(['[1]|[5]|1']);
    feed([2, 0], [[[1], [5], -1]]);
    expect(out.at([2, 0])).toEqual([]);
  });

  it('collects values in value order, each repeated by its positive multiplicity', () => {
    const { out, feed } = setup('collect');
    feed(
      [0, 0],
      [
        [[1], [9], 2],
        [[1], [4], 1],
        [[1], [6], -3],
      ],
    );
    expect(out.at([0, 0])).toEqual([`[1]|${JSON.stringify(list([4], [9], [9]))}|1`]);
  });

  it('re-examines later iterations a change can affect, jumping to them directly', () => {
    // Input at iteration 0 of epoch 0 and at iteration 9 of epoch 0; then a retraction
    // at [1,0] must correct the output at [1,9] too.
    const { scope, out, feed } = setup('min');
    feed([0, 0], [[[1], [3], 1]]);
    feed([0, 9], [[[1], [1], 1]]);
    expect(out.at([0, 9])).toEqual(['[1]|[1]|1']);
    feed([1, 0], [[[1], [3], -1]]);
    expect(out.at([1, 0])).toEqual([]);
    expect(out.at([1, 9])).toEqual(['[1]|[1]|1']);
    expect(out.at([0, 9])).toEqual(['[1]|[1]|1']);
    expect(scope.scheduled).toContainEqual([1, 9]);
  });
});
