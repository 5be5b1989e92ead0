import { describe, expect, it } from 'vitest';
import { makeStyle } from './color.js';
import { TextFormatter, showJsonValue } from './format.js';

const plain = makeStyle(false);

describe('TextFormatter', () => {
  it('holds inspect updates back and prints them as one table before the tick', () => {
    const f = new TextFormatter(plain);
    expect(
      f.push({ event: 'inspect', program: 'reach', label: 'r', key: [2], val: [], time: [0, 1], diff: 1 }),
    ).toEqual([]);
    expect(
      f.push({ event: 'inspect', program: 'reach', label: 'r', key: [3], val: [], time: [1, 2], diff: -1 }),
    ).toEqual([]);
    expect(f.push({ event: 'tick', epoch: 1 })).toEqual([
      '  program  inspect  key  val  time    diff',
      '  reach    r        (2)  ()   [0, 1]    +1',
      '  reach    r        (3)  ()   [1, 2]    -1',
      '── tick → epoch 1 ──',
    ]);
  });

  it('prints a peek as a titled table', () => {
    const f = new TextFormatter(plain);
    expect(
      f.push({
        event: 'peek',
        trace: 'edges',
        key: [1],
        rows: [
          [[1], [2], 1],
          [[1], [3], 2],
        ],
      }),
    ).toEqual(['peek edges key (1) (2 rows)', '  key  val  mult', '  (1)  (2)     1', '  (1)  (3)     2']);
  });

  it('prints the registry as two tables', () => {
    const f = new TextFormatter(plain);
    const lines = f.push({
      event: 'list',
      epoch: 2,
      traces: [{ name: 'edges', importers: 1 }],
      programs: [{ name: 'prod', origin: 'program', inputs: [0], imports: [], exports: ['edges'] }],
    });
    expect(lines).toEqual([
      'epoch 2',
      'traces (1)',
      '  name   importers',
      '  edges          1',
      'programs (1)',
      '  name  origin   inputs  imports  exports',
      '  prod  program  0       -        edges',
    ]);
  });

  it('names the script line and repeats its text under an error', () => {
    const f = new TextFormatter(plain, (n) => (n === 4 ? 'feed p 0 1,,2' : undefined));
    expect(f.push({ event: 'error', message: 'feed: not a value', line: 4 })).toEqual([
      'line 4: error: feed: not a value',
      '  4 | feed p 0 1,,2',
    ]);
  });

  it('shows structured values compactly', () => {
    expect(showJsonValue({ tag: 2, val: [1, 2] })).toBe('#2(1, 2)');
    expect(showJsonValue({ list: [7, 8] })).toBe('[7, 8]');
    expect(showJsonValue('9223372036854775807')).toBe('9223372036854775807');
  });
});
