/**
 * The engine: many dataflows over one logical clock (implements `EngineApi`).
 *
 * - `install` builds a dataflow, publishes its exports as fresh traces, and brings it up
 *   to date with the closed past at once: its past `initial` rows and the whole current
 *   contents of every trace it imports are processed as one batch at the last closed
 *   epoch.
 * - `feed` stages rows per dataflow and epoch; a tick releases the rows of the epoch it
 *   closes (future epochs stay staged, outside every trace).
 * - `tick` runs every dataflow for the closing epoch in install order, so producers run
 *   before importers; each producer's published batch is queued at its importers before
 *   they run. Then every trace compacts: internal ones to the new epoch, published ones
 *   to the closed past (enough to answer `read`).
 * - Failure: a `DataflowAbort` fails only that dataflow (its state is discarded); every
 *   dataflow importing a failed one's traces fails as `upstream` without running. A
 *   failed dataflow is rebuilt at each later tick from its retained input history (all
 *   rows released to it, consolidated) and its imports' current contents, as one batch
 *   at the closing epoch, with fresh published traces.
 * - Sharding (`cluster`, one engine per worker): every worker installs, feeds, ticks and
 *   drops the same things in the same order; each keeps only its shard of the fed rows
 *   (`ownsRow`, so a retraction meets its row) and of every trace, and is given only its
 *   share of a new dataflow's `initial` rows.
 *   `installSteps`/`tickSteps` are resumable and meet the other workers at their
 *   `yield`s (cluster.ts); `install`/`tick` run them alone and are for one worker only.
 *   Each dataflow's run ends with an agreement on its failure, so a program failed on
 *   one worker is failed on all, with the same report. `read` answers from the shard.
 * Errors: misuse (unknown ids, feeding the past, reading a failed trace, dropping a
 * dataflow whose traces are imported, the synchronous API on a shard) throws
 * `EngineUsageError`; nothing else escapes.
 */
import { EngineUsageError } from './api.js';
import type {
  DataflowFailure,
  DataflowId,
  EngineApi,
  EngineOptions,
  InitialRows,
  InspectUpdate,
  Installed,
  OperatorStats,
  Row,
  TickResult,
  TraceId,
} from './api.js';
import { Budget, asAbort } from './budget.js';
import type { FailureInfo } from './budget.js';
import { PeerAbort, SINGLE_WORKER, ownsRow, runLocal } from './cluster.js';
import type { Cluster, Collective, Steps } from './cluster.js';
import type { RankedFailure } from './failure-rank.js';
import { InputLog } from './inputs.js';
import type { ByInput } from './inputs.js';
import { DataflowInstance } from './dataflow.js';
import type { Published } from './dataflow.js';
import { importMap } from './operators/edges.js';
import type { ForwardNode } from './operators/forward.js';
import type { Time } from './time.js';
import { History, Trace, scratchDiff, scratchVal, sumByVal } from './trace.js';
import type { ProgramIr } from '../lang/ir.js';
import { compareValues, hashValue } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

const DONE: Collective = { kind: 'done' };

// Everything the engine keeps for one installed dataflow.
interface DataflowState {
  readonly id: DataflowId;
  readonly program: ProgramIr;
  readonly imports: ReadonlyMap<string, TraceId>;
  readonly exports: ReadonlyMap<string, TraceId>;
  // The published traces of `exports`, in the same order, and how many (trace,
  // importing dataflow) pairs read them.
  readonly published: PublishedTrace[];
  imported: number;
  // Staged future rows and the retained history of released ones.
  readonly inputs: InputLog;
  // The running dataflow; null while failed.
  instance: DataflowInstance | null;
}

// A published trace and who reads it.
interface PublishedTrace {
  readonly owner: DataflowState;
  trace: Trace;
  // True when `trace` is the exported arrangement itself, which its dataflow compacts.
  shared: boolean;
  // The import names under which each importer reads it.
  readonly importers: Map<DataflowState, readonly string[]>;
}

/** The single-worker engine (see the module header). */
export class Engine implements EngineApi {
  // The open epoch: feeds go to times ≥ open; everything before it is the closed past.
  private open = 0;
  // One budget, restarted for each dataflow's run (the engine runs one at a time).
  private readonly budget: Budget;
  // Installed dataflows by id, and in install order: the order ticks run them in (an
  // array, which a tick walks without an iterator object).
  private readonly dataflows = new Map<DataflowId, DataflowState>();
  private readonly order: DataflowState[] = [];
  private readonly traces = new Map<TraceId, PublishedTrace>();
  private nextDataflow = 0;
  private nextTrace = 0;

