/**
 * Work counters by drawn node, pure: `workByNode(plans)` maps every graph node id
 * (`<program>|<plan node id>`) to its engine counters. An export node has no operator
 * of its own: it is credited with what its arrangement published (its output).
 */
import { graphNodeId } from './graph-model.js';
import type { OperatorStats } from '../../engine/api.js';
import type { ProgramPlan } from '../backend/plans.js';

/** The counters of every drawn node that has some (see the module header). */
export function workByNode(plans: readonly ProgramPlan[]): Map<string, OperatorStats> {
  const out = new Map<string, OperatorStats>();
  for (const { program, plan, stats } of plans) {
    for (const s of stats) out.set(graphNodeId(program, `${s.scope}.${s.item}`), s);
    for (const edge of plan.edges) {
      if (edge.kind !== 'export') continue;
      const source = out.get(graphNodeId(program, edge.from));
      if (source === undefined) continue;
      out.set(graphNodeId(program, edge.to), {
        scope: source.scope,
        item: source.item,
        inLastTick: source.outLastTick,
        outLastTick: 0,
        inTotal: source.outTotal,
        outTotal: 0,
        recordsHeld: 0,
        lastUpdates: source.lastUpdates,
      });
    }
  }
  return out;
}

/** How many of these nodes did any work in the last tick, of how many. */
export function busyCount(work: ReadonlyMap<string, OperatorStats>): { busy: number; total: number } {
  let busy = 0;
  for (const s of work.values()) if (s.inLastTick + s.outLastTick > 0) busy += 1;
  return { busy, total: work.size };
}
