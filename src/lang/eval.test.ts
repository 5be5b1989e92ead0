import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileProjection, compileTerm, TermError, truthy } from './eval.js';
import { hashInts } from './hash.js';
import { span } from './source.js';
import type { Span } from './source.js';
import type { ArithOp, CompareOp, FieldIr, Term } from './term.js';
import { list, tuple, UNIT, variant } from './value.js';
import type { Value } from './value.js';

// Term builders; each node gets a distinct span so tests can check which one failed.
let next = 0;
const sp = (): Span => span(next, ++next);
const c = (value: Value): Term => ({ k: 'const', value, span: sp() });
const $ = (index: number): Term => ({ k: 'dollar', index, span: sp() });
const bound = (depth: number): Term => ({ k: 'bound', depth, span: sp() });
const arith = (op: ArithOp, left: Term, right: Term): Term => ({ k: 'arith', op, left, right, span: sp() });
const cmp = (op: CompareOp, left: Term, right: Term): Term => ({ k: 'compare', op, left, right, span: sp() });
const idx = (target: Term, index: number): Term => ({ k: 'index', target, index, span: sp() });
const tup = (...items: Term[]): Term => ({ k: 'tuple', items, span: sp() });
const lst = (...items: Term[]): Term => ({ k: 'list', items, span: sp() });
const inject = (tag: Term, payload: Term): Term => ({ k: 'inject', tag, payload, span: sp() });
const caseOf = (scrutinee: Term, arms: (Term | null)[], fallback: Term | null = null): Term => ({
  k: 'case',
  scrutinee,
  arms,
  fallback,
  span: sp(),
});
const fold = (l: Term, init: Term, step: Term): Term => ({ k: 'fold', list: l, init, step, span: sp() });
const fail = (): Term => ({ k: 'neg', operand: c(UNIT), span: sp() });

const run = (t: Term, env: readonly Value[] = []): Value => compileTerm(t)(env);

/** The TermError a term throws (fails the test if it does not throw one). */
function errorOf(t: Term, env: readonly Value[] = []): TermError {
  try {
    run(t, env);
  } catch (e) {
    if (e instanceof TermError) return e;
    throw e;
  }
  throw new Error('expected a TermError');
}

describe('row environment and constants', () => {
  it('reads $0, $1, $2 and constants', () => {
    expect(run($(1), [tuple(1), tuple(2, 3)])).toEqual([2, 3]);
    expect(run(idx($(2), 0), [UNIT, UNIT, tuple(9)])).toBe(9);
    expect(run(c(list(1)))).toEqual(list(1));
  });

  it('reports a $n the row does not have', () => {
    const t = $(2);
    const e = errorOf(t, [UNIT, UNIT]);
    expect(e.span).toEqual(t.span);
    expect(e.message).toContain('$2');
  });
});

describe('arithmetic and comparisons', () => {
  it('adds, subtracts, multiplies and negates Ints with i64 wrap-around', () => {
    expect(run(arith('+', c(2), c(3)))).toBe(5);
    expect(run(arith('-', c(2), c(3)))).toBe(-1);
    expect(run(arith('*', c(-4), c(3)))).toBe(-12);
    expect(run({ k: 'neg', operand: c(7), span: sp() })).toBe(-7);
    expect(run(arith('+', c(2n ** 63n - 1n), c(1)))).toBe(-(2n ** 63n));
    expect(run(arith('*', c(2 ** 40), c(2 ** 40)))).toBe(0);
    expect(run(arith('*', c(Number.MAX_SAFE_INTEGER), c(3)))).toBe(27021597764222973n);
  });

  it('refuses arithmetic on a non-Int, naming the value', () => {
    const t = arith('+', c(1), c(tuple(1, 2)));
    const e = errorOf(t);
    expect(e.span).toEqual(t.span);
    expect(e.message).toContain('tuple(1, 2)');
    expect(errorOf(fail()).message).toContain('negate');
  });

  it('compares any values structurally, giving 1 or 0', () => {
    expect(run(cmp('<', c(1), c(tuple())))).toBe(1);
    expect(run(cmp('==', c(tuple(1, 2)), tup(c(1), c(2))))).toBe(1);
    expect(run(cmp('!=', c(list(1)), c(tuple(1))))).toBe(1);
    expect(run(cmp('>=', c(2n ** 60n), c(5)))).toBe(1);
    expect(run(cmp('<=', c(3), c(2)))).toBe(0);
    expect(run(cmp('>', c(variant(1, 0)), c(variant(0, 9))))).toBe(1);
  });
});

