import { describe, expect, it } from 'vitest';
import { JoinNode } from './join.js';
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
    { trace: left, reader: left.addReader() },
    { trace: right, reader: right.addReader() },
  );
  const out = new Capture();
  node.connect(out, null);
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
});
