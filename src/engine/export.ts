/**
 * Exports: a root item's changes published as a trace other dataflows can import.
 *
 * Two ways, chosen per export when the dataflow is built (dataflow.ts):
 * - `ShareSink`: the exported item's own arrangement is the published trace (no copy).
 *   Possible when every root time is `[e, 0]` (the root has no `enter_at`), since then
 *   its entries are at `[e, 0]`, which compares like `[e]` with every time; the sink only
 *   collects the epoch's batches of the item, which the engine hands to every importer.
 * - `ExportSink`: receives the exported item's batches during one epoch — at root times
 *   `[e, c1]`, already mapped to `[e]`, since published traces sum over c1 (importers
 *   never see `enter_at` delays) — and `flush` appends them to a trace of its own as one
 *   consolidated batch at `[e]`.
 */
import { countUpdates } from './batch.js';
import type { Batch } from './batch.js';
import type { Receiver } from './port.js';
import type { Time } from './time.js';
import { ArrangedBatch } from './trace.js';
import type { Trace } from './trace.js';
import { hashValue } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';

/**
 * Collects the batches an exported arrangement (the published trace itself) made in one
 * epoch, while another dataflow imports it (`demand.imported`); they are its importers'.
 */
export class ShareSink implements Receiver {
  private pending: ArrangedBatch[] = [];

  constructor(
    /** The exported item's arrangement, which is the published trace. */
    readonly trace: Trace,
    private readonly demand: { readonly imported: boolean },
  ) {}

  receive(_t: Time, batch: Batch): void {
    if (!this.demand.imported) return;
    if (!(batch instanceof ArrangedBatch))
      throw new TypeError('a shared export received a batch of no arrangement');
    this.pending.push(batch);
  }

  /** The epoch's batches of the published trace, for its importers; starts over. */
  flush(): ArrangedBatch[] {
    const batches = this.pending;
    this.pending = [];
    return batches;
  }
}

/** Collects one epoch of an exported item's changes for its published trace. */
export class ExportSink implements Receiver {
  private pending: Batch[] = [];

  constructor(
    /** The published trace this export appends to. */
    readonly trace: Trace,
  ) {}

  receive(_t: Time, batch: Batch): void {
    this.pending.push(batch);
  }

  /** Appends the collected changes at `[epoch]`; returns the batch (null when nothing changed). */
  flush(epoch: number): ArrangedBatch | null {
    const batches = this.pending;
    this.pending = [];
    if (batches.length === 0) return null;
    const trace = this.trace;
    const time: Time = [epoch];
    // Arranged batches may list keys in hash order: room for all of them at once keeps the
    // table from filling its front first (key-table.ts).
    const total = countUpdates(batches);
    if (total > 64) trace.reserve(total);
    trace.openBatch();
    for (let i = 0; i < batches.length; i++) append(trace, batches[i] as Batch, time);
    const out = trace.closeBatch();
    return out.size === 0 ? null : out;
  }
}

// Adds one batch to the open batch of `trace` at `time`. The loop is alone in its function:
// a load's huge batch gets it on-stack-replaced by V8 before the code after it has run, and
// such code (without type feedback) would deoptimize on every later flush.
function append(trace: Trace, b: Batch, time: Time): void {
  // Exported items are arranged: their batches already know each key's hash.
  const arrangedBatch = b instanceof ArrangedBatch ? b : null;
  for (let i = 0; i < b.size; i++) {
    const key = b.keys[i] as Value;
    const hash = arrangedBatch === null ? hashValue(key) : arrangedBatch.hashAt(i);
    trace.add(trace.obtain(key, hash), b.vals[i] as Value, time, b.diffs[i] as number);
  }
}
