import { describe, expect, it } from 'vitest';
import { changesViews, journalEntry } from './journal.js';

describe('the command journal', () => {
  it('keeps the program text an install read, so later edits do not change a replay', () => {
    expect(journalEntry('install p a.ddp', { 'a.ddp': 'TEXT' })).toEqual({
      line: 'install p a.ddp',
      file: { name: 'a.ddp', text: 'TEXT' },
    });
  });

  it('records only commands that change the session', () => {
    expect(journalEntry('feed p 0 1,2', {})).toEqual({ line: 'feed p 0 1,2' });
    expect(journalEntry(' tick ', {})).toEqual({ line: 'tick' });
    for (const line of ['peek reach', 'list', 'help', '# note', ''])
      expect(journalEntry(line, {})).toBeNull();
  });

  it('asks for a snapshot only after commands that can change traces or the registry', () => {
    expect(['install a b', 'tick', 'drop a'].every(changesViews)).toBe(true);
    expect(['feed a 0 1', 'peek x', 'list'].some(changesViews)).toBe(false);
  });
});
