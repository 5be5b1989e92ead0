/**
 * A dataflow's positional inputs as the engine keeps them between ticks.
 *
 * Rows fed for a future epoch are *staged* outside every trace until a tick closes that
 * epoch (`release`). Released rows are also *retained*: every row a dataflow has ever
 * been given, so a failed dataflow can be rebuilt from scratch (`history`, consolidated
 * per input). Retention appends the row objects as they are (no hashing on the load's
 * path) and consolidates the list once it has doubled since its last consolidation, so
 * its size stays within about twice the live contents of the input, not the number of
 * changes.
 */
import { BatchBuilder } from './batch.js';
import type { Batch } from './batch.js';
import { RowCounts } from './consolidate.js';
import type { Value } from '../lang/value.js';

/** One input row change. */
export interface InputRow {
  readonly input: number;
  readonly key: Value;
  readonly val: Value;
  readonly diff: number;
}

// Rows below which a retained list is never consolidated (consolidating tiny lists often
// would cost more than it saves).
const MIN_CONSOLIDATE = 1024;

/** Staged and retained input rows of one dataflow. */
export class InputLog {
  // Future rows by epoch, in feed order.
  private readonly staged = new Map<number, InputRow[]>();
  // Released rows, in release order, consolidated when the list last was `settled` long.
  private retained: InputRow[] = [];
  private settled = 0;

  /** Stages `row` until epoch `time` is closed. */
  stage(row: InputRow, time: number): void {
    let rows = this.staged.get(time);
    if (rows === undefined) {
      rows = [];
      this.staged.set(time, rows);
    }
    rows.push(row);
  }

  /** Removes and returns the rows staged for `epoch`, retaining them. */
  release(epoch: number): readonly InputRow[] {
    const rows = this.staged.get(epoch);
    if (rows === undefined) return [];
    this.staged.delete(epoch);
    this.retain(rows);
    return rows;
  }

  /** Adds rows to the retained history directly (rows placed in the closed past). */
  retain(rows: readonly InputRow[]): void {
    const retained = this.retained;
    // The first release usually is the whole load: keep its array as it is.
    if (retained.length === 0 && rows.length > MIN_CONSOLIDATE) this.retained = rows.slice();
    else for (let i = 0; i < rows.length; i++) retained.push(rows[i] as InputRow);
    const n = this.retained.length;
    // A first list (usually the load) counts as settled: consolidating it would rarely
    // shrink it.
    if (this.settled === 0) this.settled = n;
    else if (n > MIN_CONSOLIDATE && n > 2 * this.settled) this.consolidate();
  }

  /** Every retained row with a non-zero multiplicity, input by input. */
  history(): InputRow[] {
    this.consolidate();
    return this.retained.slice();
  }

  // Replaces the retained list by its consolidation (per input, zero sums dropped).
  private consolidate(): void {
    const byInput = new Map<number, RowCounts>();
    for (const r of this.retained) {
      let counts = byInput.get(r.input);
      if (counts === undefined) {
        counts = new RowCounts();
        byInput.set(r.input, counts);
      }
      counts.add(r.key, r.val, r.diff);
    }
    const rows: InputRow[] = [];
    for (const [input, counts] of byInput)
      counts.forEach((key, val, diff) => rows.push({ input, key, val, diff }));
    this.retained = rows;
    this.settled = rows.length;
  }
}

/** The rows as one batch per input index. */
export function batchesByInput(rows: readonly InputRow[]): Map<number, Batch> {
  const builders = new Map<number, BatchBuilder>();
  for (const r of rows) {
    let b = builders.get(r.input);
    if (b === undefined) {
      b = new BatchBuilder();
      builders.set(r.input, b);
    }
    b.push(r.key, r.val, r.diff);
  }
  const out = new Map<number, Batch>();
  for (const [input, b] of builders) out.set(input, b.build());
  return out;
}
