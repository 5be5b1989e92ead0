import { describe, expect, it } from 'vitest';
import { Budget, DataflowAbort, termFailure } from './budget.js';
import { TermError } from '../lang/eval.js';

const SCOPE = { name: 'loop', span: { start: 4, end: 9 } };

function failureOf(f: () => void): DataflowAbort['failure'] | null {
  try {
    f();
  } catch (e) {
    if (e instanceof DataflowAbort) return e.failure;
    throw e;
  }
  return null;
}

describe('Budget', () => {
  it('fails a scope that takes more iterations than allowed, naming it', () => {
    const budget = new Budget(3, 10, () => 0);
    expect(failureOf(() => budget.checkIterations(SCOPE, 3, [0, 2]))).toBeNull();
    expect(failureOf(() => budget.checkIterations(SCOPE, 4, [0, 3]))).toMatchObject({
      kind: 'iterations',
      scope: 'loop',
      span: SCOPE.span,
      time: [0, 3],
    });
  });

  it('fails the run once its wall-clock time is up, naming the scope that was running', () => {
    let now = 0;
    const budget = new Budget(100, 2, () => now);
    budget.start();
    budget.running = SCOPE;
    now = 1500;
    expect(failureOf(() => budget.checkTime())).toBeNull();
    now = 2500;
    // Operator work reads the clock only every so often, but eventually does.
    expect(failureOf(() => budget.work(1 << 20))).toMatchObject({ kind: 'timeout', scope: 'loop' });
  });

  it('turns a term error into a failure with the row and time, and rethrows anything else', () => {
    const span = { start: 1, end: 2 };
    const abort = termFailure(new TermError(span, 'no such field'), span, [1], [2], [0, 4]);
    expect(abort.failure).toMatchObject({ kind: 'term', span, row: { key: [1], val: [2] }, time: [0, 4] });
    expect(abort.failure.message).toContain('no such field');
    expect(() => termFailure(new RangeError('bug'), span, [1], [2], [0, 4])).toThrow(RangeError);
  });
});
