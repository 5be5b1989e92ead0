/**
 * Our engine through the real pipeline: the DDIR programs below are compiled by the
 * front end (`compile()`: parse, check, lower, optimize) and run by `Engine` with one
 * worker. Three variants:
 *
 * - `ddir`: incremental (install once, feed changes, `tick`).
 * - `ddir-scratch`: the same program, but every tick rebuilds a fresh engine and dataflow
 *   from all current inputs (what a non-incremental system does), to show the gain.
 * - `ddir-session`: W1 through the server `Session` exactly as a user writes it, with the
 *   edges from `import "random:nodes=N,edges=2N"` (generated inside the timing) and the
 *   root fed by a `feed` command (load only).
 */
import { Engine } from '../../../src/engine/engine.js';
import { compile } from '../../../src/lang/compile.js';
import { Session } from '../../../src/server/session.js';
import type { DataflowId, Row, TraceId } from '../../../src/engine/api.js';
import type { ProgramIr } from '../../../src/lang/ir.js';
import { UNIT } from '../../../src/lang/value.js';
import type { Value } from '../../../src/lang/value.js';
import type { Impl, JoinCountImpl, ReachImpl } from '../impl.js';
import type { Edge, EdgeChange, KeyRow, RowChange } from '../workloads.js';

/** W1/W2: edges `(src ; dst)` in input 0, roots in input 1. */
export const REACH_DDP = `
let edges = input 0 | key($0[0] ; $0[1]);
let roots = input 1 | key($0[0] ;);
reach: {
    let next = reach | join(edges, ($2 ;));
    var reach = roots + next | distinct;
}
export "reach" = reach::reach;
`;

/** W3: rows `(key ; i)` in inputs 0 and 1, joined on key, pairs counted per key. */
export const JOIN_COUNT_DDP = `
let a = input 0 | key($0[0] ; $0[1]);
let b = input 1 | key($0[0] ; $0[1]);
export "counts" = a | join(b, ($0 ;)) | count;
`;

/** The optimized program of `source`, or an error listing its diagnostics. */
export function compileOrThrow(source: string, file: string): ProgramIr {
  const { optimized, diagnostics } = compile(source, file);
  if (!optimized) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return optimized;
}

const OPTIONS = { maxIterations: 1_000_000, maxSeconds: 3600 } as const;

/** The first Int inside a value (`(7)` → 7): keys and counts are 1-tuples. */
export function firstInt(v: Value): number {
  let x: Value = v;
  while (Array.isArray(x)) x = (x as readonly Value[])[0] as Value;
  if (typeof x !== 'number') throw new Error(`expected a small Int, got ${String(x)}`);
  return x;
}

/** A fresh engine with `program` installed; its dataflow and the trace of `exportName`. */
function start(program: ProgramIr, exportName: string): { engine: Engine; df: DataflowId; trace: TraceId } {
  const engine = new Engine(OPTIONS);
  const { dataflow, exports } = engine.install(program, new Map());
  const trace = exports.get(exportName);
  if (trace === undefined) throw new Error(`no export "${exportName}"`);
  return { engine, df: dataflow, trace };
}

function reachNodes(rows: readonly Row[]): number[] {
  return rows.filter((r) => r[2] > 0).map((r) => firstInt(r[0]));
}

function countsOf(rows: readonly Row[]): Map<number, number> {
  return new Map(rows.filter((r) => r[2] > 0).map((r) => [firstInt(r[0]), firstInt(r[1])]));
}

/** Incremental reachability. */
class DdirReach implements ReachImpl {
  private readonly program = compileOrThrow(REACH_DDP, 'reach.ddp');
  private readonly s = start(this.program, 'reach');

  load(_nodes: number, edges: readonly Edge[], root: number): void {
    const { engine, df } = this.s;
    for (const e of edges) engine.feed(df, 0, e, UNIT, engine.epoch, 1);
    engine.feed(df, 1, [root], UNIT, engine.epoch, 1);
    engine.tick();
  }

  change({ removed, added }: EdgeChange): void {
    const { engine, df } = this.s;
    engine.feed(df, 0, removed, UNIT, engine.epoch, -1);
    engine.feed(df, 0, added, UNIT, engine.epoch, 1);
    engine.tick();
  }

  reachable(): number[] {
    return reachNodes(this.s.engine.read(this.s.trace));
  }
}

/** Incremental join + count. */
class DdirJoinCount implements JoinCountImpl {
  private readonly program = compileOrThrow(JOIN_COUNT_DDP, 'join-count.ddp');
  private readonly s = start(this.program, 'counts');

  load(a: readonly KeyRow[], b: readonly KeyRow[]): void {
    const { engine, df } = this.s;
    for (const r of a) engine.feed(df, 0, r, UNIT, engine.epoch, 1);
    for (const r of b) engine.feed(df, 1, r, UNIT, engine.epoch, 1);
    engine.tick();
  }

