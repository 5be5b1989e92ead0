// SERVER.md "Robustness" end to end through a Session: a term failing mid-iteration in
// one program (inside a loop, at iteration 1) fails only that program for the tick — the
// other program's results stay correct, the failure names program, operator location,
// row and time, `peek` explains why — and retracting the bad row repairs it. A loop that
// never converges is stopped by `maxIterations` the same way.
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine.js';
import { Session } from '../src/server/session.js';
import type { ServerEvent } from '../src/server/events.js';

/** Reachability whose loop reads field 1 of each edge row: a one-field edge fails it. */
const FRAGILE_REACH = [
  '-- input 0: edges (src, dst); input 1: roots (node)',
  'let edges = input 0 | key($0[0] ; $0);',
  'let roots = input 1 | key($0[0] ;);',
  'reach: {',
  '    let next = reach | join(edges, ($2[1] ;));',
  '    var reach = roots + next | distinct;',
  '}',
  'export "reachable" = reach::reach;',
].join('\n');

/** An independent program: the degree of every node. */
const DEGREES = 'export "degrees" = input 0 | key($0[0] ;) | count;';

/** Counts upward forever from each seed: the loop never converges. */
const RUNAWAY = [
  'count_up: {',
  '    var n = input_rows + (n | map($0[0] + 1 ;)) | distinct;',
  '}',
  'let input_rows = input 0 | key($0[0] ;);',
  'export "numbers" = count_up::n;',
].join('\n');

const FILES: Readonly<Record<string, string>> = {
  'reach.ddp': FRAGILE_REACH,
  'degrees.ddp': DEGREES,
  'runaway.ddp': RUNAWAY,
};

function session(maxIterations = 1000): Session {
  return new Session({
    engine: new Engine({ maxIterations, maxSeconds: 10 }),
    readFile: (path) => FILES[path],
  });
}

/** Runs lines, returning all their events. */
function run(s: Session, ...lines: string[]): ServerEvent[] {
  return lines.flatMap((line) => s.executeLine(line));
}

function errors(events: readonly ServerEvent[]): string[] {
  return events.flatMap((e) => (e.event === 'error' ? [e.message] : []));
}

function peekRows(s: Session, trace: string): unknown {
  const [event] = s.executeLine(`peek ${trace}`);
  if (event?.event !== 'peek') throw new Error(`peek ${trace}: ${JSON.stringify(event)}`);
  return event.rows;
}

describe('a term failing mid-iteration in one of two programs', () => {
  it('fails only that program, explains why, and recovers when the bad row is retracted', () => {
    const s = session();
    expect(errors(run(s, 'install a reach.ddp', 'install b degrees.ddp'))).toEqual([]);
    // Good data: 1 → 2 → 3, root 1.
    run(s, 'feed a 0 1,2', 'feed a 0 2,3', 'feed a 1 1', 'feed b 0 1,2', 'feed b 0 1,3', 'feed b 0 2,3');
    expect(errors(run(s, 'tick'))).toEqual([]);
    expect(peekRows(s, 'reachable')).toEqual([
      [[1], [], 1],
      [[2], [], 1],
      [[3], [], 1],
    ]);
    const degrees = [
      [[1], [2], 1],
      [[2], [1], 1],
    ];
    expect(peekRows(s, 'degrees')).toEqual(degrees);

    // A one-field edge out of node 2: node 2 is reached only by going round the loop, so
    // `$2[1]` fails inside it, at a time [epoch 1, iteration 2] (iteration > 0).
    run(s, 'feed a 0 2', 'feed b 0 4,4');
    const events = run(s, 'tick');
    expect(events.map((e) => e.event)).toEqual(['error', 'tick']);
    const failure = events[0];
    if (failure?.event !== 'error') throw new Error('no failure event');
    expect(failure.program).toBe('a');
    expect(failure.location).toBe('reach.ddp:5:24');
    expect(failure.message).toMatch(
      /^program "a" failed at reach\.ddp:5:24: cannot index field 1 of tuple\(2\)/,
    );
    expect(failure.message).toMatch(/on row .*tuple\(2\).* at time \[1, 2\]\)$/);

    // B ticked on: its results are complete and correct.
    expect(peekRows(s, 'degrees')).toEqual([...degrees, [[4], [1], 1]]);
    // A's trace is unavailable, and peek says why.
    const [peekA] = run(s, 'peek reachable');
    expect(peekA?.event).toBe('error');
    expect(peekA?.event === 'error' && peekA.message).toMatch(
      /^trace "reachable" is unavailable until the next tick repairs it: program "a" failed at reach\.ddp:5:24/,
    );

    // Still failing at the next tick (reported again); B goes on.
    run(s, 'feed b 0 5,5');
    expect(errors(run(s, 'tick'))).toEqual([expect.stringMatching(/^program "a" failed at reach\.ddp:5:24/)]);
    expect(peekRows(s, 'degrees')).toEqual([...degrees, [[4], [1], 1], [[5], [1], 1]]);

    // Retract the bad row and add a good edge: A is back, with correct results.
    run(s, 'feed a 0 2 diff=-1', 'feed a 0 3,7');
    expect(errors(run(s, 'tick'))).toEqual([]);
    expect(peekRows(s, 'reachable')).toEqual([
      [[1], [], 1],
      [[2], [], 1],
      [[3], [], 1],
      [[7], [], 1],
    ]);
    expect(peekRows(s, 'degrees')).toEqual([...degrees, [[4], [1], 1], [[5], [1], 1]]);
  });
});

describe('a runaway loop under a small iteration budget', () => {
  it('fails its program naming the scope; the other program and the epoch go on', () => {
    const s = session(40);
    run(s, 'install b degrees.ddp', 'install r runaway.ddp', 'feed b 0 1,2', 'feed r 0 0');
    const events = run(s, 'tick');
    expect(events.map((e) => e.event)).toEqual(['error', 'tick']);
    expect(errors(events)[0]).toBe(
      'program "r" failed at runaway.ddp:1:1: scope "count_up" did not converge within 40 iterations (still changing at time [0, 40])',
    );
    expect(s.epoch).toBe(1);
    expect(peekRows(s, 'degrees')).toEqual([[[1], [1], 1]]);
    expect(errors(run(s, 'peek numbers'))[0]).toMatch(/^trace "numbers" is unavailable .*did not converge/);
    // Retracting the seed leaves the loop nothing to count: it recovers, empty.
    run(s, 'feed r 0 0 diff=-1');
    expect(errors(run(s, 'tick'))).toEqual([]);
    expect(peekRows(s, 'numbers')).toEqual([]);
  });
});
