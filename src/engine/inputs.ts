/**
 * A dataflow's positional inputs as the engine keeps them between ticks.
 *
 * Rows fed for a future epoch are *staged* outside every trace until a tick closes that
 * epoch (`release`), already grouped into one batch per input (columns, no object per
 * row), so a tick hands each input node its batch as it is. Released rows are also
 * *retained*: every row a dataflow has ever been given, so a failed dataflow can be
 * rebuilt from scratch (`history`, consolidated per input). Retention keeps the released
 * batches as they are (no hashing on the load's path) and consolidates an input's list
 * once it has doubled since its last consolidation, so its size stays within about twice
 * the live contents of the input, not the number of changes.
 */
import { BatchBuilder } from './batch.js';
import type { Batch } from './batch.js';
import { RowCounts } from './consolidate.js';
import type { Value } from '../lang/value.js';

// Rows below which a retained list is never consolidated (consolidating tiny lists often
// would cost more than it saves).
const MIN_CONSOLIDATE = 1024;

// The released rows of one input: batches, with how many rows they hold, and how many
// they held right after the last consolidation.
interface Retained {
  batches: Batch[];
  rows: number;
  settled: number;
}

/** Batches indexed by input number (inputs are small integers), absent for inputs without rows. */
export type ByInput = readonly (Batch | undefined)[];

/** Staged and retained input rows of one dataflow. */
export class InputLog {
  // Future rows by epoch, then by input number.
  private readonly staged = new Map<number, (BatchBuilder | undefined)[]>();
  // The builder the last row went to (feeds come in runs of one epoch and input).
  private lastEpoch = -1;
  private lastInput = -1;
  private lastBuilder: BatchBuilder | null = null;
  private readonly retained: (Retained | undefined)[] = [];

  /** Stages the row `(key ; val)` with `diff` for `input` until epoch `epoch` is closed. */
  stage(input: number, key: Value, val: Value, diff: number, epoch: number): void {
    let builder = this.lastBuilder;
    if (builder === null || epoch !== this.lastEpoch || input !== this.lastInput) {
      builder = this.builderFor(epoch, input);
      this.lastEpoch = epoch;
      this.lastInput = input;
      this.lastBuilder = builder;
    }
    builder.push(key, val, diff);
  }

  /** Stages every row of `batch` (handed over: see `BatchBuilder.pushBatch`) like `stage`. */
  stageBatch(input: number, batch: Batch, epoch: number): void {
    this.builderFor(epoch, input).pushBatch(batch);
  }

  private builderFor(epoch: number, input: number): BatchBuilder {
    let builders = this.staged.get(epoch);
    if (builders === undefined) {
      builders = [];
      this.staged.set(epoch, builders);
    }
    while (builders.length <= input) builders.push(undefined);
    return (builders[input] ??= new BatchBuilder());
  }

  /** Removes and returns the rows staged for `epoch`, one batch per input, retaining them. */
  release(epoch: number): ByInput {
    const builders = this.staged.get(epoch);
    if (builders === undefined) return NONE;
    this.staged.delete(epoch);
    if (this.lastEpoch === epoch) this.lastBuilder = null;
    const out: (Batch | undefined)[] = [];
    for (let input = 0; input < builders.length; input++) {
      const builder = builders[input];
      const batch = builder === undefined ? undefined : builder.build();
      out.push(batch);
      if (batch !== undefined) this.retain(input, batch);
    }
    return out;
  }

  /** Adds rows of `input` to the retained history directly (rows placed in the closed past). */
  retain(input: number, batch: Batch): void {
    if (batch.size === 0) return;
    const retained = this.retained;
    while (retained.length <= input) retained.push(undefined);
    let r = retained[input];
    if (r === undefined) {
      // A first batch (usually the whole load) counts as settled: consolidating it would
      // rarely shrink it.
      r = { batches: [], rows: 0, settled: batch.size };
      retained[input] = r;
    }
    r.batches.push(batch);
    r.rows += batch.size;
    if (r.rows > MIN_CONSOLIDATE && r.rows > 2 * r.settled) consolidate(r);
  }

  /** Every retained row with a non-zero multiplicity: one consolidated batch per input. */
  history(): ByInput {
    return this.retained.map((r) => {
      if (r === undefined) return undefined;
      consolidate(r);
      return r.batches[0];
    });
  }
}

const NONE: ByInput = [];

// Replaces an input's retained batches by one consolidated batch (zero sums dropped).
function consolidate(r: Retained): void {
  const counts = new RowCounts();
  for (const b of r.batches)
    for (let i = 0; i < b.size; i++) counts.add(b.keys[i] as Value, b.vals[i] as Value, b.diffs[i] as number);
  const builder = new BatchBuilder();
  counts.forEach((key, val, diff) => builder.push(key, val, diff));
  const batch = builder.build();
  r.batches = batch.size === 0 ? [] : [batch];
  r.rows = batch.size;
  r.settled = batch.size;
}
