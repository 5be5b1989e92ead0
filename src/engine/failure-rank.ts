/**
 * Which failure a dataflow's run reports, independent of how many workers ran it.
 *
 * A run stops at its *first* failure in schedule order. Every failure carries its
 * `position` in that order: the root contributes `[node index, epoch, c1]`, a nested
 * scope at depth d `[...time (d+1 coordinates), node index]` (−1 for the scope itself,
 * e.g. its iteration budget), outermost level first. Within one step an operator reports
 * the least failing row (it evaluates the whole step before failing), so the least
 * failure under `compareFailures` — position, then kind, row, time, span, message — is
 * the same whether one worker saw every row or each of n workers saw its shard and the
 * workers took the least of their reports. Only a wall-clock timeout may land
 * differently, as any timing does.
 */
import type { DataflowFailure } from './api.js';
import { compareLex } from './time.js';
import { compareValues } from '../lang/value-order.js';

/** A failure as reported by the engine, before it is attributed to a dataflow. */
export type FailureInfo = Omit<DataflowFailure, 'dataflow'>;

/** A failure with its place in the schedule. */
export interface RankedFailure {
  readonly failure: FailureInfo;
  readonly position: readonly number[];
}

const KIND_ORDER: Record<FailureInfo['kind'], number> = { term: 0, iterations: 1, timeout: 2, upstream: 3 };

function comparePositions(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Orders failures by schedule position, then by their details (a total order). */
export function compareFailures(a: RankedFailure, b: RankedFailure): number {
  return comparePositions(a.position, b.position) || compareInfo(a.failure, b.failure);
}

/** Orders two failures of one step: kind, row, time, span, message. */
export function compareInfo(a: FailureInfo, b: FailureInfo): number {
  const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (kind !== 0) return kind;
  if (a.row !== undefined && b.row !== undefined) {
    const row = compareValues(a.row.key, b.row.key) || compareValues(a.row.val, b.row.val);
    if (row !== 0) return row;
  } else if (a.row !== b.row) return a.row === undefined ? -1 : 1;
  if (a.time !== undefined && b.time !== undefined) {
    const time = compareLex(a.time, b.time);
    if (time !== 0) return time;
  } else if (a.time !== b.time) return a.time === undefined ? -1 : 1;
  const span = (a.span?.start ?? -1) - (b.span?.start ?? -1);
  if (span !== 0) return span;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** The least of some failures (by `compareFailures`). */
export function leastFailure(failures: readonly RankedFailure[]): RankedFailure | undefined {
  let best: RankedFailure | undefined;
  for (const f of failures) if (best === undefined || compareFailures(f, best) < 0) best = f;
  return best;
}
