/**
 * Building a running dataflow from an optimized `ProgramIr` (one traversal of the scope
 * tree) and driving it epoch by epoch.
 *
 * Each IR item becomes one node in its scope's runtime, wired along the IR's explicit
 * edges: inputs of the same scope, `enter` from the parent (time extended), `leave` from
 * a direct child (time cut), a var's feedback (time +1 on the scope's coordinate), and
 * root exports into their published traces (time reduced to the epoch). Readers of an
 * arrangement (joins, reducers) index the producing node's trace directly — through any
 * number of `enter`s — each with its own cursor. Imports read another dataflow's
 * published trace the same way. An arrangement of a loop variable whose var is defined by
 * a reducer is not built when only joins read it: they read the reducer's output trace,
 * each entry one iteration later (`variableViews`, `Node.traceMap`), and the reducer's
 * batches reach them through the variable as they are — the reader cursors supply the
 * one-iteration lag.
 *
 * A `DataflowInstance` is disposable: when it fails, the engine drops it (`dispose`
 * unregisters its readers from foreign traces) and later builds a fresh one.
 */
import type { DataflowId } from './api.js';
import type { Budget } from './budget.js';
import type { Cluster, Steps } from './cluster.js';
import { ExportSink, ShareSink } from './export.js';
import type { Node, RunContext } from './node.js';
import { ArrangeNode } from './operators/arrange.js';
import { keyPartitioned } from './partitioned.js';
import { VariableNode } from './operators/variable.js';
import { enterMap, feedbackMap, exportMap, leaveMap } from './operators/edges.js';
import { ForwardNode } from './operators/forward.js';
import { InspectNode } from './operators/inspect.js';
import { JoinNode, JoinSide } from './operators/join.js';
import { LinearNode } from './operators/linear.js';
import { ReduceNode } from './operators/reduce.js';
import { ScopeNode, ScopeRuntime } from './scope.js';
import type { Time } from './time.js';
import { Trace } from './trace.js';
import type { ArrangedBatch, Reader } from './trace.js';
import type { InspectUpdate } from './api.js';
import type { ItemIr, ProgramIr, ScopeId, ScopeIr } from '../lang/ir.js';

/** What a dataflow instance needs from the engine to be built. */
export interface BuildOptions {
  readonly dataflow: DataflowId;
  readonly budget: Budget;
  readonly cluster: Cluster;
  /** The published trace each import name reads. */
  readonly imports: ReadonlyMap<string, Trace>;
  /** The published trace each export name writes. */
  readonly exports: ReadonlyMap<string, Trace>;
}

/** A published batch produced by one export in one epoch. */
export interface Published {
  readonly trace: Trace;
  readonly batch: ArrangedBatch;
}

/** One built, running dataflow. */
export class DataflowInstance {
  readonly ctx: RunContext & { readonly inspects: InspectUpdate[] };
  /** The root scope's runtime. */
  readonly root: ScopeRuntime;
  /**
   * True when a run cannot meet other workers: one worker and no child scope (whose
   * steps are resumable). `runEpochAlone` then runs it.
   */
  readonly runsAlone: boolean;
  /** Nodes by scope id, then item id. */
  readonly nodes: Node[][] = [];
  /** Input nodes by positional input index. */
  readonly inputs = new Map<number, ForwardNode[]>();
  /** Import nodes by import name. */
  readonly importNodes = new Map<string, ForwardNode[]>();
  private readonly sinks: ExportSink[] = [];
  private readonly shareSinks: ShareSink[] = [];
  /**
   * Whether another dataflow imports one of this one's exports (set by the engine before
   * each run): the batches of a shared export are collected for importers only.
   */
  imported = false;
  /**
   * The trace each export name publishes: the exported arrangement itself when it can be
   * shared (export.ts), else the engine's trace its `ExportSink` appends to.
   */
  readonly exportTraces = new Map<string, Trace>();
  // Traces this dataflow owns (compacted by `compact`): in the root scope, and nested.
  private readonly ownedRoot: Trace[] = [];
  private readonly ownedNested: Trace[] = [];
  // Readers this dataflow holds on traces it does not own (published by others).
  private readonly foreign: { trace: Trace; reader: Reader }[] = [];
  private readonly importTraces: ReadonlySet<Trace>;
  // Items whose rows already sit on their key's owner (their arrangements need no exchange).
  private readonly partitioned: boolean[][];
  // Arrangements of a loop variable read as its defining reducer's trace (`variableViews`),
  // to that reducer; and the reducers' output traces, made before their nodes.
  private readonly views = new Map<ItemIr, ItemIr>();
  private readonly earlyOutputs = new Map<ItemIr, Trace>();

