import { describe, it, expect } from 'vitest';
import type { TermAst } from './ast.js';
import { lowerClosedTerm, lowerProjection, lowerTerm } from './lower-term.js';
import type { TermContext } from './lower-term.js';
import { parse, parseClosedTerm } from './parse.js';
import type { ConInfo } from './scopes.js';
import type { Diagnostic } from './source.js';
import { termKey } from './ir-key.js';

const CONS: ReadonlyMap<string, ConInfo> = new Map(
  (
    [
      ['Nil', 0, 0],
      ['Cons', 2, 1],
      ['Wrap', 1, 3],
    ] as const
  ).map(([name, arity, tag]) => [name, { name, arity, tag, span: { start: 0, end: 0 } }]),
);

// The written term `text` as it appears in `input 0 | filter(text)` of a .ddp or .ddir program.
function written(text: string, syntax: 'ddp' | 'ddir' = 'ddp'): TermAst {
  const src = syntax === 'ddp' ? `let x = input 0 | filter(${text});` : `let x = FILTER(INPUT 0, ${text});`;
  const { ast, diagnostics } = parse(src, syntax);
  expect(diagnostics).toEqual([]);
  const stmt = ast.stmts[0];
  if (stmt?.kind !== 'let' || stmt.expr.kind !== 'op' || stmt.expr.op.kind !== 'filter')
    throw new Error('no filter');
  return stmt.expr.op.term;
}

function lower(
  text: string,
  syntax: 'ddp' | 'ddir' = 'ddp',
  maxDollar = 1,
): { key: string | null; codes: string[] } {
  const diagnostics: Diagnostic[] = [];
  const ctx: TermContext = { cons: CONS, maxDollar };
  const term = lowerTerm(written(text, syntax), ctx, diagnostics);
  return { key: term === null ? null : termKey(term), codes: diagnostics.map((d) => d.code) };
}

describe('lowerTerm', () => {
  it('turns a constructor call into inject of its tag and a tuple of the arguments', () => {
    expect(lower('Cons($0, Nil())').key).toBe('(inject i1 (tuple $0 (inject i0 (tuple))))');
  });

  it('lowers builtins to their term nodes', () => {
    expect(lower('proj($1, 2) == len(list(1, 2))').key).toBe('(== (index $1 2) (len (list i1 i2)))');
    expect(lower('istag(3, $1[0]) && not(or(1, 0))').key).toBe(
      '(and (istag 3 (index $1 0)) (not (or i1 i0)))',
    );
    expect(lower('if(variant(2, tuple()) == inject(2, tuple()), hash(5, 1), -1)').key).toBe(
      '(if (== (inject i2 (tuple)) (inject i2 (tuple))) (hash i5 i1) (neg i1))',
    );
  });

  it('indexes match arms by tag and binds pattern names to payload fields', () => {
    expect(lower('case $1 { Cons(h, t) => h, Nil() => 0 }').key).toBe('(case $1 [i0 (index ^0 0)] _)');
  });

  it('leaves untaken tags empty and keeps the default arm as the fallback', () => {
    expect(lower('case $1 { Wrap(w) => w, _ => 7 }').key).toBe('(case $1 [_ _ _ (index ^0 0)] i7)');
  });

  it('adjusts pattern names for the binders between the pattern and the use', () => {
    // a fold step pushes two slots, a nested case one
    expect(lower('case $1 { Wrap(w) => fold(w, 0, ^0 + w), _ => 0 }').key).toBe(
      '(case $1 [_ _ _ (fold (index ^0 0) i0 (+ ^0 (index ^2 0)))] i0)',
    );
    expect(lower('case $1 { Wrap(w) => case w { Wrap(v) => v + w, _ => w }, _ => 0 }').key).toBe(
      '(case $1 [_ _ _ (case (index ^0 0) [_ _ _ (+ (index ^0 0) (index ^1 0))] (index ^1 0))] i0)',
    );
  });

  it('lets an inner pattern name shadow an outer one', () => {
    expect(lower('case $1 { Wrap(x) => case x { Wrap(x) => x, _ => 0 }, _ => 0 }').key).toBe(
      '(case $1 [_ _ _ (case (index ^0 0) [_ _ _ (index ^0 0)] i0)] i0)',
    );
  });

  it('reads the applicative positional case with one binder per arm', () => {
    expect(lower('case($1, ^0, ^0[1])', 'ddir').key).toBe('(case $1 [^0 (index ^0 1)] _)');
  });

  it('reports problems with positions and returns no term', () => {
    expect(lower('Cons($0)')).toEqual({ key: null, codes: ['constructor-arity'] });
    expect(lower('Const($0)')).toEqual({ key: null, codes: ['unknown-constructor'] });
    expect(lower('size($0)')).toEqual({ key: null, codes: ['unknown-builtin'] });
    expect(lower('$2')).toEqual({ key: null, codes: ['dollar-range'] });
    expect(lower('^0')).toEqual({ key: null, codes: ['binder-outside'] });
    expect(lower('fold($1, 0, ^2)')).toEqual({ key: null, codes: ['binder-range'] });
    expect(lower('case $1 { Cons(h, t) => h }')).toEqual({ key: null, codes: ['missing-arm'] });
    expect(lower('proj($1, $0)')).toEqual({ key: null, codes: ['literal-expected'] });
  });

  it('reports every independent mistake in one term', () => {
    expect(lower('tuple(size(1), ^3, $5)').codes).toEqual([
      'unknown-builtin',
      'binder-outside',
      'dollar-range',
    ]);
  });

  it('allows $2 where the row has three fields (join)', () => {
    expect(lower('$2[0]', 'ddp', 2).key).toBe('(index $2 0)');
  });
});

