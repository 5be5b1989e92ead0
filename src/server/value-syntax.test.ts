import { describe, expect, it } from 'vitest';
import { ListValue, VariantValue } from '../lang/value.js';
import { parseValueToken } from './value-syntax.js';

function value(token: string): unknown {
  const r = parseValueToken(token);
  if ('error' in r) throw new Error(r.error);
  return r.value;
}

function error(token: string): string {
  const r = parseValueToken(token);
  return 'error' in r ? r.error : `no error, got ${String(r.value)}`;
}

describe('command-line values', () => {
  it('reads comma-separated integers as a tuple of ints', () => {
    expect(value('1,2')).toEqual([1, 2]);
    expect(value('5')).toEqual([5]);
    expect(value('-3,0')).toEqual([-3, 0]);
    expect(value('9223372036854775807')).toEqual([9223372036854775807n]);
  });

  it('reads _ and the empty token as unit', () => {
    expect(value('_')).toEqual([]);
    expect(value('')).toEqual([]);
  });

  it('evaluates closed terms for structured values', () => {
    expect(value('inject(2,tuple(1,2))')).toEqual(new VariantValue(2, [1, 2]));
    expect(value('list(7,8,9)')).toEqual(new ListValue([7, 8, 9]));
    expect(value('tuple()')).toEqual([]);
    expect(value('1-2')).toBe(-1);
  });

  it('rejects text left over after the value', () => {
    expect(error('1,,2')).toMatch(/not a value: "1,,2"/);
    expect(error('3)')).toMatch(/not a value: "3\)"/);
  });

  it('rejects terms that mention the row or fail to evaluate', () => {
    expect(error('$0')).toMatch(/not a value/);
    expect(error('inject(oops)')).toMatch(/not a value/);
    expect(error('tuple(1)[3]')).toMatch(/not a value/);
    expect(error('99999999999999999999')).toMatch(/not a value/);
  });
});
