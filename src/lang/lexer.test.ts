import { describe, it, expect } from 'vitest';
import { lex, isWord } from './lexer.js';

function kinds(text: string): string[] {
  return lex(text).tokens.map((t) => (t.kind === 'punct' || t.kind === 'ident' ? t.text : t.kind));
}

describe('lex', () => {
  it('splits words, numbers, strings and punctuation, ending with eof', () => {
    expect(kinds('let a = input 0 | key($0[1] ; "x");')).toEqual([
      'let',
      'a',
      '=',
      'input',
      'int',
      '|',
      'key',
      '(',
      '$',
      'int',
      '[',
      'int',
      ']',
      ';',
      'string',
      ')',
      ';',
      'eof',
    ]);
  });

  it('prefers two-character operators', () => {
    expect(kinds('== != <= >= && => :: < > = :')).toEqual([
      '==',
      '!=',
      '<=',
      '>=',
      '&&',
      '=>',
      '::',
      '<',
      '>',
      '=',
      ':',
      'eof',
    ]);
  });

  it('skips comments to the end of the line but keeps a single minus', () => {
    expect(kinds('a - b -- c d\ne')).toEqual(['a', '-', 'b', 'e', 'eof']);
  });

  it('gives every token its half-open span', () => {
    const { tokens } = lex('ab  "cd"\n12');
    expect(tokens.map((t) => [t.span.start, t.span.end])).toEqual([
      [0, 2],
      [4, 8],
      [9, 11],
      [11, 11],
    ]);
  });

  it('reads integer literals as exact bigints', () => {
    const [tok] = lex('9223372036854775807').tokens;
    expect(tok?.kind === 'int' ? tok.value : null).toBe(9223372036854775807n);
    expect(lex('9223372036854775807').diagnostics).toEqual([]);
  });

  it('reports an integer literal past the 64-bit range', () => {
    const { diagnostics } = lex('9223372036854775808');
    expect(diagnostics.map((d) => d.code)).toEqual(['int-out-of-range']);
    expect(diagnostics[0]?.span).toEqual({ start: 0, end: 19 });
  });

  it('keeps string contents verbatim without the quotes', () => {
    const [tok] = lex('"random:nodes=10, edges=5"').tokens;
    expect(tok).toMatchObject({ kind: 'string', text: 'random:nodes=10, edges=5' });
  });

  it('ends an unterminated string at the end of its line', () => {
    const { tokens, diagnostics } = lex('"abc\r\nd');
    expect(tokens[0]).toMatchObject({ kind: 'string', text: 'abc' });
    expect(tokens[1]).toMatchObject({ kind: 'ident', text: 'd' });
    expect(diagnostics).toMatchObject([{ code: 'unterminated-string', span: { start: 0, end: 4 } }]);
  });

  it('reads a lone `&` as `&&` after reporting it', () => {
    const { tokens, diagnostics } = lex('a & b');
    expect(tokens[1]).toMatchObject({ kind: 'punct', text: '&&' });
    expect(diagnostics.map((d) => d.code)).toEqual(['single-ampersand']);
  });

  it('skips a lone `!` after reporting it', () => {
    const { diagnostics } = lex('!a');
    expect(kinds('!a')).toEqual(['a', 'eof']);
    expect(diagnostics[0]?.message).toContain('not(x)');
  });

  it('reports a run of unexpected characters once', () => {
    const { diagnostics } = lex('a @#% b');
    expect(diagnostics).toMatchObject([{ code: 'unexpected-char', span: { start: 2, end: 5 } }]);
    expect(diagnostics[0]?.message).toBe('unexpected characters `@#%`');
  });

  it('names invisible characters by code point and keeps astral characters whole', () => {
    expect(lex('\u000b').diagnostics[0]?.message).toBe('unexpected character U+000B');
    expect(lex('😀').diagnostics[0]?.span).toEqual({ start: 0, end: 2 });
  });

  it('ignores a leading byte-order mark', () => {
    expect(lex('\ufefflet').diagnostics).toEqual([]);
  });
});

describe('isWord', () => {
  it('accepts identifiers and rejects everything else', () => {
    expect(['a', '_x1', 'MAP'].map(isWord)).toEqual([true, true, true]);
    expect(['', '1a', 'a b', 'é'].map(isWord)).toEqual([false, false, false, false]);
  });
});