  constructor(
    private readonly program: ProgramIr,
    options: BuildOptions,
  ) {
    this.ctx = {
      dataflow: options.dataflow,
      budget: options.budget,
      cluster: options.cluster,
      inspects: [],
      clock: { tick: 0 },
    };
    this.importTraces = new Set(options.imports.values());
    this.partitioned = keyPartitioned(program);
    this.root = this.buildScope(0, null, options.imports);
    this.runsAlone = options.cluster.workers === 1 && this.root.flat;
    const epochTimes = rootTimesAreEpochs(program);
    const shared = new Map<Node, ShareSink>();
    for (const e of program.exports) {
      const node = this.node(0, e.item);
      const own = node instanceof ArrangeNode || node instanceof ReduceNode;
      if (epochTimes && own && node.trace !== null) {
        let sink = shared.get(node);
        if (sink === undefined) {
          sink = new ShareSink(node.trace, this);
          node.out.connect(sink, null);
          shared.set(node, sink);
          this.shareSinks.push(sink);
        }
        this.exportTraces.set(e.name, node.trace);
        continue;
      }
      const trace = options.exports.get(e.name);
      if (trace === undefined)
        throw new RangeError(`dataflow ${options.dataflow}: no published trace for export "${e.name}"`);
      const sink = new ExportSink(trace);
      node.out.connect(sink, exportMap);
      this.sinks.push(sink);
      this.exportTraces.set(e.name, trace);
    }
  }

  private node(scope: ScopeId, item: number): Node {
    const n = this.nodes[scope]?.[item];
    if (n === undefined) throw new RangeError(`dataflow: scope ${scope} has no built item ${item}`);
    return n;
  }

  private buildScope(
    id: ScopeId,
    parent: ScopeRuntime | null,
    imports: ReadonlyMap<string, Trace>,
  ): ScopeRuntime {
    const s = this.program.scopes[id];
    if (s === undefined) throw new RangeError(`dataflow: no scope ${id}`);
    const rt = new ScopeRuntime(id, s.depth, { name: s.name, span: s.span }, parent, this.ctx);
    for (const [view, reducer] of variableViews(this.program, s)) {
      this.views.set(view, reducer);
      // One trace per reducer, however many arrangements of its variable read it.
      if (!this.earlyOutputs.has(reducer)) this.earlyOutputs.set(reducer, new Trace());
    }
    const built: Node[] = [];
    this.nodes[id] = built;
    for (const item of s.items) {
      const node = this.buildItem(item, id, rt, imports);
      built[item.id] = node;
      rt.add(node);
    }
    // Feedback edges close the loops once every item of the scope exists.
    for (const v of s.vars) {
      const target = built[v.item];
      if (!(target instanceof VariableNode))
        throw new RangeError(`dataflow: var "${v.name}" has no variable item`);
      this.node(id, v.next).out.connect(target.input, feedbackMap(s.depth));
    }
    return rt;
  }

