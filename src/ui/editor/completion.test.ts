import { describe, expect, it } from 'vitest';
import { completionsAt } from './completion.js';
import { SAMPLE_PROGRAM } from '../sample.js';

function labels(marked: string, traces: readonly string[] = [], syntax: 'ddp' | 'ddir' = 'ddp'): string[] {
  const offset = marked.indexOf('‸');
  return completionsAt(marked.replace('‸', ''), offset, { syntax, traces }).map((i) => i.label);
}

// The sample program with `‸` inserted before `needle`.
function inSample(needle: string, insert = '‸'): string {
  const at = SAMPLE_PROGRAM.indexOf(needle);
  return SAMPLE_PROGRAM.slice(0, at) + insert + SAMPLE_PROGRAM.slice(at);
}

describe('completionsAt', () => {
  it('offers the operators after `|`, join among them, as snippets', () => {
    const offset = 'let a = b | '.length;
    const items = completionsAt('let a = b | ', offset, { syntax: 'ddp' });
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['join', 'distinct', 'key', 'inspect']));
    const join = items.find((i) => i.label === 'join');
    expect(join).toMatchObject({ kind: 'operator', snippet: true, insertText: 'join(${1:other}, ($2))' });
    expect(join?.documentation).toContain('Equi-join');
  });

  it('offers the names in scope, innermost first, with child-scope fields', () => {
    const inside = labels(inSample('roots + next', '‸ + '));
    expect(inside.slice(0, 4)).toEqual(['next', 'reach', 'edges', 'roots']);
    const outside = labels(`${SAMPLE_PROGRAM}let z = ‸`);
    expect(outside).toEqual(
      expect.arrayContaining(['edges', 'roots', 'reach::next', 'reach::reach', 'input', 'import']),
    );
    expect(outside).not.toContain('next');
  });

  it('offers the fields of a child scope after `::`', () => {
    expect(labels(`${SAMPLE_PROGRAM}let z = reach::‸`)).toEqual(['next', 'reach']);
  });

  it('offers published traces and generated sources inside import "…"', () => {
    expect(labels('let a = import "‸"', ['reach', 'labels'])).toEqual([
      'reach',
      'labels',
      'clock',
      'iota:N',
      'random:nodes=N,edges=E',
    ]);
  });

  it('offers builtins and declared constructors in terms, constructors and `_` in patterns', () => {
    const program = 'con Fwd(1) = 0;\ncon Bwd(1) = 1;\nlet a = input 0 | key(‸';
    const terms = labels(program);
    expect(terms).toEqual(expect.arrayContaining(['tuple', 'hash', 'case', 'Fwd', 'Bwd']));
    expect(labels('con Fwd(1) = 0;\nlet a = input 0 | key(case $1 { ‸')).toEqual(['Fwd', '_']);
  });

  it('offers statement keywords at a statement start and nothing in comments', () => {
    expect(labels('‸')).toEqual(['let', 'var', 'export', 'con']);
    expect(labels('‸', [], 'ddir')).toEqual(['let', 'var', 'export']);
    expect(labels('-- a comment ‸')).toEqual([]);
  });

  it('offers applicative calls in `.ddir` collections and reducers in REDUCE', () => {
    expect(labels('let e = INPUT 0;\nlet a = ‸', [], 'ddir')).toEqual(
      expect.arrayContaining(['e', 'MAP', 'JOIN', 'REDUCE', 'INPUT']),
    );
    expect(labels('let a = REDUCE(INPUT 0, ‸', [], 'ddir')).toEqual(['MIN', 'DISTINCT', 'COUNT', 'COLLECT']);
  });
});
