import { describe, expect, it } from 'vitest';
import { hoverAt } from './hover.js';
import { SAMPLE_PROGRAM } from '../sample.js';

// The hover over the `nth` occurrence of `needle` in `text`.
function hoverOn(text: string, needle: string, nth = 0, syntax: 'ddp' | 'ddir' = 'ddp') {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return hoverAt(text, at, syntax);
}

describe('hoverAt', () => {
  it('explains operators, builtins and keywords', () => {
    expect(hoverOn(SAMPLE_PROGRAM, 'distinct')?.markdown).toContain('Reducer');
    expect(hoverOn(SAMPLE_PROGRAM, 'join')?.markdown).toMatch(/^`join\(OTHER, \(K ; V\)\)`/);
    expect(hoverOn('let a = input 0 | filter(not($1));', 'not')?.markdown).toContain('not truthy');
    expect(hoverOn(SAMPLE_PROGRAM, 'var')?.markdown).toContain('feedback variable');
    expect(hoverOn('let a = MAP(INPUT 0, ($0 ;));', 'MAP', 0, 'ddir')?.markdown).toMatch(/^`MAP\(e, /);
  });

  it('says what a name is bound to, resolved in the scope it is written in', () => {
    const edges = hoverOn(SAMPLE_PROGRAM, 'edges', 1);
    expect(edges?.markdown).toContain('let edges = input 0 | key($0[0] ; $0[1]);');
    expect(edges?.markdown).toContain('the root scope');
    expect(hoverOn(SAMPLE_PROGRAM, 'reach |')?.markdown).toContain('var reach = roots + next | distinct;');
    expect(hoverOn(SAMPLE_PROGRAM, 'reach:')?.markdown).toContain('An iterating scope');
    const field = hoverAt(SAMPLE_PROGRAM, SAMPLE_PROGRAM.indexOf('reach::reach') + 8, 'ddp');
    expect(field?.markdown).toContain('var reach');
  });

  it('explains `$n`, `^k` and constructors', () => {
    const dollar = hoverOn(SAMPLE_PROGRAM, '$2');
    expect(dollar?.markdown).toContain('right value');
    expect(dollar?.range.end).toBe((dollar?.range.start ?? 0) + 2);
    const con = hoverOn('con Fwd(1) = 7;\nlet a = input 0 | key(Fwd($0) ;);', 'Fwd', 1);
    expect(con?.markdown).toContain('inject(7, tuple(f0))');
  });

  it('gives nothing for comments, numbers, strings and unknown words', () => {
    expect(hoverOn(SAMPLE_PROGRAM, 'Reachability')).toBeNull();
    expect(hoverOn('let a = input 0;', '0')).toBeNull();
    expect(hoverOn(SAMPLE_PROGRAM, '"reach"')).toBeNull();
    expect(hoverOn(SAMPLE_PROGRAM, 'reached')).toBeNull();
  });
});
