/**
 * A dataflow's positional inputs as the engine keeps them between ticks.
 *
 * Rows fed for a future epoch are *staged* outside every trace until a tick closes that
 * epoch (`release`). Released rows are also *retained*: every row a dataflow has ever
 * been given, consolidated per input, so a failed dataflow can be rebuilt from scratch
 * (`history`). Retention is a consolidated multiset, so its size follows the live
 * contents of the input, not the number of changes.
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

/** Staged and retained input rows of one dataflow. */
export class InputLog {
  // Future rows by epoch, in feed order.
  private readonly staged = new Map<number, InputRow[]>();
  // Released rows by input index, consolidated.
  private readonly retained = new Map<number, RowCounts>();

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
    const rows = this.staged.get(epoch) ?? [];
    this.staged.delete(epoch);
    this.retain(rows);
    return rows;
  }

  /** Adds rows to the retained history directly (rows placed in the closed past). */
  retain(rows: readonly InputRow[]): void {
    for (const r of rows) {
      let counts = this.retained.get(r.input);
      if (counts === undefined) {
        counts = new RowCounts();
        this.retained.set(r.input, counts);
      }
      counts.add(r.key, r.val, r.diff);
    }
  }

  /** Every retained row with a non-zero multiplicity, input by input. */
  history(): InputRow[] {
    const rows: InputRow[] = [];
    for (const [input, counts] of this.retained)
      counts.forEach((key, val, diff) => rows.push({ input, key, val, diff }));
    return rows;
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