  constructor(
    options: EngineOptions,
    /** Which worker this engine is, of how many. */
    readonly cluster: Cluster = SINGLE_WORKER,
  ) {
    this.budget = new Budget(options.maxIterations, options.maxSeconds, options.now ?? (() => Date.now()));
  }

  /** The open epoch. */
  get epoch(): number {
    return this.open;
  }

  install(
    program: ProgramIr,
    imports: ReadonlyMap<string, TraceId>,
    initial: readonly InitialRows[] = [],
  ): Installed {
    return runLocal(this.alone('install').installSteps(program, imports, initial));
  }

  *installSteps(
    program: ProgramIr,
    imports: ReadonlyMap<string, TraceId>,
    initial: readonly InitialRows[] = [],
  ): Steps<Installed> {
    for (const imp of program.imports) {
      const id = imports.get(imp.name);
      if (id === undefined || !this.traces.has(id)) {
        throw new EngineUsageError(`install: import "${imp.name}" is not bound to a published trace`);
      }
    }
    const inputs = new Set(program.inputs);
    for (const { input } of initial) {
      if (!inputs.has(input)) throw new EngineUsageError(`install: the program has no input ${input}`);
    }
    // Validated: from here on install cannot be rejected, only fail at run time.
    const id = this.nextDataflow++;
    const exports = new Map<string, TraceId>();
    const state: DataflowState = {
      id,
      program,
      imports: new Map(program.imports.map((i) => [i.name, imports.get(i.name) as TraceId])),
      exports,
      published: [],
      imported: 0,
      inputs: new InputLog(),
      instance: null,
    };
    for (const e of program.exports) {
      const traceId = this.nextTrace++;
      exports.set(e.name, traceId);
      const entry: PublishedTrace = { owner: state, trace: new Trace(), shared: false, importers: new Map() };
      this.traces.set(traceId, entry);
      state.published.push(entry);
    }
    for (const [name, traceId] of state.imports) {
      const entry = this.traces.get(traceId) as PublishedTrace;
      if (!entry.importers.has(state)) entry.owner.imported++;
      entry.importers.set(state, [...(entry.importers.get(state) ?? []), name]);
    }
    this.dataflows.set(id, state);
    this.order.push(state);
    // Past initial rows are history to catch up on; present and future ones wait like
    // feeds. (A sharded engine is given only its share of them.)
    for (const { input, time, rows } of initial) {
      if (time >= this.open) state.inputs.stageBatch(input, rows, time);
      else state.inputs.retain(input, rows);
    }
    const inspects: InspectUpdate[] = [];
    const failures: DataflowFailure[] = [];
    const upstream = this.failedProducer(state);
    if (upstream !== null) failures.push(upstreamFailure(state, upstream));
    // At epoch 0 there is no closed past (published traces are still empty).
    else if (this.open === 0) state.instance = this.build(state);
    else yield* this.rebuild(state, this.open - 1, inspects, failures);
    if (state.instance !== null) state.instance.compact(this.open);
    return { dataflow: id, exports, catchUp: { epoch: this.open, inspects, failures } };
  }

  feed(dataflow: DataflowId, input: number, key: Value, val: Value, time: number, diff: number): void {
    const state = this.state(dataflow);
    if (!state.program.inputs.includes(input)) {
      throw new EngineUsageError(`feed: dataflow ${dataflow} has no input ${input}`);
    }
    if (!Number.isSafeInteger(time) || time < this.open) {
      throw new EngineUsageError(`feed: cannot feed time ${time}; the open epoch is ${this.open}`);
    }
    if (ownsRow(this.cluster, key, val)) state.inputs.stage(input, key, val, diff, time);
  }

  tick(): TickResult {
    this.alone('tick');
    const epoch = this.open;
    const inspects: InspectUpdate[] = [];
    const failures: DataflowFailure[] = [];
    const order = this.order;
    for (let i = 0; i < order.length; i++) {
      const steps = this.tickDataflow(order[i] as DataflowState, epoch, inspects, failures);
      if (steps !== null) runLocal(steps);
    }
    return this.closeTick(epoch, inspects, failures);
  }

