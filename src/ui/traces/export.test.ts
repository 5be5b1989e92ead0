import { describe, expect, it } from 'vitest';
import type { JsonRow } from '../state/trace-data.js';
import { deriveColumns } from './columns.js';
import { changesCsv, changesJson, contentsCsv, contentsJson, csvField } from './export.js';

describe('CSV export', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces only', () => {
    expect(csvField('12')).toBe('12');
    expect(csvField('(1, 2)')).toBe('"(1, 2)"');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField(' x')).toBe('" x"');
  });

  it('writes contents with one column per field and a mult column', () => {
    const rows: JsonRow[] = [
      [[1, 2], [[3, 4]], 1],
      [[5, 6], [{ list: [] }], -2],
    ];
    expect(contentsCsv(deriveColumns(rows), rows)).toBe(
      'key.0,key.1,val.0,mult\n1,2,"(3, 4)",1\n5,6,[],-2\n',
    );
  });

  it('writes changes with epoch first and diff last', () => {
    const changes = [{ epoch: 3, key: 7, val: [], diff: -1 }];
    expect(changesCsv(deriveColumns([], changes), changes)).toBe('epoch,key,diff\n3,7,-1\n');
  });
});

describe('JSON export', () => {
  it('writes contents as SERVER.md rows, one per line, that parse back', () => {
    const rows: JsonRow[] = [
      [1, { tag: 0, val: [] }, 1],
      ['9007199254740993', { list: [1] }, 2],
    ];
    const text = contentsJson(rows);
    expect(text).toBe('[\n  [1,{"tag":0,"val":[]},1],\n  ["9007199254740993",{"list":[1]},2]\n]');
    expect(JSON.parse(text)).toEqual(rows);
    expect(contentsJson([])).toBe('[]');
  });

  it('writes changes as epoch, key, val, diff objects', () => {
    expect(JSON.parse(changesJson([{ epoch: 1, key: 2, val: 3, diff: -1 }]))).toEqual([
      { epoch: 1, key: 2, val: 3, diff: -1 },
    ]);
  });
});
