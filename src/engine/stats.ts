/**
 * Combining per-operator counters: the shards of one dataflow on several workers are
 * one operator each, so their counters add up (and their samples of last-tick updates
 * are concatenated up to `SAMPLE_LIMIT`). Used by every runtime that shows work per
 * operator (the CLI's `--stats`, the playground's plan view).
 */
import { SAMPLE_LIMIT } from './api.js';
import type { OperatorStats } from './api.js';

/** Sums the counters of each `(scope, item)` over the workers' shards, in first-seen order. */
export function sumOperatorStats(shards: readonly (readonly OperatorStats[])[]): OperatorStats[] {
  const out = new Map<string, OperatorStats>();
  for (const stats of shards) {
    for (const s of stats) {
      const key = `${s.scope}.${s.item}`;
      const old = out.get(key);
      out.set(
        key,
        old === undefined
          ? s
          : {
              scope: s.scope,
              item: s.item,
              inLastTick: old.inLastTick + s.inLastTick,
              outLastTick: old.outLastTick + s.outLastTick,
              inTotal: old.inTotal + s.inTotal,
              outTotal: old.outTotal + s.outTotal,
              recordsHeld: old.recordsHeld + s.recordsHeld,
              lastUpdates: [...old.lastUpdates, ...s.lastUpdates].slice(0, SAMPLE_LIMIT),
            },
      );
    }
  }
  return [...out.values()];
}
