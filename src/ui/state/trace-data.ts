/**
 * The props contract between the playground store and the trace views (`src/ui/traces`).
 *
 * One `TraceData` per published trace: its current consolidated rows (sorted by key, val,
 * as SERVER.md's `peek` reports them), its change history (one entry per (key, val) whose
 * multiplicity changed at a completed tick; `epoch` is the epoch that tick closed, so the
 * contents as of epoch `e` are the sum of history entries with `epoch <= e`), and the
 * changes of the last completed tick. Plain data, never mutated after it reaches the store.
 */
import type { ValueJson } from '../../lang/value-json.js';
import type { JsonRow } from '../../server/events.js';

export type { JsonRow, ValueJson };

/** One change of a trace: `diff` copies of (key, val) added (or removed when negative) at `epoch`. */
export interface TraceChange {
  readonly epoch: number;
  readonly key: ValueJson;
  readonly val: ValueJson;
  readonly diff: number;
}

/** A trace as the views see it. */
export interface TraceData {
  readonly name: string;
  /** Current contents, consolidated and sorted by (key, val); `mult` is the net multiplicity. */
  readonly rows: readonly JsonRow[];
  /** Every change so far, oldest first. */
  readonly history: readonly TraceChange[];
  /** The last completed tick's changes: rows whose multiplicity went up (`added`, mult = increase) or down (`removed`, mult = decrease). */
  readonly lastTick: { readonly added: JsonRow[]; readonly removed: JsonRow[] };
}

/** The props of `<TracesPanel>`. */
export interface TracesPanelProps {
  readonly traces: readonly TraceData[];
  readonly epoch: number;
}
