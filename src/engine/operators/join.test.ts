import { describe, expect, it } from 'vitest';
import { JoinNode, JoinSide } from './join.js';
import { DataflowAbort } from '../budget.js';
import { Capture, TestScope, appendRows, drive, testContext, testItem } from '../test-kit.js';
import type { Time } from '../time.js';
import { Trace } from '../trace.js';
import type { ProjectionIr, Term } from '../../lang/term.js';
import type { Value } from '../../lang/value.js';

const S = { start: 0, end: 0 };
const dollar = (index: number): Term => ({ k: 'dollar', index, span: S });
/** `($0 ; $1, $2)`: keep the key, pair the two vals. */
const PAIR: ProjectionIr = {
  key: [{ k: 'splice', index: 0, span: S }],
  val: [
    { k: 'term', term: dollar(1), span: S },
    { k: 'term', term: dollar(2), span: S },
  ],
  span: S,
};

function joinOf(left: Trace, right: Trace, proj: ProjectionIr = PAIR) {
  const node = new JoinNode(
    testContext(),
    new TestScope(1),
    testItem(),
    proj,
    new JoinSide(left, left.addReader(), null),
    new JoinSide(right, right.addReader(), null),
  );
  const out = new Capture();
  node.out.connect(out, null);
  return { node, out };
}

describe('join', () => {
  it('outputs each matching pair at the join of the two times with the product of the diffs', () => {
    const left = new Trace();
    const right = new Trace();
    const { node, out } = joinOf(left, right);
    node.right.receive([0, 3], appendRows(right, [0, 3], [[[1], [20], 2]]));
    node.left.receive([1, 0], appendRows(left, [1, 0], [[[1], [10], 3]]));
    drive([node]);
    expect(out.updates).toEqual([{ time: [1, 3], key: [1], val: [[10], [20]], diff: 6 }]);
  });

  it('counts every pair of a self-join exactly once', () => {
    const trace = new Trace();
    const { node, out } = joinOf(trace, trace);
    const feed = (time: Time, rows: [Value, Value, number][]) => {
      const batch = appendRows(trace, time, rows);
      node.left.receive(time, batch);
      node.right.receive(time, batch);
      drive([node]);
    };
    feed([0, 0], [[[1], [1], 1]]);
    feed([1, 0], [[[1], [2], 1]]);
    // (A + ΔA)² over vals {1, 2}: every ordered pair once.
    expect(out.at([1, 0])).toEqual([
      '[1]|[[1],[1]]|1',
      '[1]|[[1],[2]]|1',
      '[1]|[[2],[1]]|1',
      '[1]|[[2],[2]]|1',
    ]);
  });

  it('does not match history its reader has not consumed yet, even if the trace holds it', () => {
    // The right trace runs ahead: its batch at [0,5] is already in the trace when the
    // join processes the left batch at [0,0]. The pair must appear once, at [0,5].
    const left = new Trace();
    const right = new Trace();
    const { node, out } = joinOf(left, right);
    const early = appendRows(right, [0, 5], [[[1], [20], 1]]);
    node.left.receive([0, 0], appendRows(left, [0, 0], [[[1], [10], 1]]));
    node.right.receive([0, 5], early);
    drive([node]);
    expect(out.updates).toEqual([{ time: [0, 5], key: [1], val: [[10], [20]], diff: 1 }]);
  });

  it('fails the dataflow naming the pair and the time when the projection fails', () => {
    const left = new Trace();
    const right = new Trace();
    const bad: ProjectionIr = { key: [{ k: 'splice', index: 1, span: S }], val: [], span: S };
    const { node } = joinOf(left, right, bad);
    node.right.receive([0, 0], appendRows(right, [0, 0], [[[1], 7, 1]]));
    node.left.receive([0, 0], appendRows(left, [0, 0], [[[1], 8, 1]]));
    let failure: DataflowAbort | null = null;
    try {
      drive([node]);
    } catch (e) {
      if (e instanceof DataflowAbort) failure = e;
    }
    expect(failure?.failure.kind).toBe('term');
    expect(failure?.failure.row).toEqual({ key: [1], val: [8, 7] });
    expect(failure?.failure.time).toEqual([0, 0]);
  });

  it('sums the other side per time when the projection ignores its val, with the same result', () => {
    // `($0 ; $1)` never reads the right val: the right entries' diffs are summed per time.
    const keepLeft: ProjectionIr = {
      key: [{ k: 'splice', index: 0, span: S }],
      val: [{ k: 'term', term: dollar(1), span: S }],
      span: S,
    };
    const run = (proj: ProjectionIr): string[] => {
      const left = new Trace();
      const right = new Trace();
      const { node, out } = joinOf(left, right, proj);
      node.right.receive(
        [0, 0],
        appendRows(
          right,
          [0, 0],
          [
            [[1], [20], 2],
            [[1], [21], 1],
            [[2], [5], 1],
          ],
        ),
      );
      node.right.receive([0, 1], appendRows(right, [0, 1], [[[1], [22], -1]]));
      drive([node]);
      node.left.receive(
        [0, 2],
        appendRows(
          left,
          [0, 2],
          [
            [[1], [10], 3],
            [[2], [11], -1],
            [[3], [12], 1],
          ],
        ),
      );
      drive([node]);
      return out.at([0, 2]);
    };
    // The same rows as the pairwise projection `($0 ; $1)` computed through PAIR's vals.
    expect(run(keepLeft)).toEqual(['[1]|[[10]]|6', '[2]|[[11]]|-1']);
  });

  it('still fails on a term error when the summed entries cancel', () => {
    // The key splices `$1` (an Int here, so it fails); the right side's entries cancel.
    const bad: ProjectionIr = { key: [{ k: 'splice', index: 1, span: S }], val: [], span: S };
    const left = new Trace();
    const right = new Trace();
    const { node } = joinOf(left, right, bad);
    node.right.receive([0, 0], appendRows(right, [0, 0], [[[1], [7], 1]]));
    node.right.receive([0, 1], appendRows(right, [0, 1], [[[1], [7], -1]]));
    drive([node]);
    node.left.receive([0, 2], appendRows(left, [0, 2], [[[1], 8, 1]]));
    expect(() => drive([node])).toThrow(DataflowAbort);
  });
});