  private buildItem(
    item: ItemIr,
    scopeId: ScopeId,
    rt: ScopeRuntime,
    imports: ReadonlyMap<string, Trace>,
  ): Node {
    const ctx = this.ctx;
    switch (item.op) {
      case 'input': {
        const node = new ForwardNode(ctx, rt, item);
        listAt(this.inputs, item.index).push(node);
        return node;
      }
      case 'import': {
        const trace = imports.get(item.name);
        if (trace === undefined)
          throw new RangeError(`dataflow: import "${item.name}" is not bound to a trace`);
        const node = new ForwardNode(ctx, rt, item);
        node.trace = trace;
        listAt(this.importNodes, item.name).push(node);
        return node;
      }
      // An entered arrangement is the parent's very trace, read with extended times.
      case 'enter': {
        const parent = rt.parent;
        if (parent === null) throw new RangeError(`dataflow: enter item ${item.id} in the root scope`);
        const source = this.node(parent.id, item.from);
        const node = new ForwardNode(ctx, rt, item);
        source.out.connect(node.input, enterMap(rt.depth));
        node.trace = source.trace;
        return node;
      }
      // Building depth-first keeps every enter's source built before the enter.
      case 'scope':
        return new ScopeNode(ctx, rt, item, this.buildScope(item.child, rt, imports));
      case 'leave': {
        const node = new ForwardNode(ctx, rt, item);
        this.node(item.child, item.from).out.connect(node.input, leaveMap(rt.depth + 1));
        return node;
      }
      // Wired to its var's `next` item after the whole scope is built.
      case 'variable':
        return new VariableNode(ctx, rt, item);
      case 'concat': {
        const node = new ForwardNode(ctx, rt, item);
        for (const i of item.inputs) this.node(scopeId, i).out.connect(node.input, null);
        return node;
      }
      case 'linear': {
        const node = new LinearNode(ctx, rt, item, item.ops);
        this.node(scopeId, item.input).out.connect(node.input, null);
        return node;
      }
      case 'arrange': {
        const reducer = this.views.get(item);
        if (reducer !== undefined) {
          // The variable's contents are the reducer's output one iteration earlier: its
          // trace, read one iteration later, is this arrangement, and the reducer's batches
          // reach the readers through the variable as they are.
          const view = new ForwardNode(ctx, rt, item);
          this.node(scopeId, item.input).out.connect(view.input, null);
          view.trace = this.earlyOutputs.get(reducer) as Trace;
          view.traceMap = feedbackMap(rt.depth);
          return view;
        }
        const node = new ArrangeNode(ctx, rt, item, !this.partitioned[scopeId]?.[item.input]);
        this.node(scopeId, item.input).out.connect(node.input, null);
        this.own(node.index, rt);
        return node;
      }
      case 'join': {
        const left = this.node(scopeId, item.left);
        const right = this.node(scopeId, item.right);
        const node = new JoinNode(ctx, rt, item, item.proj, this.side(left, item), this.side(right, item));
        left.out.connect(node.left, null);
        right.out.connect(node.right, null);
        return node;
      }
      case 'reduce': {
        const input = this.node(scopeId, item.input);
        const { reader } = this.side(input, item);
        const node = new ReduceNode(ctx, rt, item, item.reducer, reader, this.earlyOutputs.get(item));
        input.out.connect(node.input, null);
        this.own(node.output, rt);
        return node;
      }
      case 'inspect': {
        const node = new InspectNode(ctx, rt, item, item.label);
        this.node(scopeId, item.input).out.connect(node.input, null);
        return node;
      }
    }
  }

  // A reader on the arrangement `source` produces, for the item `reader`. Only a join
  // reads an arrangement whose times it must map (`variableViews` makes sure).
  private side(source: Node, reader: ItemIr): JoinSide {
    const trace = source.trace;
    if (trace === null) {
      throw new RangeError(
        `dataflow: item ${reader.id} (${reader.op}) reads item ${source.item.id}, which is not arranged`,
      );
    }
    if (source.traceMap !== null && reader.op !== 'join') {
      throw new RangeError(
        `dataflow: item ${reader.id} (${reader.op}) cannot read the loop variable view ${source.item.id}`,
      );
    }
    // A reducer reads key history objects (and keeps them by reference for later times).
    const r = trace.addReader(reader.op === 'reduce');
    // Readers on another dataflow's trace must be released if this one is discarded.
    if (this.importTraces.has(trace)) this.foreign.push({ trace, reader: r });
    return new JoinSide(trace, r, source.traceMap);
  }

  /** Runs epoch `epoch` to completion (resumably); returns the batches its exports published. */
  *runEpoch(epoch: number): Steps<Published[]> {
    yield* this.root.runEpoch(epoch);
    return this.published(epoch);
  }

