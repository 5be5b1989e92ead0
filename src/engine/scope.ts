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
import type { Port } from './port.js';
import { compareLex, formatTime, hasPrefix, resize, timeEquals } from './time.js';
import type { Time } from './time.js';
import type { ScopeLabel } from './budget.js';
import type { ItemIr } from '../lang/ir.js';

/** The runtime of one scope: its nodes, its agenda of pending times, its progress. */
export class ScopeRuntime implements ScopeHandle {
  /** The scope's nodes, in dependency order. */
  readonly nodes: Node[] = [];
  // Distinct pending times, sorted lexicographically (nested scopes only).
  private readonly agenda: Time[] = [];
  /** The time being processed (nested scopes only), else null. */
  current: Time | null = null;

  constructor(
    readonly id: number,
    readonly depth: number,
    readonly label: ScopeLabel,
    readonly parent: ScopeRuntime | null,
    private readonly ctx: RunContext,
  ) {}

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

  /** Root only: processes everything of epoch `epoch`, node by node. */
  runEpoch(epoch: number): void {
    const budget = this.ctx.budget;
    const cluster = this.ctx.cluster;
    for (const node of this.nodes) {
      for (;;) {
        const t = cluster.agreeNextTime(this.id, node.nextTime());
        if (t === undefined) break;
        if (t[0] !== epoch) throw invariant(node.item, t, `epoch ${epoch}`);
        node.step(t);
        budget.checkTime();
      }
    }
  }

  /** Nested scopes: processes every pending time with prefix `prefix`, in order. */
  run(prefix: Time): void {
    const budget = this.ctx.budget;
    const outer = budget.running;
    budget.running = this.label;
    let iterations = 0;
    for (;;) {
      const local = this.agenda[0];
      const t = this.ctx.cluster.agreeNextTime(
        this.id,
        local !== undefined && hasPrefix(local, prefix) ? local : undefined,
      );
      if (t === undefined) break;
      if (local !== undefined && timeEquals(local, t)) this.agenda.shift();
      this.current = t;
      iterations++;
      budget.checkIterations(this.label, iterations, t);
      budget.checkTime();
      for (const node of this.nodes) {
        const nt = node.nextTime();
        if (nt === undefined) continue;
        const c = compareLex(nt, t);
        if (c === 0) node.step(t);
        else if (c < 0) throw invariant(node.item, nt, formatTime(t));
      }
    }
    this.current = null;
    budget.running = outer;
  }
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

  step(t: Time): void {
    this.child.run(this.scope.depth === 0 ? [t[0] as number] : t);
  }

  ports(): readonly Port[] {
    return [];
  }
}

/** The earliest pending time among some ports. */
export function earliestOf(ports: readonly Port[]): Time | undefined {
  let best: Time | undefined;
  for (const p of ports) best = earliest(best, p.head());
  return best;
}
