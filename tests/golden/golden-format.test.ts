import { describe, it, expect } from 'vitest';
import { LineIndex } from '../../src/lang/source.js';
import { formatDiagnostic, formatDiagnostics, parseGoldenText } from './golden-format.js';

describe('parseGoldenText', () => {
  it('splits named cases into source and expected lines, ignoring the preamble and blank lines', () => {
    const text = [
      'A free-form preamble.',
      '# first case',
      'let a = x;',
      '',
      'let b = y;',
      '==>',
      '1:1-1:2 code: message',
      '',
      '# second case [ddir]',
      '==>',
      '',
    ].join('\n');
    expect(parseGoldenText(text)).toEqual([
      { name: 'first case', source: 'let a = x;\n\nlet b = y;', expected: ['1:1-1:2 code: message'], syntax: null, line: 2 },
      { name: 'second case [ddir]', source: '', expected: [], syntax: 'ddir', line: 9 },
    ]);
  });

  it('rejects a case without its `==>` line', () => {
    expect(() => parseGoldenText('# a\nlet a = x;\n# b\n==>\n', 'f.txt')).toThrow(/f\.txt:1: case "a"/);
    expect(() => parseGoldenText('# a\nlet a = x;\n')).toThrow(/no `==>`/);
  });
});

describe('formatDiagnostic', () => {
  it('prints 1-based line:col ranges with an exclusive end, the code and the message', () => {
    const index = new LineIndex('ab\ncdef');
    const d = { severity: 'error' as const, code: 'x-y', message: 'boom', span: { start: 1, end: 5 } };
    expect(formatDiagnostic(d, index)).toBe('1:2-2:3 x-y: boom');
    expect(formatDiagnostic({ ...d, severity: 'warning' }, index)).toBe('1:2-2:3 x-y (warning): boom');
  });

  it('orders diagnostics by position', () => {
    const index = new LineIndex('abcdef');
    const at = (start: number, end: number) => ({ severity: 'error' as const, code: 'c', message: 'm', span: { start, end } });
    expect(formatDiagnostics([at(3, 4), at(0, 2), at(0, 1)], index)).toEqual([
      '1:1-1:2 c: m',
      '1:1-1:3 c: m',
      '1:4-1:5 c: m',
    ]);
  });
});