describe('logic', () => {
  it('truthiness is a non-zero Int', () => {
    expect(truthy(1)).toBe(true);
    expect(truthy(-(2n ** 60n))).toBe(true);
    expect(truthy(0)).toBe(false);
    expect(truthy(tuple(1))).toBe(false);
  });

  it('&& and or short-circuit and give 1 or 0', () => {
    expect(run({ k: 'and', left: c(0), right: fail(), span: sp() })).toBe(0);
    expect(run({ k: 'and', left: c(5), right: c(7), span: sp() })).toBe(1);
    expect(run({ k: 'or', left: c(5), right: fail(), span: sp() })).toBe(1);
    expect(run({ k: 'or', left: c(0), right: c(tuple()), span: sp() })).toBe(0);
    expect(run({ k: 'not', operand: c(0), span: sp() })).toBe(1);
    expect(run({ k: 'not', operand: c(3), span: sp() })).toBe(0);
  });

  it('if evaluates only the chosen branch', () => {
    expect(run({ k: 'if', cond: c(1), then: c(10), otherwise: fail(), span: sp() })).toBe(10);
    expect(run({ k: 'if', cond: c(list()), then: fail(), otherwise: c(20), span: sp() })).toBe(20);
  });
});

describe('aggregates', () => {
  it('builds tuples, lists and variants', () => {
    expect(run(tup())).toBe(UNIT);
    expect(run(tup(c(1), c(2), c(3), c(4)))).toEqual([1, 2, 3, 4]);
    expect(run(lst(c(1), tup()))).toEqual(list(1, tuple()));
    expect(run(lst())).toEqual(list());
    expect(run(inject(c(2), tup(c(1))))).toEqual(variant(2, tuple(1)));
  });

  it('takes variant tags modulo 2^32', () => {
    expect(run(inject(c(-1), c(0)))).toEqual(variant(2 ** 32 - 1, 0));
    expect(run(inject(c(2 ** 32 + 3), c(0)))).toEqual(variant(3, 0));
    expect(run(inject(c(2n ** 63n - 1n), c(0)))).toEqual(variant(2 ** 32 - 1, 0));
    expect(errorOf(inject(c(tuple()), c(0))).message).toContain('tag');
  });

  it('indexes tuples and lists', () => {
    expect(run(idx(idx(c(tuple(1, tuple(5, 6))), 1), 0))).toBe(5);
    expect(run(idx(c(list(7, 8)), 1))).toBe(8);
  });

  it('reports an index out of range or into a non-aggregate', () => {
    const t = idx(c(tuple(1, 2)), 3);
    const e = errorOf(t);
    expect(e.span).toEqual(t.span);
    expect(e.message).toBe('cannot index field 3 of tuple(1, 2): it has 2 fields');
    expect(errorOf(idx(c(list(1)), 1)).message).toContain('1 element');
    expect(errorOf(idx(c(5), 0)).message).toContain('only tuples and lists');
  });

  it('len counts fields or elements and refuses anything else', () => {
    expect(run({ k: 'len', operand: c(tuple(1, 2, 3)), span: sp() })).toBe(3);
    expect(run({ k: 'len', operand: c(list()), span: sp() })).toBe(0);
    expect(errorOf({ k: 'len', operand: c(variant(0, 0)), span: sp() }).message).toContain('len');
  });

  it('istag tests a variant tag and is 0 for non-variants', () => {
    expect(run({ k: 'istag', tag: 2, operand: c(variant(2, 0)), span: sp() })).toBe(1);
    expect(run({ k: 'istag', tag: 1, operand: c(variant(2, 0)), span: sp() })).toBe(0);
    expect(run({ k: 'istag', tag: 0, operand: c(0), span: sp() })).toBe(0);
  });
});

