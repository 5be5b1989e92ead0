import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';

describe('parseArgs', () => {
  it('reads run with its session options in any order and either spelling', () => {
    expect(
      parseArgs(['run', 's.txt', '--json', '--workers', '4', '--max-iterations=50', '--max-seconds', '0.5']),
    ).toEqual({
      command: 'run',
      script: 's.txt',
      session: { json: true, workers: 4, maxIterations: 50, maxSeconds: 0.5 },
    });
    expect(parseArgs(['run', '-w2', 's.txt'])).toMatchObject({ session: { workers: 2, json: false } });
    expect(parseArgs(['run', '-w', '3', 's.txt'])).toMatchObject({ session: { workers: 3 } });
  });

  it('starts the repl when no subcommand is given', () => {
    expect(parseArgs([])).toEqual({ command: 'repl', session: { json: false, workers: 1 } });
    expect(parseArgs(['repl', '--json'])).toEqual({ command: 'repl', session: { json: true, workers: 1 } });
  });

  it('reads check, plan, help and version', () => {
    expect(parseArgs(['check', 'a.ddp', 'b.ddir', '--json'])).toEqual({
      command: 'check',
      files: ['a.ddp', 'b.ddir'],
      json: true,
    });
    expect(parseArgs(['plan', 'a.ddp'])).toEqual({ command: 'plan', file: 'a.ddp', json: false });
    expect(parseArgs(['--help'])).toEqual({ command: 'help', topic: null });
    expect(parseArgs(['help', 'run'])).toEqual({ command: 'help', topic: 'run' });
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
  });

  it('explains usage mistakes', () => {
    expect(parseArgs(['run'])).toEqual({ usage: 'run: which session script? (ddir run SESSION.txt)' });
    expect(parseArgs(['run', 'a.txt', 'b.txt'])).toEqual({ usage: 'run: unexpected argument "b.txt"' });
    expect(parseArgs(['run', 'a.txt', '--workers', '0'])).toEqual({
      usage: 'run: --workers needs a positive whole number, got "0"',
    });
    expect(parseArgs(['run', 'a.txt', '--max-seconds'])).toEqual({
      usage: 'run: --max-seconds needs a value',
    });
    expect(parseArgs(['run', 'a.txt', '--fast'])).toEqual({ usage: 'run: unknown option --fast' });
    expect(parseArgs(['check'])).toEqual({ usage: 'check: which files? (ddir check FILE…)' });
    expect(parseArgs(['check', 'a.ddp', '--workers', '2'])).toEqual({
      usage: 'check: unknown option --workers',
    });
    expect(parseArgs(['fly'])).toEqual({
      usage: 'unknown command "fly" (commands: run, repl, check, plan, help)',
    });
    expect(parseArgs(['help', 'fly'])).toMatchObject({ usage: expect.stringMatching(/no command "fly"/) });
  });
});
