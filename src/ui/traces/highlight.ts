/**
 * What the last tick did to each row of a trace table.
 *
 * `classifyTick` takes the current rows (sorted by (key, val)) and the tick's changes
 * (`added`: increases, `removed`: decreases, as in `TraceData.lastTick`) and returns the
 * rows to display, in order, each with its status:
 *   added    the pair is new: its whole multiplicity arrived in this tick;
 *   changed  the pair was there before and its multiplicity went up or down;
 *   removed  the pair is gone — a ghost row carrying its old multiplicity, placed where
 *            it sorted, so the user sees what disappeared (it is not part of the contents);
 *   same     untouched.
 * Cost O(n + c log n) for n rows and c changes: changes are located by binary search, so a
 * small tick on a huge trace stays cheap. A change naming a pair that is not in `rows`
 * with a positive remaining multiplicity is ignored (it cannot be shown). Pure.
 */
import type { ValueJson } from '../../lang/value-json.js';
import type { JsonRow, TraceData } from '../state/trace-data.js';
import { comparePairs } from './decode.js';

/** How the last tick touched a displayed row. */
export type RowStatus = 'added' | 'changed' | 'removed' | 'same';

/** A row as displayed: the row, its status and how much its multiplicity moved in the tick. */
export interface DisplayRow {
  readonly row: JsonRow;
  readonly status: RowStatus;
  /** Net change of the multiplicity in the tick (negative for a removed ghost row). */
  readonly delta: number;
}

/** The first index whose (key, val) is not below the pair (rows sorted by (key, val)). */
export function lowerBound(rows: readonly JsonRow[], key: ValueJson, val: ValueJson): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const row = rows[mid] as JsonRow;
    if (comparePairs(row[0], row[1], key, val) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findPair(rows: readonly JsonRow[], key: ValueJson, val: ValueJson): { at: number; found: boolean } {
  const at = lowerBound(rows, key, val);
  const row = rows[at];
  return { at, found: row !== undefined && comparePairs(row[0], row[1], key, val) === 0 };
}

/** The rows to display for the current contents and the last tick's changes, each classified. */
export function classifyTick(rows: readonly JsonRow[], tick: TraceData['lastTick']): DisplayRow[] {
  const deltas = new Map<number, number>();
  const ghosts: { at: number; row: JsonRow }[] = [];
  for (const [key, val, d] of tick.added) {
    const { at, found } = findPair(rows, key, val);
    if (found) deltas.set(at, (deltas.get(at) ?? 0) + d);
  }
  for (const [key, val, d] of tick.removed) {
    const { at, found } = findPair(rows, key, val);
    if (found) deltas.set(at, (deltas.get(at) ?? 0) - d);
    else ghosts.push({ at, row: [key, val, d] });
  }
  ghosts.sort((a, b) => a.at - b.at || comparePairs(a.row[0], a.row[1], b.row[0], b.row[1]));

  const out: DisplayRow[] = [];
  let g = 0;
  for (let i = 0; i <= rows.length; i++) {
    for (; g < ghosts.length && (ghosts[g] as { at: number }).at === i; g++) {
      const ghost = (ghosts[g] as { row: JsonRow }).row;
      out.push({ row: ghost, status: 'removed', delta: -ghost[2] });
    }
    const row = rows[i];
    if (row === undefined) break;
    const delta = deltas.get(i);
    if (delta === undefined) out.push({ row, status: 'same', delta: 0 });
    else out.push({ row, status: delta > 0 && delta === row[2] ? 'added' : 'changed', delta });
  }
  return out;
}
