import { describe, expect, it } from 'vitest';
import { formatChange, markPrediction, parsePrediction, tickChanges } from './predict.js';
import type { TraceData } from '../state/trace-data.js';
import type { DemoChange } from '../../demos/catalog.js';

describe('parsePrediction', () => {
  it('reads KEY VAL DIFF in the session value syntax', () => {
    expect(parsePrediction('3 _ -1\n  1,2 5 +1\n\n# a comment\ninject(1,7) list(1) 2')).toEqual({
      changes: [
        [[3], [], -1],
        [[1, 2], [5], 1],
        [{ tag: 1, val: 7 }, { list: [1] }, 2],
      ],
      problems: [],
    });
  });

  it('reads JSON rows, one per line or as one list', () => {
    const expected = [
      [[3], [], -1],
      [[4], { list: [[0], [3]] }, 1],
    ];
    expect(parsePrediction('[[3],[],-1]\n[[4],{"list":[[0],[3]]},1]').changes).toEqual(expected);
    expect(parsePrediction('[[[3],[],-1],\n [[4],{"list":[[0],[3]]},1]]').changes).toEqual(expected);
  });

  it('says which line it cannot read, and why', () => {
    const { changes, problems } = parsePrediction('3 -1\n3 _ 0\n3) _ 1\n[1,2]\n[[3],[],1');
    expect(changes).toEqual([]);
    expect(problems).toEqual([
      expect.stringMatching(/^line 1: write KEY VAL DIFF/),
      expect.stringMatching(/^line 2: DIFF must be a non-zero integer/),
      expect.stringMatching(/^line 3: KEY: /),
      expect.stringMatching(/^line 4: a JSON change is \[key, val, diff\]/),
      'line 5: not valid JSON',
    ]);
  });
});

describe('markPrediction', () => {
  it('marks predicted changes right or wrong and lists the missed ones', () => {
    const actual: DemoChange[] = [
      [[4], [], -1],
      [[5], [], -1],
    ];
    const marking = markPrediction(
      [
        [[5], [], -1],
        [[3], [], -1],
        [[4], [], 1],
      ],
      actual,
    );
    expect(marking.marked.map((m) => m.right)).toEqual([true, false, false]);
    expect(marking.missed).toEqual([]);
    expect(markPrediction([], [[[4], [], -1]]).missed).toEqual([[[4], [], -1]]);
  });

  it('reads a trace’s last tick as signed changes', () => {
    const trace: TraceData = {
      name: 't',
      rows: [],
      history: [],
      lastTick: { added: [[[1], [2], 1]], removed: [[[1], [3], 2]] },
    };
    expect(tickChanges(trace)).toEqual([
      [[1], [2], 1],
      [[1], [3], -2],
    ]);
    expect(tickChanges(undefined)).toEqual([]);
    expect(formatChange([[1], [], -1])).toBe('(1) ; ()  -1');
  });
});