  *tickSteps(): Steps<TickResult> {
    const epoch = this.open;
    const inspects: InspectUpdate[] = [];
    const failures: DataflowFailure[] = [];
    const order = this.order;
    for (let i = 0; i < order.length; i++) {
      const steps = this.tickDataflow(order[i] as DataflowState, epoch, inspects, failures);
      if (steps !== null) yield* steps;
    }
    return this.closeTick(epoch, inspects, failures);
  }

  // One dataflow's part of the tick closing `epoch`: what is left to run resumably (a
  // rebuild, a run that may meet other workers), or null when it is done.
  private tickDataflow(
    state: DataflowState,
    epoch: number,
    inspects: InspectUpdate[],
    failures: DataflowFailure[],
  ): Steps<void> | null {
    // Released rows are retained even while the dataflow is failed, for its rebuild.
    const released = state.inputs.release(epoch);
    const upstream = this.failedProducer(state);
    if (upstream !== null) {
      this.fail(state);
      failures.push(upstreamFailure(state, upstream));
      return null;
    }
    const instance = state.instance;
    if (instance === null) return this.rebuild(state, epoch, inspects, failures);
    startTick(instance, released, epoch);
    if (!instance.runsAlone) return this.run(state, instance, epoch, inspects, failures);
    this.runAlone(state, instance, epoch, inspects, failures);
    return null;
  }

  // Closes the tick of `epoch`: the next epoch opens and every trace compacts.
  private closeTick(epoch: number, inspects: InspectUpdate[], failures: DataflowFailure[]): TickResult {
    this.open = epoch + 1;
    this.compact(epoch);
    return { epoch: this.open, inspects, failures };
  }

  // After the tick closing `epoch`: internal traces only need to distinguish times from
  // the next epoch on; published ones must still answer `read` for the closed past, which
  // is all at ≤ `epoch`.
  private compact(epoch: number): void {
    const order = this.order;
    for (let i = 0; i < order.length; i++) {
      const state = order[i] as DataflowState;
      state.instance?.compact(epoch + 1);
      const published = state.published;
      for (let k = 0; k < published.length; k++) {
        const entry = published[k] as PublishedTrace;
        if (!entry.shared) entry.trace.compactLazily(epoch);
      }
    }
  }

  read(trace: TraceId, key?: Value): Row[] {
    const entry = this.traces.get(trace);
    if (entry === undefined) throw new EngineUsageError(`read: no trace ${trace}`);
    if (entry.owner.instance === null) {
      throw new EngineUsageError(
        `read: trace ${trace} is unavailable while dataflow ${entry.owner.id} is failed`,
      );
    }
    // A published trace holds only closed epochs, so its whole contents are the answer.
    const rows: Row[] = [];
    const collect = (h: History): void => {
      const n = sumByVal(h.data, h.lo, h.hi, false);
      for (let i = 0; i < n; i++) rows.push([h.key, scratchVal(i), scratchDiff(i)]);
    };
    if (key === undefined) entry.trace.forEachHistory(collect);
    else {
      const h = new History();
      if (entry.trace.seek(key, hashValue(key), h)) collect(h);
    }
    rows.sort((a, b) => compareValues(a[0], b[0]) || compareValues(a[1], b[1]));
    return rows;
  }

  isFailed(dataflow: DataflowId): boolean {
    return this.state(dataflow).instance === null;
  }

  drop(dataflow: DataflowId): void {
    const state = this.state(dataflow);
    for (const traceId of state.exports.values()) {
      const entry = this.traces.get(traceId) as PublishedTrace;
      if (entry.importers.size > 0) {
        const readers = [...entry.importers.keys()].map((s) => s.id).join(', ');
        throw new EngineUsageError(
          `drop: trace ${traceId} of dataflow ${dataflow} is imported by dataflow(s) ${readers}`,
        );
      }
    }
    // Dropping its instance releases its readers on imported traces; then forget it.
    this.fail(state);
    for (const traceId of new Set(state.imports.values())) {
      const entry = this.traces.get(traceId);
      if (entry?.importers.delete(state) === true) entry.owner.imported--;
    }
    for (const traceId of state.exports.values()) this.traces.delete(traceId);
    this.dataflows.delete(dataflow);
    this.order.splice(this.order.indexOf(state), 1);
  }

