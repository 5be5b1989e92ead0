import { describe, it, expect } from 'vitest';
import { withoutSpans } from './ast-arbitrary.js';
import { parse, parseClosedTerm, syntaxOf } from './parse.js';

describe('syntaxOf', () => {
  it('reads `.ddir` files as applicative and everything else as pipe syntax', () => {
    expect(syntaxOf('prog.ddir')).toBe('ddir');
    expect(syntaxOf('dir/PROG.DDIR')).toBe('ddir');
    expect(syntaxOf('prog.ddp')).toBe('ddp');
    expect(syntaxOf('notes.txt')).toBe('ddp');
  });
});

describe('parse', () => {
  it('returns diagnostics sorted by position, lexical and syntactic alike', () => {
    const { diagnostics } = parse('let a = x | ;\nlet b = y @;', 'ddp');
    expect(diagnostics.map((d) => d.code)).toEqual(['expected-token', 'unexpected-char']);
  });

  it('records which syntax it parsed', () => {
    expect(parse('', 'ddir').ast.syntax).toBe('ddir');
  });
});

describe('parseClosedTerm', () => {
  it('parses a closed term such as a command-line value', () => {
    const { term, diagnostics } = parseClosedTerm('inject(2,tuple(1,-2))');
    expect(diagnostics).toEqual([]);
    expect(withoutSpans(term)).toEqual({
      kind: 'call',
      callee: { name: 'inject' },
      args: [
        { kind: 'int', value: 2n },
        {
          kind: 'call',
          callee: { name: 'tuple' },
          args: [
            { kind: 'int', value: 1n },
            { kind: 'neg', operand: { kind: 'int', value: 2n } },
          ],
        },
      ],
    });
  });

  it('rejects text left over after the value', () => {
    const { term, diagnostics } = parseClosedTerm('list(7,8))x');
    expect(term).toBeNull();
    expect(diagnostics).toMatchObject([{ code: 'trailing-input', span: { start: 9, end: 11 } }]);
  });

  it('rejects row fields, which a closed value cannot have', () => {
    const { term, diagnostics } = parseClosedTerm('tuple($0, $1)');
    expect(term).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['open-term', 'open-term']);
  });

  it('rejects an empty value and a broken one with one diagnostic each', () => {
    expect(parseClosedTerm('').diagnostics.map((d) => d.code)).toEqual(['expected-token']);
    expect(parseClosedTerm('tuple(1,').diagnostics.map((d) => d.code)).toEqual(['expected-token']);
  });

  it('reports lexical errors and returns no term', () => {
    const { term, diagnostics } = parseClosedTerm('tuple(1@)');
    expect(term).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['unexpected-char']);
  });
});
