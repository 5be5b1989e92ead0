/**
 * The time grid, pure (PLAYGROUND.md part 4): updates `(key, val, time, diff)` with
 * logical times `[epoch, i1, i2, …]` laid out as epochs (rows) × iterations (columns).
 *
 * - Columns are the iteration coordinates after the epoch. For one loop level they are
 *   `i1 = 0 … max` (every round, even quiet ones); for nested loops each distinct
 *   `[i1, i2, …]` seen is a column, in lexicographic order (e.g. `0.0 0.1 1.0`), so no
 *   coordinate is lost. Times of the outermost scope (`[epoch]`) give one column `—`.
 * - A cell holds the updates at exactly that time, consolidated per (key, val):
 *   `count` = how many (key, val) changed there, `diff` = the sum of their diffs (net),
 *   `plus` / `minus` = the sums of the positive and negative diffs.
 * - `contentsAt(updates, time)` is the accumulated collection at a cell: the sum of all
 *   updates at times ≤ `time` in the product partial order, consolidated and sorted.
 */
import { comparePairs } from '../traces/decode.js';
import type { ValueJson } from '../../lang/value-json.js';
import type { JsonRow } from '../../server/events.js';

/** One update with its logical time. */
export interface TimedUpdate {
  readonly key: ValueJson;
  readonly val: ValueJson;
  readonly time: readonly number[];
  readonly diff: number;
}

/** One cell of the grid. */
export interface GridCell {
  readonly time: readonly number[];
  readonly updates: readonly TimedUpdate[];
  readonly count: number;
  readonly diff: number;
  readonly plus: number;
  readonly minus: number;
}

/** The grid: `cells[r][c]` is epoch `epochs[r]` at iteration column `columns[c]`. */
export interface TimeGrid {
  readonly epochs: readonly number[];
  readonly columns: readonly (readonly number[])[];
  readonly cells: readonly (readonly GridCell[])[];
  /** True when columns past `MAX_COLUMNS` were left out. */
  readonly clipped: boolean;
}

/** The most iteration columns drawn (a runaway loop would otherwise make thousands). */
export const MAX_COLUMNS = 120;
/** The most epoch rows drawn (the latest ones). */
export const MAX_ROWS = 200;

// Identity of a (key, val) for consolidation: JSON of a ValueJson is canonical (no maps, no floats).
function pairId(key: ValueJson, val: ValueJson): string {
  return JSON.stringify([key, val]);
}

function timeId(time: readonly number[]): string {
  return time.join(',');
}

function compareTimes(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Sums equal (key, val) updates; drops those that cancel. */
export function consolidate(updates: readonly TimedUpdate[], time: readonly number[]): TimedUpdate[] {
  const sums = new Map<string, TimedUpdate>();
  for (const u of updates) {
    const id = pairId(u.key, u.val);
    const old = sums.get(id);
    sums.set(id, { key: u.key, val: u.val, time, diff: (old?.diff ?? 0) + u.diff });
  }
  return [...sums.values()].filter((u) => u.diff !== 0);
}

/** The grid of `updates` (see the module header). */
export function buildGrid(updates: readonly TimedUpdate[]): TimeGrid {
  const byTime = new Map<string, TimedUpdate[]>();
  let minEpoch = Infinity;
  let maxEpoch = -Infinity;
  const suffixes = new Map<string, readonly number[]>();
  let depth = 0;
  for (const u of updates) {
    const id = timeId(u.time);
    let list = byTime.get(id);
    if (list === undefined) byTime.set(id, (list = []));
    list.push(u);
    const epoch = u.time[0] ?? 0;
    minEpoch = Math.min(minEpoch, epoch);
    maxEpoch = Math.max(maxEpoch, epoch);
    const suffix = u.time.slice(1);
    suffixes.set(timeId(suffix), suffix);
    depth = Math.max(depth, suffix.length);
  }
  if (updates.length === 0) return { epochs: [], columns: [], cells: [], clipped: false };

  let columns: (readonly number[])[];
  if (depth === 1) {
    const last = Math.max(...[...suffixes.values()].map((s) => s[0] ?? 0));
    columns = Array.from({ length: last + 1 }, (_, i) => [i]);
  } else {
    columns = [...suffixes.values()].sort(compareTimes);
  }
  const clipped = columns.length > MAX_COLUMNS;
  if (clipped) columns = columns.slice(0, MAX_COLUMNS);
  const first = Math.max(minEpoch, maxEpoch - MAX_ROWS + 1);
  const epochs = Array.from({ length: maxEpoch - first + 1 }, (_, i) => first + i);

  const cells = epochs.map((epoch) =>
    columns.map((suffix): GridCell => {
      const time = [epoch, ...suffix];
      const consolidated = consolidate(byTime.get(timeId(time)) ?? [], time);
      let plus = 0;
      let minus = 0;
      for (const u of consolidated) {
        if (u.diff > 0) plus += u.diff;
        else minus += u.diff;
      }
      return { time, updates: consolidated, count: consolidated.length, diff: plus + minus, plus, minus };
    }),
  );
  return { epochs, columns, cells, clipped };
}

/** True when `a ≤ b` in the product order (missing coordinates count as 0). */
export function lessEqual(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if ((a[i] ?? 0) > (b[i] ?? 0)) return false;
  return true;
}

/** The accumulated contents at `time`: updates at times ≤ `time`, consolidated, sorted by (key, val). */
export function contentsAt(updates: readonly TimedUpdate[], time: readonly number[]): JsonRow[] {
  const rows = consolidate(
    updates.filter((u) => lessEqual(u.time, time)),
    time,
  ).map((u): JsonRow => [u.key, u.val, u.diff]);
  return rows.sort((a, b) => comparePairs(a[0], a[1], b[0], b[1]));
}

/** The column header of an iteration suffix: `0`, `1.2`, or `—` for none. */
export function columnLabel(suffix: readonly number[]): string {
  return suffix.length === 0 ? '—' : suffix.join('.');
}
