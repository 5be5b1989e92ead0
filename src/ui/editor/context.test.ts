import { describe, expect, it } from 'vitest';
import { cursorContext } from './context.js';

// The context at the `‸` in `marked`.
function at(marked: string, syntax: 'ddp' | 'ddir' = 'ddp') {
  const offset = marked.indexOf('‸');
  return cursorContext(marked.replace('‸', ''), offset, syntax);
}

describe('cursorContext', () => {
  it('sees the start of a statement at the top, after `;` and inside a scope', () => {
    expect(at('‸').kind).toBe('statement');
    expect(at('let a = input 0;\nle‸').kind).toBe('statement');
    expect(at('s: {\n  ‸\n}').kind).toBe('statement');
  });

  it('sees an operator after `|` and a collection after `=`, `+` and in join’s first argument', () => {
    expect(at('let a = b | ‸').kind).toBe('operator');
    expect(at('let a = b | jo‸').kind).toBe('operator');
    expect(at('let a = ‸').kind).toBe('collection');
    expect(at('let a = b + ‸').kind).toBe('collection');
    expect(at('let a = b | join(‸').kind).toBe('collection');
  });

  it('sees a term inside projections, filters and join’s projection', () => {
    expect(at('let a = b | key(‸').kind).toBe('term');
    expect(at('let a = b | join(c, ($0 ; tu‸').kind).toBe('term');
    expect(at('let a = b | filter(not(‸').kind).toBe('term');
  });

  it('sees patterns in a case arm and the field of a child scope after `::`', () => {
    expect(at('let a = b | key(case $1 { ‸').kind).toBe('pattern');
    expect(at('let a = b | key(case $1 { A(x) => x, ‸').kind).toBe('pattern');
    expect(at('let a = b | key(case $1 { A(x) => ‸').kind).toBe('term');
    expect(at('export "r" = reach::‸')).toMatchObject({ kind: 'field', scope: 'reach' });
  });

  it('sees a trace name inside import "…" and nothing inside other strings or comments', () => {
    expect(at('let a = import "ro‸"')).toMatchObject({
      kind: 'trace',
      prefix: 'ro',
      range: { start: 16, end: 18 },
    });
    expect(at('let a = import "‸').kind).toBe('trace');
    expect(at('export "ro‸" = a;').kind).toBe('none');
    expect(at('-- let a = b | ‸').kind).toBe('none');
    expect(at('let a = b | inspect(‸').kind).toBe('none');
  });

  it('follows the argument positions of applicative calls', () => {
    expect(at('let a = MAP(‸', 'ddir').kind).toBe('collection');
    expect(at('let a = MAP(b, (‸', 'ddir').kind).toBe('term');
    expect(at('let a = REDUCE(b, ‸', 'ddir').kind).toBe('reducer');
    expect(at('let a = JOIN(b, ‸', 'ddir').kind).toBe('collection');
    expect(at('let a = b | ‸', 'ddir').kind).toBe('none');
  });

  it('replaces the whole word under the cursor', () => {
    expect(at('let a = b | dis‸tinct;')).toMatchObject({ range: { start: 12, end: 20 }, prefix: 'dis' });
  });
});
