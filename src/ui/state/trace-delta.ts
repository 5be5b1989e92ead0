/**
 * Trace deltas, pure: given a trace's rows before and after a command (both consolidated,
 * sorted), the per-(key, val) multiplicity changes; and `applySnapshot`, which folds a
 * backend snapshot into the views' `TraceData` list — appending each change to the
 * trace's history at the epoch it belongs to and replacing `lastTick` for a tick.
 * A trace whose program failed keeps its last rows (nothing is recorded for it).
 */
import type { JsonRow, ValueJson } from './trace-data.js';
import type { TraceChange, TraceData } from './trace-data.js';
import type { TraceSnapshot } from '../backend/protocol.js';

/** Identity of a row's data for diffing (JSON of a ValueJson is canonical: no maps, no floats). */
function rowId(key: ValueJson, val: ValueJson): string {
  return JSON.stringify([key, val]);
}

/** The changes from `before` to `after`, in `after`'s order then removed rows in `before`'s order. */
export function diffRows(
  before: readonly JsonRow[],
  after: readonly JsonRow[],
): { added: JsonRow[]; removed: JsonRow[]; changes: { key: ValueJson; val: ValueJson; diff: number }[] } {
  const old = new Map<string, JsonRow>();
  for (const row of before) old.set(rowId(row[0], row[1]), row);
  const added: JsonRow[] = [];
  const removed: JsonRow[] = [];
  const changes: { key: ValueJson; val: ValueJson; diff: number }[] = [];
  const record = (key: ValueJson, val: ValueJson, diff: number): void => {
    if (diff === 0) return;
    changes.push({ key, val, diff });
    if (diff > 0) added.push([key, val, diff]);
    else removed.push([key, val, -diff]);
  };
  for (const [key, val, mult] of after) {
    const id = rowId(key, val);
    const previous = old.get(id);
    old.delete(id);
    record(key, val, mult - (previous?.[2] ?? 0));
  }
  for (const [key, val, mult] of old.values()) record(key, val, -mult);
  return { added, removed, changes };
}

/** How a snapshot came about: a tick (to `epoch`, the new open epoch) or another command. */
export interface SnapshotCause {
  readonly tick: boolean;
  /** The open epoch after the command. */
  readonly epoch: number;
}

/** The epoch a change seen at open epoch `epoch` belongs to: the last closed one. */
export function changeEpoch(epoch: number): number {
  return Math.max(0, epoch - 1);
}

const NO_CHANGES: TraceData['lastTick'] = { added: [], removed: [] };

/** The views' traces after a snapshot (see the module header); `previous` is by name. */
export function applySnapshot(
  previous: readonly TraceData[],
  snapshot: readonly TraceSnapshot[],
  cause: SnapshotCause,
): TraceData[] {
  const byName = new Map(previous.map((t) => [t.name, t]));
  const at = changeEpoch(cause.epoch);
  return snapshot.map((trace): TraceData => {
    const old = byName.get(trace.name);
    if (trace.error !== undefined && old !== undefined) {
      return cause.tick ? { ...old, lastTick: NO_CHANGES } : old;
    }
    const { added, removed, changes } = diffRows(old?.rows ?? [], trace.rows);
    if (changes.length === 0 && old !== undefined) {
      return cause.tick ? { ...old, lastTick: NO_CHANGES } : old;
    }
    const history: TraceChange[] = [...(old?.history ?? []), ...changes.map((c) => ({ epoch: at, ...c }))];
    return { name: trace.name, rows: trace.rows, history, lastTick: { added, removed } };
  });
}