  /** `runEpoch` without a generator, when `runsAlone`. */
  runEpochAlone(epoch: number): Published[] {
    this.root.runEpochAlone(epoch);
    return this.published(epoch);
  }

  // The batches the exports published in the run of `epoch` that just ended.
  private published(epoch: number): Published[] {
    const out: Published[] = [];
    const sinks = this.sinks;
    for (let i = 0; i < sinks.length; i++) {
      const sink = sinks[i] as ExportSink;
      const batch = sink.flush(epoch);
      if (batch !== null) out.push({ trace: sink.trace, batch });
    }
    if (!this.imported) return out;
    const shareSinks = this.shareSinks;
    for (let i = 0; i < shareSinks.length; i++) {
      const sink = shareSinks[i] as ShareSink;
      const batches = sink.flush();
      for (let k = 0; k < batches.length; k++)
        out.push({ trace: sink.trace, batch: batches[k] as ArrangedBatch });
    }
    return out;
  }

  private own(trace: Trace, scope: ScopeRuntime): void {
    (scope.depth === 0 ? this.ownedRoot : this.ownedNested).push(trace);
  }

  /**
   * Compacts the dataflow's own traces to the frontier `[epoch, 0, …]`. Root traces do it
   * lazily (`Trace.compactLazily`): their times are epochs (and `enter_at` delays), so an
   * uncompacted tail costs a few more entries per key, nothing else. Traces inside loops
   * compact every tick: there, cancelling updates left at distinct iteration times would
   * make reducers examine extra times.
   */
  compact(epoch: number): void {
    const root = this.ownedRoot;
    for (let i = 0; i < root.length; i++) (root[i] as Trace).compactLazily(epoch);
    const nested = this.ownedNested;
    if (nested.length === 0) return;
    const frontier: Time[] = [[epoch]];
    for (let i = 0; i < nested.length; i++) (nested[i] as Trace).compact(frontier);
  }

  /**
   * Makes everything `trace` (an import) holds history for this dataflow's readers, as
   * consuming its snapshot would; for a trace whose contents sum to nothing.
   */
  skipHistory(trace: Trace): void {
    for (const f of this.foreign) if (f.trace === trace) f.reader.cursor = trace.seqCount;
  }

  /** Releases the readers it holds on other dataflows' traces. */
  dispose(): void {
    for (const { trace, reader } of this.foreign) trace.removeReader(reader);
    this.foreign.length = 0;
  }

  // `allNodes()`, built on first use (the node set is fixed once the instance is built).
  private flatNodes: readonly Node[] | null = null;

  /** Every node, scope by scope in item order. */
  allNodes(): readonly Node[] {
    this.flatNodes ??= this.nodes.flat();
    return this.flatNodes;
  }
}

/** True when every root time is `[e, 0]`: no root item delays rows with `enter_at`. */
function rootTimesAreEpochs(program: ProgramIr): boolean {
  const root = program.scopes[0];
  if (root === undefined) return true;
  return root.items.every((item) => item.op !== 'linear' || item.ops.every((op) => op.k !== 'enter_at'));
}

function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/**
 * The arrangements of scope `s` that can be read as another trace: an arrangement of a
 * loop variable whose var is defined by a reducer holds exactly the reducer's output, one
 * iteration later, so it need not be built — its readers read the reducer's trace with
 * each time one iteration later. Only when joins alone read it as an arrangement: a
 * reducer reading it, or a child scope entering it, reads history times as they are.
 * Maps each such arrangement item to the reducer item.
 */
function variableViews(program: ProgramIr, s: ScopeIr): Map<ItemIr, ItemIr> {
  const views = new Map<ItemIr, ItemIr>();
  for (const v of s.vars) {
    const next = s.items.find((x) => x.id === v.next);
    if (next?.op !== 'reduce') continue;
    for (const item of s.items) {
      if (item.op !== 'arrange' || item.input !== v.item) continue;
      const reducedHere = s.items.some((x) => x.op === 'reduce' && x.input === item.id);
      const entered = s.children.some((c) =>
        (program.scopes[c]?.items ?? []).some((x) => x.op === 'enter' && x.from === item.id),
      );
      if (!reducedHere && !entered) views.set(item, next);
    }
  }
  return views;
}
