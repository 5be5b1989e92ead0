import { describe, expect, it } from 'vitest';
import { compareTraces, isPrefix, liveBranch } from './runs.js';
import type { JournalEntry } from '../backend/protocol.js';

const install = (text: string): JournalEntry => ({ line: 'install p p.ddp', file: { name: 'p.ddp', text } });
const feed: JournalEntry = { line: 'feed p 0 1' };
const tick: JournalEntry = { line: 'tick' };

describe('the timeline', () => {
  it('keeps the branch while the journal is a prefix of it', () => {
    const branch = [install('a'), feed, tick];
    expect(liveBranch([install('a')], branch)).toBe(branch);
    expect(liveBranch([], branch)).toBe(branch);
    // Back at the end, or a different command: the branch is gone (a fork).
    expect(liveBranch(branch, branch)).toBeNull();
    expect(liveBranch([install('a'), tick], branch)).toBeNull();
  });

  it('tells installs of different program texts apart', () => {
    expect(isPrefix([install('a')], [install('a'), tick])).toBe(true);
    expect(isPrefix([install('b')], [install('a'), tick])).toBe(false);
  });

  it('compares two runs per trace: rows added and removed', () => {
    const before = [
      { name: 'reach', rows: [[[1], [], 1] as const, [[2], [], 1] as const] },
      { name: 'gone', rows: [[[9], [], 1] as const] },
    ];
    const after = [{ name: 'reach', rows: [[[2], [], 2] as const, [[3], [], 1] as const] }];
    expect(compareTraces(before, after)).toEqual([
      { name: 'gone', added: [], removed: [[[9], [], 1]], only: 'before' },
      {
        name: 'reach',
        added: [
          [[2], [], 1],
          [[3], [], 1],
        ],
        removed: [[[1], [], 1]],
      },
    ]);
  });
});
