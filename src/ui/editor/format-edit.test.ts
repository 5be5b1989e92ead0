import { describe, expect, it } from 'vitest';
import { formatEdit, minimalEdit } from './format-edit.js';

function apply(text: string, edit: { start: number; end: number; text: string } | null): string {
  return edit === null ? text : text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('formatEdit', () => {
  it('formats a program, keeping its comments, with the smallest edit', () => {
    const text = 'let a=input 0|key($0;);   -- keep me\nexport "x"=a;\n';
    const edit = formatEdit(text, 'ddp');
    expect(apply(text, edit)).toBe('let a = input 0 | key($0 ;); -- keep me\nexport "x" = a;\n');
    expect(edit?.start).toBe(5);
  });

  it('leaves a formatted or a broken file alone', () => {
    expect(formatEdit('let a = input 0;\n', 'ddp')).toBeNull();
    expect(formatEdit('let a = ;\n', 'ddp')).toBeNull();
  });

  it('finds the changed middle of two texts', () => {
    expect(minimalEdit('abcXYdef', 'abcZdef')).toEqual({ start: 3, end: 5, text: 'Z' });
    expect(minimalEdit('aaa', 'aaaa')).toEqual({ start: 3, end: 3, text: 'a' });
    expect(minimalEdit('same', 'same')).toBeNull();
  });
});