  stats(dataflow: DataflowId): OperatorStats[] {
    const instance = this.state(dataflow).instance;
    if (instance === null) return [];
    return instance.allNodes().map((node) => {
      let inLast = 0;
      let inTotal = 0;
      let queued = 0;
      for (const p of node.ports()) {
        inLast += p.received;
        inTotal += p.receivedTotal;
        queued += p.pending;
      }
      return {
        scope: node.scope.id,
        item: node.item.id,
        inLastTick: inLast,
        outLastTick: node.out.emitted,
        inTotal,
        outTotal: node.out.emittedTotal,
        recordsHeld: node.held() + queued,
        lastUpdates: node.out.sample(),
      };
    });
  }

  // This engine, if it is the only worker (the synchronous API is for one worker only).
  private alone(what: string): this {
    if (this.cluster.workers === 1) return this;
    throw new EngineUsageError(`${what}: a sharded engine runs through its Steps, driven by its runtime`);
  }

  private state(dataflow: DataflowId): DataflowState {
    const state = this.dataflows.get(dataflow);
    if (state === undefined) throw new EngineUsageError(`no dataflow ${dataflow}`);
    return state;
  }

  // The first producer of an imported trace that is failed, or null.
  private failedProducer(state: DataflowState): DataflowState | null {
    if (state.imports.size === 0) return null;
    for (const traceId of state.imports.values()) {
      const owner = (this.traces.get(traceId) as PublishedTrace).owner;
      if (owner.instance === null) return owner;
    }
    return null;
  }

  private build(state: DataflowState): DataflowInstance {
    const imports = new Map<string, Trace>();
    for (const [name, traceId] of state.imports)
      imports.set(name, (this.traces.get(traceId) as PublishedTrace).trace);
    const exports = new Map<string, Trace>();
    for (const [name, traceId] of state.exports)
      exports.set(name, (this.traces.get(traceId) as PublishedTrace).trace);
    const instance = new DataflowInstance(state.program, {
      dataflow: state.id,
      budget: this.budget,
      cluster: this.cluster,
      imports,
      exports,
    });
    // An export may publish its arrangement itself (export.ts): that becomes the trace.
    for (const [name, traceId] of state.exports) {
      const entry = this.traces.get(traceId) as PublishedTrace;
      const published = instance.exportTraces.get(name) as Trace;
      entry.shared = published !== entry.trace;
      entry.trace = published;
    }
    return instance;
  }

  // Builds a fresh instance and runs everything retained (and imported) as one batch at `epoch`.
  private *rebuild(
    state: DataflowState,
    epoch: number,
    inspects: InspectUpdate[],
    failures: DataflowFailure[],
  ): Steps<void> {
    // Whatever a failed run left in the published traces is discarded with it.
    for (const traceId of state.exports.values()) {
      const entry = this.traces.get(traceId) as PublishedTrace;
      entry.trace = new Trace();
      entry.shared = false;
    }
    const instance = this.build(state);
    state.instance = instance;
    const time: Time = [epoch, 0];
    feedRows(instance, state.inputs.history(), time);
    // Each import starts from its producer's whole current contents as one new batch.
    for (const [name, nodes] of instance.importNodes) {
      const traceId = state.imports.get(name) as TraceId;
      const trace = (this.traces.get(traceId) as PublishedTrace).trace;
      const snapshot = trace.snapshot();
      if (snapshot !== null && snapshot.size > 0)
        for (const node of nodes) node.input.receive(time, snapshot);
      else instance.skipHistory(trace);
    }
    yield* this.run(state, instance, epoch, inspects, failures);
  }

  /**
   * Runs one epoch of one dataflow, publishing to importers; a failure discards the
   * instance. Sharded, the run ends with a collective on every worker: `done`, or `abort`
   * with this worker's failure; whichever worker failed, all agree on the least failure
   * (failure-rank.ts) and all discard the instance. Alone, a run that completed has no
   * one to tell (its `done` would only suspend and resume every generator of the tick).
   */
  private *run(
    state: DataflowState,
    instance: DataflowInstance,
    epoch: number,
    inspects: InspectUpdate[],
    failures: DataflowFailure[],
  ): Steps<void> {
    this.budget.start();
    instance.imported = state.imported > 0;
    let published: Published[] = [];
    let failed: RankedFailure | null = null;
    try {
      published = yield* instance.runEpoch(epoch);
      if (this.cluster.workers > 1) yield DONE;
    } catch (e) {
      if (e instanceof PeerAbort) failed = e.failure;
      else {
        const abort = asAbort(e);
        const reply = yield { kind: 'abort', failure: { failure: abort.failure, position: abort.position } };
        if (reply.kind !== 'failed') {
          throw new RangeError(`an aborted run got a "${reply.kind}" reply`, { cause: e });
        }
        failed = reply.failure;
      }
    }
    this.finishRun(state, instance, epoch, published, failed, inspects, failures);
  }