describe('case and fold', () => {
  it('case picks the arm by tag and binds the payload as ^0', () => {
    const t = caseOf($(0), [arith('+', bound(0), c(100)), idx(bound(0), 1)]);
    expect(run(t, [variant(0, 5)])).toBe(105);
    expect(run(t, [variant(1, tuple(3, 4))])).toBe(4);
  });

  it('case falls back to _ for a missing or empty arm', () => {
    const t = caseOf($(0), [c(10), null], bound(0));
    expect(run(t, [variant(1, 7)])).toBe(7);
    expect(run(t, [variant(9, 8)])).toBe(8);
  });

  it('case without a matching arm or on a non-variant is an error at the case', () => {
    const t = caseOf($(0), [c(1)]);
    expect(errorOf(t, [variant(3, 0)]).span).toEqual(t.span);
    expect(errorOf(t, [variant(3, 0)]).message).toContain('tag 3');
    expect(errorOf(t, [tuple(1)]).message).toContain('needs a variant');
  });

  it('fold is a left fold with ^0 the element and ^1 the accumulator', () => {
    const sum = fold(c(list(1, 2, 3)), c(0), arith('+', bound(1), bound(0)));
    expect(run(sum)).toBe(6);
    // acc*10 + elem reveals the order: ((0*10+1)*10+2)*10+3.
    const digits = fold(c(list(1, 2, 3)), c(0), arith('+', arith('*', bound(1), c(10)), bound(0)));
    expect(run(digits)).toBe(123);
    expect(run(fold(c(list()), c(tuple(9)), fail()))).toEqual([9]);
    expect(errorOf(fold(c(tuple(1)), c(0), c(0))).message).toContain('needs a list');
  });

  it('binders nest: a case payload is ^2 inside a fold step', () => {
    // case $0 { v => fold(list(1, 2), 0, ^1 + ^0 * ^2) }
    const t = caseOf($(0), [fold(c(list(1, 2)), c(0), arith('+', bound(1), arith('*', bound(0), bound(2))))]);
    expect(run(t, [variant(0, 10)])).toBe(30);
    // Nested folds: the sum over a list of lists.
    const inner = fold(bound(0), bound(1), arith('+', bound(1), bound(0)));
    expect(run(fold(c(list(list(1, 2), list(3), list())), c(0), inner))).toBe(6);
  });

  it('a ^k with no binder is a run-time error', () => {
    expect(errorOf(bound(0)).message).toContain('^0');
  });
});

describe('hash', () => {
  it('agrees with hashInts and requires Int keys', () => {
    const h = (args: Term[]): Term => ({ k: 'hash', args, span: sp() });
    expect(run(h([c(8), c(0), c(1)]))).toBe(6);
    expect(run(h([c(0), c(42)]))).toBe(4560335575457526032n);
    expect(run(h([c(1000), $(0), c(-1)]), [5])).toBe(hashInts(1000, [5, -1]));
    const bad = c(tuple());
    expect(errorOf(h([c(10), bad])).span).toEqual(bad.span);
  });
});

describe('robustness', () => {
  it('a stack overflow while evaluating becomes a TermError', () => {
    let deep: Value = UNIT;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const t = cmp('==', c(deep), c([deep]));
    expect(errorOf(t).span).toEqual(t.span);
  });

  it('a term too deep to compile fails with a TermError when run', () => {
    let deep: Term = c(0);
    for (let i = 0; i < 200_000; i++) deep = { k: 'not', operand: deep, span: sp() };
    expect(errorOf(deep).message).toContain('too deeply nested');
  });

  it('a compiled term can be run many times with fresh results', () => {
    const t = compileTerm(tup(arith('+', idx($(0), 0), c(1)), idx($(1), 0)));
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer(), (a, b) => {
        expect(t([tuple(a), tuple(b)])).toEqual([a + 1, b]);
      }),
    );
  });
});

describe('projections', () => {
  const splice = (index: number): FieldIr => ({ k: 'splice', index, span: sp() });
  const field = (term: Term): FieldIr => ({ k: 'term', term, span: sp() });
  const proj = (key: FieldIr[], val: FieldIr[]) => compileProjection({ key, val, span: sp() });

  it('splices bare $n fields and keeps terms whole', () => {
    const p = proj([splice(0), splice(1)], [field(idx($(1), 0)), field($(0))]);
    expect(p([tuple(1), tuple(2, 3)])).toEqual([
      [1, 2, 3],
      [2, [1]],
    ]);
  });

  it('splices the elements of a list', () => {
    expect(proj([splice(0)], [splice(2), field(c(0))])([list(4, 5), UNIT, list(6)])).toEqual([
      [4, 5],
      [6, 0],
    ]);
  });

  it('empty sides give unit', () => {
    expect(proj([], [])([tuple(1), tuple(2)])).toEqual([[], []]);
  });

  it('reads ($d[i] ; $e[j]) of tuples in one step, and of lists and short rows as terms do', () => {
    const p = proj([field(idx($(0), 0))], [field(idx($(0), 1))]);
    expect(p([tuple(3, 4)])).toEqual([[3], [4]]);
    expect(p([list(5, 6)])).toEqual([[5], [6]]);
    expect(() => p([tuple(7)])).toThrow(TermError);
    expect(() => p([tuple(7)])).toThrow('cannot index field 1 of tuple(7)');
  });

  it('splicing a non-aggregate is an error at that field', () => {
    const f = splice(1);
    const p = proj([field(c(1))], [f]);
    try {
      p([UNIT, 5]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TermError);
      expect((e as TermError).span).toEqual(f.span);
      expect((e as TermError).message).toContain('splice $1');
    }
  });
});
