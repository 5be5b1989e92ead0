import { describe, it, expect } from 'vitest';
import { group, join, line, nest, render, softline } from './doc.js';
import type { Doc } from './doc.js';

const list = (items: string[]): Doc =>
  group(['f(', nest([softline, join(items, [',', line()])]), softline, ')']);

describe('render', () => {
  it('lays a group out flat when it fits', () => {
    expect(render(list(['a', 'b']), 80)).toBe('f(a, b)');
  });

  it('breaks every line of a group that does not fit, indenting nested parts', () => {
    expect(render(list(['aaaa', 'bbbb']), 8)).toBe('f(\n    aaaa,\n    bbbb\n)');
  });

  it('decides inner groups separately, outermost first', () => {
    const doc = group(['x', nest([line(), list(['a', 'b']), line(), list(['c'])])]);
    expect(render(doc, 12)).toBe('x\n    f(a, b)\n    f(c)');
  });

  it('counts the text after a group up to the next break when deciding', () => {
    expect(render([list(['a']), ' long tail'], 8)).toBe('f(\n    a\n) long tail');
  });

  it('starts new lines with the given indentation', () => {
    expect(render(list(['aaaa', 'bbbb']), 10, '  ')).toBe('f(\n      aaaa,\n      bbbb\n  )');
  });
});
