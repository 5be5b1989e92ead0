import { describe, expect, it } from 'vitest';
import { helpText, parseCommand } from './commands.js';

describe('parseCommand', () => {
  it('ignores blank lines and comments', () => {
    expect(parseCommand('')).toBeNull();
    expect(parseCommand('   ')).toBeNull();
    expect(parseCommand('# a note')).toBeNull();
    expect(parseCommand('  -- a note')).toBeNull();
  });

  it('reads install, tick, drop, list, help and exit', () => {
    expect(parseCommand('install reach programs/reach.ddp')).toEqual({
      kind: 'install',
      name: 'reach',
      file: 'programs/reach.ddp',
    });
    expect(parseCommand('  tick  ')).toEqual({ kind: 'tick' });
    expect(parseCommand('drop reach')).toEqual({ kind: 'drop', name: 'reach' });
    expect(parseCommand('list')).toEqual({ kind: 'list' });
    expect(parseCommand('help')).toEqual({ kind: 'help' });
    expect(parseCommand('quit')).toEqual({ kind: 'exit' });
    expect(parseCommand('exit')).toEqual({ kind: 'exit' });
  });

  it('reads a feed with defaults', () => {
    expect(parseCommand('feed prod 0 1,2')).toEqual({
      kind: 'feed',
      program: 'prod',
      input: 0,
      key: [1, 2],
      val: [],
      time: null,
      diff: 1,
    });
  });

  it('reads feed options, the last of a repeated option counting', () => {
    expect(parseCommand('feed p 1 5 val=7,8 time=3 diff=-2 diff=4')).toEqual({
      kind: 'feed',
      program: 'p',
      input: 1,
      key: [5],
      val: [7, 8],
      time: 3,
      diff: 4,
    });
  });

  it('rejects unknown feed options and malformed numbers', () => {
    expect(parseCommand('feed p 0 1 bogus=1')).toEqual({
      error: 'feed: unknown option "bogus=1" (expected val=, time= or diff=)',
    });
    expect(parseCommand('feed p 0 1 extra')).toMatchObject({
      error: expect.stringMatching(/unknown option/),
    });
    expect(parseCommand('feed p x 1')).toMatchObject({ error: expect.stringMatching(/input index/) });
    expect(parseCommand('feed p 0 1 time=-1')).toMatchObject({ error: expect.stringMatching(/time=/) });
    expect(parseCommand('feed p 0 1 diff=x')).toMatchObject({ error: expect.stringMatching(/diff=/) });
    expect(parseCommand('feed p 0 1,,2')).toMatchObject({ error: expect.stringMatching(/not a value/) });
    expect(parseCommand('feed p 0')).toEqual({
      error: 'usage: feed PROG IN VALUE [val=VALUE] [time=T] [diff=D]',
    });
  });

  it('reads peek of a whole trace or of one key', () => {
    expect(parseCommand('peek result')).toEqual({ kind: 'peek', trace: 'result', key: null });
    expect(parseCommand('peek result 2')).toEqual({ kind: 'peek', trace: 'result', key: [2] });
    expect(parseCommand('peek result 3)')).toMatchObject({
      error: expect.stringMatching(/^peek: not a value/),
    });
  });

  it('rejects unknown commands and wrong argument counts', () => {
    expect(parseCommand('launch x')).toEqual({ error: 'unknown command "launch" (try help)' });
    expect(parseCommand('install reach')).toEqual({ error: 'usage: install NAME FILE' });
    expect(parseCommand('drop')).toEqual({ error: 'usage: drop NAME' });
    expect(parseCommand('tick 2')).toEqual({ error: 'usage: tick' });
    expect(parseCommand('peek a b c')).toEqual({ error: 'usage: peek TRACE [KEY]' });
  });

  it('explains every command in help', () => {
    const text = helpText();
    for (const word of ['install', 'feed', 'tick', 'drop', 'peek', 'list', 'help', 'exit']) {
      expect(text).toContain(word);
    }
  });
});
