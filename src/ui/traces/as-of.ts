/**
 * A trace's contents as of a past epoch, computed from its change history.
 *
 * `indexHistory` sorts the history once by (key, val) in value order, grouping the
 * changes of each pair by epoch (O(n log n)); `snapshotAt` then answers, in one linear
 * pass, the consolidated contents as of epoch E (the sum of every diff with epoch ≤ E,
 * zero multiplicities dropped, sorted by (key, val) — exactly what `peek` would have said
 * after the tick that closed E) and what that tick changed, in the shape of
 * `TraceData.lastTick` (`added`: increases, `removed`: decreases, each as a positive mult).
 * Moving the epoch slider therefore never re-sorts. Pure; never throws.
 */
import type { ValueJson } from '../../lang/value-json.js';
import type { JsonRow, TraceChange, TraceData } from '../state/trace-data.js';
import { comparePairs } from './decode.js';

/** The changes of one (key, val) pair, by ascending epoch. */
interface PairHistory {
  readonly key: ValueJson;
  readonly val: ValueJson;
  readonly epochs: number[];
  readonly diffs: number[];
}

/** A history grouped by pair, pairs in value order (build with `indexHistory`). */
export interface HistoryIndex {
  readonly pairs: readonly PairHistory[];
}

/** The contents as of one epoch and the changes of the tick that closed it. */
export interface Snapshot {
  readonly rows: JsonRow[];
  readonly tick: TraceData['lastTick'];
}

/** Groups a history by (key, val) in value order, each pair's changes by epoch. */
export function indexHistory(history: readonly TraceChange[]): HistoryIndex {
  const order = history.map((_, i) => i);
  order.sort((i, j) => {
    const a = history[i] as TraceChange;
    const b = history[j] as TraceChange;
    return comparePairs(a.key, a.val, b.key, b.val) || a.epoch - b.epoch || i - j;
  });
  const pairs: PairHistory[] = [];
  let last: PairHistory | undefined;
  for (const i of order) {
    const change = history[i] as TraceChange;
    if (last === undefined || comparePairs(last.key, last.val, change.key, change.val) !== 0) {
      last = { key: change.key, val: change.val, epochs: [], diffs: [] };
      pairs.push(last);
    }
    last.epochs.push(change.epoch);
    last.diffs.push(change.diff);
  }
  return { pairs };
}

/** The consolidated, sorted contents as of `epoch` and the changes made at exactly `epoch`. */
export function snapshotAt(index: HistoryIndex, epoch: number): Snapshot {
  const rows: JsonRow[] = [];
  const added: JsonRow[] = [];
  const removed: JsonRow[] = [];
  for (const pair of index.pairs) {
    let before = 0;
    let at = 0;
    for (let i = 0; i < pair.epochs.length; i++) {
      const e = pair.epochs[i] as number;
      if (e > epoch) break;
      if (e < epoch) before += pair.diffs[i] as number;
      else at += pair.diffs[i] as number;
    }
    const mult = before + at;
    if (mult !== 0) rows.push([pair.key, pair.val, mult]);
    if (at > 0) added.push([pair.key, pair.val, at]);
    else if (at < 0) removed.push([pair.key, pair.val, -at]);
  }
  return { rows, tick: { added, removed } };
}

/** The consolidated contents as of `epoch`, sorted by (key, val): every diff with epoch ≤ `epoch`, summed. */
export function contentsAsOf(history: readonly TraceChange[], epoch: number): JsonRow[] {
  return snapshotAt(indexHistory(history), epoch).rows;
}
