import { describe, expect, it } from 'vitest';
import { parseValueToken } from '../../server/value-syntax.js';
import { valueToJson } from '../../lang/value-json.js';
import { feedLine, jsonRowsToFeedLines } from './feed-lines.js';

describe('feed lines from forms', () => {
  it('leaves blank optional fields out', () => {
    expect(feedLine('reach', 0, { key: '1,2', val: '', time: '', diff: '' })).toBe('feed reach 0 1,2');
    expect(feedLine('reach', 1, { key: '7', val: '3', time: '4', diff: '-1' })).toBe(
      'feed reach 1 7 val=3 time=4 diff=-1',
    );
  });

  it('turns pasted JSON rows into feed lines whose values read back the same', () => {
    const rows = [
      [[1, 2], []],
      [[3, 4], [], -1],
      [{ list: [7, 8] }, { tag: 1, val: [5] }, 2],
    ];
    const result = jsonRowsToFeedLines('p', 0, JSON.stringify(rows));
    expect(result).toEqual({
      lines: ['feed p 0 1,2', 'feed p 0 3,4 diff=-1', expect.stringMatching(/^feed p 0 \S+ val=\S+ diff=2$/)],
    });
    if ('lines' in result) {
      const [, , , key, valOpt] = (result.lines[2] ?? '').split(' ');
      const k = parseValueToken(key ?? '');
      const v = parseValueToken((valOpt ?? '').slice(4));
      expect('value' in k && valueToJson(k.value)).toEqual({ list: [7, 8] });
      expect('value' in v && valueToJson(v.value)).toEqual({ tag: 1, val: [5] });
    }
  });

  it('says which pasted row is wrong', () => {
    expect(jsonRowsToFeedLines('p', 0, '[[1,2], [1.5]]')).toEqual({ error: 'Row 2: the key is not a value' });
    expect(jsonRowsToFeedLines('p', 0, '{')).toHaveProperty('error');
  });
});
