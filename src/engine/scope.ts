/**
 * Hierarchical time-ordered scheduling (ENGINE.md "Knowing when a time is complete").
 *
 * A `ScopeRuntime` holds the nodes of one `{ }` scope in dependency order.
 * - The root has no feedback: for an epoch e, each root node in turn processes all of its
 *   pending times of that epoch (`runEpoch`); root times are `[e, c1]`, c1 coming only
 *   from a root `enter_at`.
 * - A nested scope at depth d runs for one outer time p (its *prefix*, d coordinates):
 *   it repeatedly takes the least pending time `p ++ [i]` from its agenda and steps every
 *   node that has work at exactly that time, in dependency order (`run`). A child scope
 *   node steps by running the child for the current time, so the child finishes all of
 *   its times with that prefix before the parent moves on.
 * Both are resumable (`Steps`, cluster.ts): a child scope and, when sharded, an
 * arrangement's exchange and every agreement on a next time are points where all
 * workers meet. A failure leaving a step gets its schedule position (failure-rank.ts).
 * Every time a port starts holding is scheduled on its scope's agenda; a time whose
 * prefix lies ahead of the parent's current time (work due at a later outer iteration)
 * is also scheduled on the parent, recursively, so the parent visits it even if nothing
 * else of its own is due then. Depth-1 scopes share their coordinate with the root's c1,
 * so their prefix is just the epoch.
 *
 * Invariant checked here: no node ever holds work at a time earlier than the one being
 * processed (that would mean an operator emitted into the past).
 */
import { earliest, Node } from './node.js';
import type { RunContext, ScopeHandle } from './node.js';
import type { Port, TickClock } from './port.js';
import { asAbort } from './budget.js';
import { PeerAbort, repliedTime } from './cluster.js';
import type { Steps } from './cluster.js';
import { timeWidth } from './operators/edges.js';
import { compareLex, coord, formatTime, hasPrefix, resize, timeEquals } from './time.js';
import type { Time } from './time.js';
import type { ScopeLabel } from './budget.js';
import type { ItemIr } from '../lang/ir.js';

/** The runtime of one scope: its nodes, its agenda of pending times, its progress. */
export class ScopeRuntime implements ScopeHandle {
  /** The scope's nodes, in dependency order (`add`). */
  readonly nodes: Node[] = [];
  // Per node: whether its step runs resumably (`steps`) here, alone or sharded. Read
  // from this array rather than from the nodes, whose classes are many (in V8 a field
  // read across many classes is a slow megamorphic lookup, and this one is per step).
  private readonly resumableAlone: boolean[] = [];
  private readonly resumableShared: boolean[] = [];
  // Per node: its `soleInput` (read, like the flags above, from an array of one class).
  private readonly soleInputs: (Port | null)[] = [];
  // Distinct pending times, sorted lexicographically (nested scopes only).
  private readonly agenda: Time[] = [];
  /** True while no node is a child scope (a lone worker's run of it never yields). */
  flat = true;
  /** The time being processed (nested scopes only), else null. */
  current: Time | null = null;
  /** The dataflow's tick count. */
  readonly clock: TickClock;

  constructor(
    readonly id: number,
    readonly depth: number,
    readonly label: ScopeLabel,
    readonly parent: ScopeRuntime | null,
    private readonly ctx: RunContext,
  ) {
    this.clock = ctx.clock;
  }

  /** Appends `node` (fully built) as the scope's next node. */
  add(node: Node): void {
    this.nodes.push(node);
    // Alone, only a child scope needs its resumable step (an arrangement has no one to
    // meet); sharded, every collective node does.
    this.resumableAlone.push(node.nested);
    this.resumableShared.push(node.collective);
    this.soleInputs.push(node.soleInput);
    if (node.nested) this.flat = false;
  }

  /** Notes pending work at `t` (a time of this scope). */
  schedule(t: Time): void {
    // The root needs no agenda; the current time is being swept by dependency order.
    if (this.depth === 0) return;
    const cur = this.current;
    if (cur !== null && compareLex(t, cur) === 0) return;
    const agenda = this.agenda;
    let lo = 0;
    let hi = agenda.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareLex(agenda[mid] as Time, t);
      if (c === 0) return;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    agenda.splice(lo, 0, t);
    const parent = this.parent;
    if (this.depth >= 2 && parent !== null) {
      // The parent's times have `depth` coordinates: the prefix of ours.
      const outer = parent.current;
      if (outer === null || !hasPrefix(t, outer)) parent.schedule(resize(t, this.depth));
    }
  }

  /** The earliest pending time of this (nested) scope, if any. */
  head(): Time | undefined {
    return this.agenda[0];
  }