  /**
   * `run` for a lone worker and a dataflow without child scopes, where nothing could
   * yield: the same run without generators (a failure is its own agreed failure, as
   * `answerAlone` would reply). A single-row tick's cost is mostly fixed, and generators
   * are a large share of it until V8 optimizes.
   */
  private runAlone(
    state: DataflowState,
    instance: DataflowInstance,
    epoch: number,
    inspects: InspectUpdate[],
    failures: DataflowFailure[],
  ): void {
    this.budget.start();
    instance.imported = state.imported > 0;
    let published: Published[] = [];
    let failed: RankedFailure | null = null;
    try {
      published = instance.runEpochAlone(epoch);
    } catch (e) {
      const abort = asAbort(e);
      failed = { failure: abort.failure, position: abort.position };
    }
    this.finishRun(state, instance, epoch, published, failed, inspects, failures);
  }

  // The end of a run: a failure discards the instance; else the inspect reports are
  // handed on and the published batches delivered to importers.
  private finishRun(
    state: DataflowState,
    instance: DataflowInstance,
    epoch: number,
    published: readonly Published[],
    failed: RankedFailure | null,
    inspects: InspectUpdate[],
    failures: DataflowFailure[],
  ): void {
    if (failed !== null) {
      this.discardRun(state, instance, failed, failures);
      return;
    }
    const reported = instance.ctx.inspects;
    if (reported.length > 0) {
      for (const u of reported) inspects.push(u);
      reported.length = 0;
    }
    if (published.length > 0 && state.imported > 0) this.deliverAll(state, published, epoch);
  }

  // A failed run: its partial inspect reports are dropped with its state.
  private discardRun(
    state: DataflowState,
    instance: DataflowInstance,
    failed: RankedFailure,
    failures: DataflowFailure[],
  ): void {
    instance.ctx.inspects.length = 0;
    this.fail(state);
    failures.push(attribute(state, failed.failure));
  }

  // Queues the batches a run published at the importers of their traces.
  private deliverAll(state: DataflowState, published: readonly Published[], epoch: number): void {
    for (let i = 0; i < published.length; i++) {
      const { trace, batch } = published[i] as Published;
      for (let k = 0; k < state.published.length; k++) {
        const entry = state.published[k] as PublishedTrace;
        if (entry.trace === trace && entry.importers.size > 0) this.deliver(entry, batch, epoch);
      }
    }
  }

  // Queues a published batch at every importer of the trace.
  private deliver(entry: PublishedTrace, batch: Published['batch'], epoch: number): void {
    const time = importMap([epoch]);
    for (const [importer, names] of entry.importers) {
      const instance = importer.instance;
      if (instance === null) continue;
      for (const name of names) {
        for (const node of instance.importNodes.get(name) ?? []) node.input.receive(time, batch);
      }
    }
  }

  private fail(state: DataflowState): void {
    state.instance?.dispose();
    state.instance = null;
  }
}

// A new tick of a running dataflow: every per-tick counter starts over when next touched,
// and the rows released for `epoch` go to the input nodes.
function startTick(instance: DataflowInstance, released: ByInput, epoch: number): void {
  instance.ctx.clock.tick++;
  if (released.length > 0) feedRows(instance, released, [epoch, 0]);
}

/** Queues input rows at `time` on the dataflow's input nodes. */
function feedRows(instance: DataflowInstance, batches: ByInput, time: Time): void {
  for (let input = 0; input < batches.length; input++) {
    const batch = batches[input];
    if (batch === undefined) continue;
    const nodes = instance.inputs.get(input);
    if (nodes !== undefined)
      for (let i = 0; i < nodes.length; i++) (nodes[i] as ForwardNode).forward(time, batch);
  }
}

function attribute(state: DataflowState, failure: FailureInfo): DataflowFailure {
  return { dataflow: state.id, ...failure };
}

function upstreamFailure(state: DataflowState, upstream: DataflowState): DataflowFailure {
  return {
    dataflow: state.id,
    kind: 'upstream',
    message: `it imports a trace of dataflow ${upstream.id}, which failed`,
    upstream: upstream.id,
  };
}
