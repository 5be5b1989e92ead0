// The session's side of the engine contract, checked against a recording stand-in engine:
// what it installs and feeds, and how it turns tick results into events. (The golden
// sessions in tests/sessions run the same code on the real engine.)
import { describe, expect, it } from 'vitest';
import { Session } from './session.js';
import type {
  DataflowFailure,
  DataflowId,
  EngineApi,
  InitialRows,
  Installed,
  OperatorStats,
  Row,
  TickResult,
  TraceId,
} from '../engine/api.js';
import { SINGLE_WORKER } from '../engine/cluster.js';
import type { Steps } from '../engine/cluster.js';
import type { ProgramIr } from '../lang/ir.js';
import type { Value } from '../lang/value.js';

interface Fed {
  readonly dataflow: DataflowId;
  readonly key: Value;
  readonly time: number;
  readonly diff: number;
}

/** Steps that meet no other worker: `f`'s result, computed when first resumed. */
function* immediately<R>(f: () => R): Steps<R> {
  yield* [];
  return f();
}

/** Initial rows as `[key, val, time, diff]` each. */
function rowsOf({ time, rows }: InitialRows): [Value, Value, number, number][] {
  return rows.keys.map((key, i) => [key, rows.vals[i] as Value, time, rows.diffs[i] as number]);
}

/** Records every call; ticks return the failures queued in `nextFailures`. */
class RecordingEngine implements EngineApi {
  epoch = 0;
  readonly cluster = SINGLE_WORKER;
  readonly installs: {
    program: ProgramIr;
    imports: ReadonlyMap<string, TraceId>;
    initial: readonly InitialRows[];
  }[] = [];
  readonly fed: Fed[] = [];
  readonly dropped: DataflowId[] = [];
  readonly failed = new Set<DataflowId>();
  nextFailures: DataflowFailure[] = [];
  private nextTrace = 100;

  install(
    program: ProgramIr,
    imports: ReadonlyMap<string, TraceId>,
    initial: readonly InitialRows[] = [],
  ): Installed {
    const dataflow = this.installs.length;
    this.installs.push({ program, imports, initial });
    const exports = new Map(program.exports.map((e) => [e.name, this.nextTrace++] as const));
    return { dataflow, exports, catchUp: { epoch: this.epoch, inspects: [], failures: [] } };
  }

  feed(dataflow: DataflowId, _input: number, key: Value, _val: Value, time: number, diff: number): void {
    this.fed.push({ dataflow, key, time, diff });
  }

  installSteps(
    program: ProgramIr,
    imports: ReadonlyMap<string, TraceId>,
    initial: readonly InitialRows[] = [],
  ): Steps<Installed> {
    return immediately(() => this.install(program, imports, initial));
  }

  tickSteps(): Steps<TickResult> {
    return immediately(() => this.tick());
  }

  tick(): TickResult {
    this.epoch += 1;
    const failures = this.nextFailures;
    this.nextFailures = [];
    for (const f of failures) this.failed.add(f.dataflow);
    return { epoch: this.epoch, inspects: [], failures };
  }

  read(): Row[] {
    return [];
  }

  isFailed(dataflow: DataflowId): boolean {
    return this.failed.has(dataflow);
  }

  drop(dataflow: DataflowId): void {
    this.dropped.push(dataflow);
  }

  stats(): OperatorStats[] {
    return [];
  }
}

const FILES: Record<string, string> = {
  'gen.ddp': 'export "n" = import "iota: 3" | distinct;',
  'clock.ddp': 'export "now" = import "clock";',
  'pairs.ddp': '-- pairs\nexport "pairs" = input 0 | map($0[0] ; $0[1]);',
  'after.ddp': 'export "after" = import "pairs" | count;',
};

function setup(): { engine: RecordingEngine; session: Session; run: (line: string) => unknown[] } {
  const engine = new RecordingEngine();
  const session = new Session({ engine, readFile: (p) => FILES[p] });
  return { engine, session, run: (line) => session.executeLine(line) };
}

describe('Session against the engine contract', () => {
  it('installs a generated source with its rows at time 0 even after epoch 0', () => {
    const { engine, run } = setup();
    run('tick');
    run('tick');
    expect(run('install g gen.ddp')).toEqual([{ event: 'installed', name: 'g' }]);
    const [source, program] = engine.installs;
    expect(source?.program.exports.map((e) => e.name)).toEqual(['iota:3']);
    expect(source?.initial.flatMap(rowsOf)).toEqual([
      [[0], [], 0, 1],
      [[1], [], 0, 1],
      [[2], [], 0, 1],
    ]);
    // The program's import, as written, maps to the source's trace.
    expect([...(program?.imports ?? [])]).toEqual([['iota: 3', 100]]);
  });

  it('starts the clock at the open epoch and moves it at every tick', () => {
    const { engine, run } = setup();
    run('tick');
    run('install c clock.ddp');
    expect(engine.installs[0]?.initial.flatMap(rowsOf)).toEqual([[[1], [], 1, 1]]);
    run('tick');
    expect(engine.fed).toEqual([
      { dataflow: 0, key: [1], time: 2, diff: -1 },
      { dataflow: 0, key: [2], time: 2, diff: 1 },
    ]);
  });

  it('reports a failed program with its file location, then explains why its traces are unavailable', () => {
    const { engine, run } = setup();
    run('install p pairs.ddp');
    run('install a after.ddp');
    engine.nextFailures = [
      { dataflow: 0, kind: 'term', message: 'cannot index field 1 of (5)', span: { start: 30, end: 35 } },
      { dataflow: 1, kind: 'upstream', message: 'imports a failed trace', upstream: 0 },
    ];
    expect(run('tick')).toEqual([
      {
        event: 'error',
        message: 'program "p" failed at pairs.ddp:2:22: cannot index field 1 of (5)',
        program: 'p',
        location: 'pairs.ddp:2:22',
      },
      {
        event: 'error',
        message: 'program "a" is unavailable: it imports a trace of failed program "p"',
        program: 'a',
      },
      { event: 'tick', epoch: 1 },
    ]);
    expect(run('peek pairs')).toEqual([
      {
        event: 'error',
        message:
          'trace "pairs" is unavailable until the next tick repairs it: program "p" failed at pairs.ddp:2:22: cannot index field 1 of (5)',
        program: 'p',
      },
    ]);
  });

  it('turns an exception from the engine into an error event and goes on', () => {
    const { engine, run } = setup();
    engine.tick = () => {
      throw new Error('invariant broken');
    };
    expect(run('tick')).toEqual([
      { event: 'error', message: 'internal error while running "tick": Error: invariant broken' },
    ]);
    expect(run('list')).toMatchObject([{ event: 'list', epoch: 0 }]);
  });

  it('frees a dropped program in the engine', () => {
    const { engine, session, run } = setup();
    run('install p pairs.ddp');
    expect(session.stats('p')).toEqual([]);
    expect(session.stats('nobody')).toBeUndefined();
    expect(run('drop p')).toEqual([{ event: 'dropped', name: 'p' }]);
    expect(engine.dropped).toEqual([0]);
  });
});

describe('Session name clashes', () => {
  it('refuses to shadow an installed program with a generated source of the same name', () => {
    const { run } = setup();
    expect(run('install iota:3 pairs.ddp')).toEqual([{ event: 'installed', name: 'iota:3' }]);
    expect(run('install g gen.ddp')).toEqual([
      {
        event: 'error',
        message:
          'program "g" not installed: it imports the generated source "iota:3", but a program of that name is installed',
        program: 'g',
      },
    ]);
  });
});