  change({ side, row, diff }: RowChange): void {
    const { engine, df } = this.s;
    engine.feed(df, side, row, UNIT, engine.epoch, diff);
    engine.tick();
  }

  counts(): Map<number, number> {
    return countsOf(this.s.engine.read(this.s.trace));
  }
}

/** A multiset of rows, by a numeric identity. */
class Bag<T> {
  private readonly rows = new Map<number, [T, number]>();
  constructor(private readonly id: (row: T) => number) {}
  add(row: T, diff: number): void {
    const k = this.id(row);
    const n = (this.rows.get(k)?.[1] ?? 0) + diff;
    if (n === 0) this.rows.delete(k);
    else this.rows.set(k, [row, n]);
  }
  entries(): IterableIterator<[T, number]> {
    return this.rows.values();
  }
}

/** Reachability recomputed from scratch on every tick. */
class ScratchReach implements ReachImpl {
  private readonly program = compileOrThrow(REACH_DDP, 'reach.ddp');
  private edges: Bag<Edge> = new Bag<Edge>(() => 0);
  private root = 0;
  private rows: Row[] = [];

  load(nodes: number, edges: readonly Edge[], root: number): void {
    this.edges = new Bag<Edge>(([s, d]) => s * nodes + d);
    for (const e of edges) this.edges.add(e, 1);
    this.root = root;
    this.run();
  }

  change({ removed, added }: EdgeChange): void {
    this.edges.add(removed, -1);
    this.edges.add(added, 1);
    this.run();
  }

  private run(): void {
    const { engine, df, trace } = start(this.program, 'reach');
    for (const [e, n] of this.edges.entries()) engine.feed(df, 0, e, UNIT, engine.epoch, n);
    engine.feed(df, 1, [this.root], UNIT, engine.epoch, 1);
    engine.tick();
    this.rows = engine.read(trace);
  }

  reachable(): number[] {
    return reachNodes(this.rows);
  }
}

/** Join + count recomputed from scratch on every tick. */
class ScratchJoinCount implements JoinCountImpl {
  private readonly program = compileOrThrow(JOIN_COUNT_DDP, 'join-count.ddp');
  private readonly sides = [new Bag<KeyRow>(([, i]) => i), new Bag<KeyRow>(([, i]) => i)] as const;
  private rows: Row[] = [];

  load(a: readonly KeyRow[], b: readonly KeyRow[]): void {
    for (const r of a) this.sides[0].add(r, 1);
    for (const r of b) this.sides[1].add(r, 1);
    this.run();
  }

  change({ side, row, diff }: RowChange): void {
    this.sides[side].add(row, diff);
    this.run();
  }

  private run(): void {
    const { engine, df, trace } = start(this.program, 'counts');
    for (const input of [0, 1] as const)
      for (const [r, n] of this.sides[input].entries()) engine.feed(df, input, r, UNIT, engine.epoch, n);
    engine.tick();
    this.rows = engine.read(trace);
  }

  counts(): Map<number, number> {
    return countsOf(this.rows);
  }
}

/** W1 through a server session, the edges from `import "random:…"`. */
class SessionReach implements ReachImpl {
  private session: Session | null = null;

  load(nodes: number, edges: readonly Edge[], root: number): void {
    const program = `
let edges = import "random:nodes=${nodes},edges=${edges.length}" | key($0[0] ; $0[1]);
let roots = input 0 | key($0[0] ;);
reach: {
    let next = reach | join(edges, ($2 ;));
    var reach = roots + next | distinct;
}
export "reach" = reach::reach;
`;
    const session = new Session({ engine: new Engine(OPTIONS), readFile: () => program });
    this.session = session;
    for (const line of ['install reach reach.ddp', `feed reach 0 ${root}`, 'tick']) {
      const errors = session.executeLine(line).filter((e) => e.event === 'error');
      if (errors.length > 0) throw new Error(`${line}: ${JSON.stringify(errors)}`);
    }
  }

  change(): void {
    throw new Error('ddir-session runs the load only');
  }

  reachable(): number[] {
    const events = this.session?.executeLine('peek reach') ?? [];
    const nodes: number[] = [];
    for (const e of events)
      if (e.event === 'peek') for (const [key, , mult] of e.rows) if (mult > 0) nodes.push(firstIntJson(key));
    return nodes;
  }
}

function firstIntJson(v: unknown): number {
  let x = v;
  while (Array.isArray(x)) x = (x as unknown[])[0];
  if (typeof x !== 'number') throw new Error(`expected a small Int, got ${String(x)}`);
  return x;
}

export const ddir: Impl = {
  name: 'ddir',
  reach: () => new DdirReach(),
  joinCount: () => new DdirJoinCount(),
};
export const ddirScratch: Impl = {
  name: 'ddir-scratch',
  reach: () => new ScratchReach(),
  joinCount: () => new ScratchJoinCount(),
};
export const ddirSession: Impl = { name: 'ddir-session', reach: () => new SessionReach(), loadOnly: true };
