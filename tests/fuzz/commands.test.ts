// Session commands never throw: random text, random strings of command words and valid
// command lines with words inserted, deleted or replaced go through `parseCommand` and
// through a live `Session` (with programs installed, one failing, one with a loop).
// Every rejected line gives exactly one error event and leaves the session's state —
// `list` and every trace's `peek` — unchanged; no line ever reaches the session's
// "internal error" net. Runs FUZZ_RUNS cases per property (default 1,000; `npm run fuzz`
// sets 10,000).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../src/engine/engine.js';
import { parseCommand } from '../../src/server/commands.js';
import { Session } from '../../src/server/session.js';
import type { ServerEvent } from '../../src/server/events.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

/** The files `install` can read: working, failing at run time, broken, generated, huge. */
const FILES: Readonly<Record<string, string>> = {
  'reach.ddp': [
    'let edges = input 0 | key($0[0] ; $0[1]);',
    'let roots = input 1 | key($0[0] ;);',
    'reach: {',
    '    let next = reach | join(edges, ($2 ;));',
    '    var reach = roots + next | distinct | inspect(step);',
    '}',
    'export "reachable" = reach::reach;',
  ].join('\n'),
  'pairs.ddp': 'export "pairs" = input 0 | map($0[0] ; $0[1]);',
  'count.ddp': 'export "pair_count" = import "pairs" | count;',
  'gen.ddp': 'export "gen" = import "iota:5" | map($0[0] * 2 ;);',
  'rnd.ddp': 'export "rnd" = import "random:nodes=4,edges=6" | distinct;',
  'huge.ddp': 'export "huge" = import "iota:100000000000" | distinct;',
  'clock.ddp': 'export "ticks" = import "clock" | distinct;',
  'broken.ddp': 'export "oops" = input 0 | map($0[ ;',
};

/** A fresh session with reach and pairs installed, the generated iota source in use. */
function freshSession(): Session {
  const session = new Session({
    engine: new Engine({ maxIterations: 200, maxSeconds: 2 }),
    readFile: (path) => FILES[path],
  });
  for (const line of [
    'install reach reach.ddp',
    'install pairs pairs.ddp',
    'install gen gen.ddp',
    'feed reach 0 1,2',
    'feed reach 1 1',
    'feed pairs 0 1,2',
    'tick',
  ]) {
    const events = session.executeLine(line);
    expect(events.filter((e) => e.event === 'error')).toEqual([]);
  }
  return session;
}

/** Everything observable about a session's state: its `list`, and every trace's `peek`. */
function snapshot(session: Session): ServerEvent[] {
  const list = session.list();
  return [list, ...list.traces.flatMap((t) => session.executeLine(`peek ${t.name}`))];
}

const WORDS = [
  'install',
  'feed',
  'tick',
  'drop',
  'peek',
  'list',
  'help',
  'exit',
  'quit',
  'bogus',
  'reach',
  'pairs',
  'gen',
  'count',
  'q',
  'reachable',
  'pair_count',
  'iota:5',
  'iota:05',
  'random:nodes=4,edges=6',
  'clock',
  'reach.ddp',
  'pairs.ddp',
  'count.ddp',
  'gen.ddp',
  'rnd.ddp',
  'huge.ddp',
  'clock.ddp',
  'broken.ddp',
  'missing.ddp',
  '../etc/passwd',
  '0',
  '1',
  '2',
  '-1',
  '99999999999999999999',
  '1,2',
  '1,,2',
  '5',
  '_',
  'tuple(1,2)',
  'list(7,8)',
  'inject(2,tuple())',
  '$0',
  'tuple(',
  '3)',
  'val=1',
  'val=tuple(',
  'time=0',
  'time=1',
  'time=-1',
  'time=9007199254740993',
  'diff=-1',
  'diff=0',
  'diff=x',
  'bogus=1',
  '#',
  '--',
  '<img src=x onerror=alert(1)>',
  '"',
  '\t',
];

/** Valid (or nearly valid) command lines to mutate. */
const LINES = [
  'install q count.ddp',
  'install q rnd.ddp',
  'install q huge.ddp',
  'install q clock.ddp',
  'install q broken.ddp',
  'feed reach 0 2,3',
  'feed reach 1 5 time=1',
  'feed pairs 0 5',
  'feed pairs 0 1,2 diff=-1',
  'feed reach 0 tuple(1,2) val=list(1) diff=2',
  'tick',
  'drop gen',
  'drop iota:5',
  'drop reach',
  'peek reachable',
  'peek reachable 2',
  'peek iota:5 tuple(3)',
  'peek pairs',
  'list',
  'help',
];

interface Edit {
  readonly at: number;
  readonly kind: 'insert' | 'delete' | 'replace';
  readonly word: string;
}

function edit(line: string, edits: readonly Edit[]): string {
  const words = line.split(' ');
  for (const e of edits) {
    const i = e.at % (words.length + 1);
    if (e.kind === 'insert') words.splice(i, 0, e.word);
    else if (e.kind === 'delete') words.splice(i, 1);
    else words.splice(i, 1, e.word);
  }
  return words.join(' ');
}

const arbEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'replace' as const),
  word: fc.constantFrom(...WORDS),
});

const arbLine: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((ws) => ws.join(' ')),
  fc
    .tuple(fc.constantFrom(...LINES), fc.array(arbEdit, { maxLength: 3 }))
    .map(([line, edits]) => edit(line, edits)),
);

/** Runs one line, checking the contract for rejected lines; returns its events. */
function runChecked(session: Session, line: string): ServerEvent[] {
  const parsed = parseCommand(line);
  const before = snapshot(session);
  const events = session.executeLine(line);
  for (const e of events) {
    if (e.event === 'error') expect(e.message).not.toMatch(/internal error/);
  }
  if (parsed === null) expect(events).toEqual([]);
  else if ('error' in parsed) {
    expect(parsed.error.length).toBeGreaterThan(0);
    expect(events).toEqual([{ event: 'error', message: parsed.error }]);
  }
  // A command whose events hold an error and nothing it did (no install, no tick) was
  // rejected: exactly one error, and nothing changed.
  const rejected =
    events.some((e) => e.event === 'error') &&
    !events.some((e) => e.event === 'tick' || e.event === 'installed');
  if (rejected) {
    expect(events).toHaveLength(1);
    expect(snapshot(session)).toEqual(before);
  }
  return events;
}

describe('command lines never throw', () => {
  it('parseCommand on random text and word strings returns a command, an error or null', () => {
    fc.assert(
      fc.property(arbLine, (line) => {
        const parsed = parseCommand(line);
        if (parsed !== null && 'error' in parsed) expect(parsed.error.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('a live session runs random and mutated lines; rejections are one error and change nothing', () => {
    // Sessions of 1–20 lines (about RUNS lines in all) keep the cost of installing low.
    const sessions = Math.max(1, Math.round(RUNS / 10));
    fc.assert(
      fc.property(fc.array(arbLine, { minLength: 1, maxLength: 20 }), (lines) => {
        const session = freshSession();
        for (const line of lines) {
          if (session.finished) break;
          runChecked(session, line);
        }
      }),
      { numRuns: sessions },
    );
  });
});