describe('lowerProjection', () => {
  it('keeps splices and terms in order and treats a missing `;` as all key', () => {
    const { ast } = parse('let x = MAP(INPUT 0, ($0, $1[0] + 1));', 'ddir');
    const stmt = ast.stmts[0];
    if (stmt?.kind !== 'let' || stmt.expr.kind !== 'op' || stmt.expr.op.kind !== 'map')
      throw new Error('no map');
    const diagnostics: Diagnostic[] = [];
    const proj = lowerProjection(stmt.expr.op.proj, { cons: CONS, maxDollar: 1 }, diagnostics);
    expect(diagnostics).toEqual([]);
    expect(proj?.key.map((f) => (f.k === 'splice' ? `$${f.index}*` : termKey(f.term)))).toEqual([
      '$0*',
      '(+ (index $1 0) i1)',
    ]);
    expect(proj?.val).toEqual([]);
  });
});

describe('lowerClosedTerm', () => {
  it('lowers a command-line value', () => {
    const { term } = parseClosedTerm('inject(2,tuple(1,list(7,8)))');
    if (term === null) throw new Error('parse failed');
    const lowered = lowerClosedTerm(term);
    expect(lowered.diagnostics).toEqual([]);
    expect(lowered.term === null ? null : termKey(lowered.term)).toBe('(inject i2 (tuple i1 (list i7 i8)))');
  });

  it('rejects constructors and row references', () => {
    const { term } = parseClosedTerm('tuple(Node(1),2)');
    if (term === null) throw new Error('parse failed');
    expect(lowerClosedTerm(term).diagnostics.map((d) => d.code)).toEqual(['unknown-constructor']);
    const dollar: TermAst = { kind: 'dollar', index: 0, span: { start: 0, end: 2 } };
    expect(lowerClosedTerm(dollar)).toMatchObject({
      term: null,
      diagnostics: [{ code: 'dollar-in-closed-term' }],
    });
  });
});

describe('case over huge tags (found by tests/fuzz/compile.test.ts)', () => {
  const huge: ConInfo = { name: 'Far', arity: 0, tag: 412_800_072, span: { start: 0, end: 0 } };
  const ctx: TermContext = { cons: new Map([...CONS, ['Far', huge]]), maxDollar: 1 };
  const lowerWith = (text: string): Diagnostic[] => {
    const diagnostics: Diagnostic[] = [];
    lowerTerm(written(text), ctx, diagnostics);
    return diagnostics;
  };

  it('rejects an arm for a tag past MAX_CASE_TAG instead of building millions of empty arms', () => {
    const [d] = lowerWith('case $1 { Far() => 1, _ => 0 }');
    expect(d?.code).toBe('case-tag-range');
    expect(d?.message).toMatch(/tag 412800072.*up to 65535/);
  });

  it('names only the first few missing tags', () => {
    const [d] = lowerWith('case $1 { Wrap(x) => x }');
    expect(d?.message).toMatch(/no arm for tag 0 \(`Nil`\), tag 1 \(`Cons`\) or tag 2;/);
    const top: ConInfo = { name: 'Top', arity: 0, tag: 65_535, span: { start: 0, end: 0 } };
    const diagnostics: Diagnostic[] = [];
    lowerTerm(
      written('case $1 { Top() => 1 }'),
      { cons: new Map([['Top', top]]), maxDollar: 1 },
      diagnostics,
    );
    expect(diagnostics[0]?.message).toMatch(/tag 3, tag 4 or 65530 more;/);
  });
});