  /**
   * Root only: processes everything of epoch `epoch`, node by node. When sharded, the
   * workers agree on each collective node's next time (the least of their candidates).
   */
  *runEpoch(epoch: number): Steps<void> {
    const shared = this.ctx.cluster.workers > 1;
    const nodes = this.nodes;
    const resumable = shared ? this.resumableShared : this.resumableAlone;
    const soleInputs = this.soleInputs;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Node;
      const port = soleInputs[i] as Port | null;
      if (!(resumable[i] as boolean)) {
        this.drain(node, port, i, epoch);
        continue;
      }
      for (;;) {
        let t = port !== null ? port.head : node.nextTime();
        // Sharded, the resumable nodes are the collective ones, whose next times are agreed.
        if (shared) t = repliedTime(yield { kind: 'agree', scope: this.id, time: t }, this.id);
        if (t === undefined) break;
        try {
          if (t[0] !== epoch) throw invariant(node.item, t, `epoch ${epoch}`);
          yield* node.steps(t);
        } catch (e) {
          throw located(e, [i, coord(t, 0), coord(t, 1)]);
        }
      }
    }
  }

  /** `runEpoch` when it cannot yield: one worker, no child scope (`flat`). */
  runEpochAlone(epoch: number): void {
    const nodes = this.nodes;
    const soleInputs = this.soleInputs;
    for (let i = 0; i < nodes.length; i++) {
      const port = soleInputs[i] as Port | null;
      // A tick leaves most nodes idle: an empty port is skipped without a call.
      if (port === null || port.head !== undefined) this.drain(nodes[i] as Node, port, i, epoch);
    }
  }

  // Root only: steps node i (whose `soleInput` is `port`) through all of its pending
  // times of epoch `epoch`.
  private drain(node: Node, port: Port | null, i: number, epoch: number): void {
    for (;;) {
      const t = port !== null ? port.head : node.nextTime();
      if (t === undefined) return;
      try {
        if (t[0] !== epoch) throw invariant(node.item, t, `epoch ${epoch}`);
        // Steps read the clock as they count their work (`Budget.work`).
        node.step(t);
      } catch (e) {
        throw located(e, [i, coord(t, 0), coord(t, 1)]);
      }
    }
  }

  /**
   * Nested scopes: processes every pending time with prefix `prefix`, in order. When
   * sharded, each next time is agreed by all workers, and collective nodes step at every
   * agreed time (the meeting needs everyone).
   */
  *run(prefix: Time): Steps<void> {
    const budget = this.ctx.budget;
    const outer = budget.running;
    budget.running = this.label;
    const shared = this.ctx.cluster.workers > 1;
    const nodes = this.nodes;
    const resumable = shared ? this.resumableShared : this.resumableAlone;
    const soleInputs = this.soleInputs;
    const width = timeWidth(this.depth);
    let iterations = 0;
    for (;;) {
      const head = this.agenda[0];
      const local = head !== undefined && hasPrefix(head, prefix) ? head : undefined;
      const t = shared ? repliedTime(yield { kind: 'agree', scope: this.id, time: local }, this.id) : local;
      if (t === undefined) break;
      if (local !== undefined && timeEquals(local, t)) this.agenda.shift();
      this.current = t;
      iterations++;
      let i = -1;
      try {
        budget.checkIterations(this.label, iterations, t);
        budget.checkTime();
        for (i = 0; i < nodes.length; i++) {
          const node = nodes[i] as Node;
          const port = soleInputs[i] as Port | null;
          const nt = port !== null ? port.head : node.nextTime();
          let due = false;
          if (nt !== undefined) {
            const c = compareLex(nt, t);
            if (c < 0) throw invariant(node.item, nt, formatTime(t));
            due = c === 0;
          }
          // Sharded, a collective node steps at every agreed time (the meeting needs everyone).
          if (shared && (resumable[i] as boolean)) yield* node.steps(t);
          else if (due) {
            if (resumable[i] as boolean) yield* node.steps(t);
            else node.step(t);
          }
        }
      } catch (e) {
        throw located(e, [...resize(t, width), i]);
      }
    }
    this.current = null;
    budget.running = outer;
  }
}

/**
 * The failure an exception stands for, with this scope level's coordinates put in
 * front of its position (failure-rank.ts). A peer's abort passes through untouched.
 */
function located(e: unknown, where: readonly number[]): unknown {
  if (e instanceof PeerAbort) return e;
  const abort = asAbort(e);
  abort.position.unshift(...where);
  return abort;
}

function invariant(item: ItemIr, t: Time, now: string): Error {
  return new RangeError(
    `scheduler: item ${item.id} (${item.op}) holds work at ${formatTime(t)} while processing ${now}`,
  );
}

/** A child scope as an item of its parent: stepping it runs the child for that time. */
export class ScopeNode extends Node {
  constructor(
    ctx: RunContext,
    scope: ScopeHandle,
    item: ItemIr,
    /** The child scope this node runs. */
    readonly child: ScopeRuntime,
  ) {
    super(ctx, scope, item);
  }

  nextTime(): Time | undefined {
    const h = this.child.head();
    if (h === undefined) return undefined;
    // At the root the child's times are root times; deeper, the parent's time is the prefix.
    return this.scope.depth === 0 ? h : resize(h, this.child.depth);
  }

  override collective = true;
  override readonly nested = true;

  step(t: Time): void {
    throw new TypeError(`scope item ${this.item.id} runs through its scope's steps, not at ${formatTime(t)}`);
  }

  override steps(t: Time): Steps<void> {
    return this.child.run(this.scope.depth === 0 ? [t[0] as number] : t);
  }

  ports(): readonly Port[] {
    return [];
  }
}

/** The earliest pending time among some ports. */
export function earliestOf(ports: readonly Port[]): Time | undefined {
  let best: Time | undefined;
  for (const p of ports) best = earliest(best, p.head);
  return best;
}
