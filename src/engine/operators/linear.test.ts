import { describe, expect, it } from 'vitest';
import { LinearNode } from './linear.js';
import { BatchBuilder } from '../batch.js';
import { DataflowAbort } from '../budget.js';
import { Capture, TestScope, drive, testContext, testItem } from '../test-kit.js';
import type { Time } from '../time.js';
import type { LinearOp } from '../../lang/ir.js';
import type { Term } from '../../lang/term.js';
import { list } from '../../lang/value.js';
import type { Value } from '../../lang/value.js';

const S = { start: 0, end: 0 };
const dollar = (index: number): Term => ({ k: 'dollar', index, span: S });
const idx = (t: Term, index: number): Term => ({ k: 'index', target: t, index, span: S });
const konst = (value: Value): Term => ({ k: 'const', value, span: S });

/** Runs one update through a chain at `time` in a scope at `depth`. */
function run(ops: LinearOp[], depth: number, time: Time, key: Value, val: Value, diff = 1): Capture {
  const node = new LinearNode(testContext(), new TestScope(depth), testItem(), ops);
  const out = new Capture();
  node.out.connect(out, null);
  const b = new BatchBuilder();
  b.push(key, val, diff);
  node.input.receive(time, b.build());
  drive([node]);
  return out;
}

function abortOf(f: () => void): DataflowAbort | null {
  try {
    f();
  } catch (e) {
    if (e instanceof DataflowAbort) return e;
    throw e;
  }
  return null;
}

describe('linear chains', () => {
  it('projects, filters and negates in order', () => {
    const ops: LinearOp[] = [
      {
        k: 'project',
        proj: { key: [{ k: 'term', term: idx(dollar(1), 0), span: S }], val: [], span: S },
        span: S,
      },
      {
        k: 'filter',
        term: { k: 'compare', op: '>', left: idx(dollar(0), 0), right: konst(2), span: S },
        span: S,
      },
      { k: 'negate', span: S },
    ];
    expect(run(ops, 0, [0, 0], [1], [5]).updates).toEqual([{ time: [0, 0], key: [5], val: [], diff: -1 }]);
    expect(run(ops, 0, [0, 0], [1], [1]).updates).toEqual([]);
  });

  it('flattens a list into one row per element with its position', () => {
    const ops: LinearOp[] = [{ k: 'flatmap', term: dollar(1), span: S }];
    expect(run(ops, 0, [0, 0], [1], list(7, 8)).updates.map((u) => u.val)).toEqual([
      [0, 7],
      [1, 8],
    ]);
  });

  it('delays a row by 256 times the bit length of the term, jumping to that iteration', () => {
    const ops: LinearOp[] = [{ k: 'enter_at', term: idx(dollar(1), 0), span: S }];
    expect(run(ops, 1, [2, 3], [1], [5]).updates[0]?.time).toEqual([2, 768]);
    // Never lowers a coordinate that is already later.
    expect(run(ops, 1, [2, 900], [1], [5]).updates[0]?.time).toEqual([2, 900]);
    // In a depth-2 scope the scope's own coordinate is raised.
    expect(run(ops, 2, [2, 4, 0], [1], [1]).updates[0]?.time).toEqual([2, 4, 256]);
    // At the root the delay lands on c1, the coordinate depth-1 scopes iterate on.
    expect(run(ops, 0, [2, 0], [1], [-1]).updates[0]?.time).toEqual([2, 64 * 256]);
  });

  it('lifts the iteration coordinate of the time after an earlier enter_at', () => {
    const ops: LinearOp[] = [
      { k: 'enter_at', term: konst(3), span: S },
      { k: 'lift_iter', span: S },
    ];
    expect(run(ops, 1, [0, 1], [1], [9]).updates).toEqual([
      { time: [0, 512], key: [1], val: [9, 512], diff: 1 },
    ]);
    // A non-tuple value becomes a pair.
    expect(run([{ k: 'lift_iter', span: S }], 2, [0, 4, 6], [1], 9).updates[0]?.val).toEqual([9, 6]);
    // At the root lift_iter appends 0, even after a root enter_at.
    expect(run(ops, 0, [0, 0], [1], [9]).updates[0]?.val).toEqual([9, 0]);
  });

  it('fails naming the operator, row and time when a term does not apply', () => {
    const span = { start: 3, end: 9 };
    const failure = abortOf(() => run([{ k: 'flatmap', term: dollar(1), span }], 1, [0, 2], [1], [5]));
    expect(failure?.failure).toMatchObject({ kind: 'term', span, row: { key: [1], val: [5] }, time: [0, 2] });
    const notInt = abortOf(() => run([{ k: 'enter_at', term: dollar(1), span }], 1, [0, 2], [1], [5]));
    expect(notInt?.failure.message).toMatch(/enter_at needs an Int/);
    const badIndex = abortOf(() =>
      run([{ k: 'filter', term: idx(dollar(1), 4), span }], 1, [0, 2], [1], [5]),
    );
    expect(badIndex?.failure.span).toEqual(span);
  });
});
