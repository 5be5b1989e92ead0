/**
 * Outlets: where a node's output goes (its outgoing edges, each mapping times into the
 * receiver's scope) and the record of what it emitted: per-tick and total update counts,
 * and the first updates of the tick for the plan view.
 *
 * Every node kind has one `Outlet`, a class of its own: the accesses in `send` then meet
 * one object layout, however many operator classes emit. (Kept on the node base class,
 * they met one layout per operator class, and past four V8 resolves every one of them
 * through its megamorphic lookup, on every batch sent.)
 */
import { SAMPLE_LIMIT } from './api.js';
import type { SampledUpdate } from './api.js';
import type { Batch } from './batch.js';
import { keepLayout } from './layouts.js';
import type { Receiver, TickClock } from './port.js';
import type { Time } from './time.js';
import { valueToJson } from '../lang/value-json.js';
import type { Value } from '../lang/value.js';

/** Maps a time from the sender's scope into the receiver's. */
export type TimeMap = (t: Time) => Time;

interface Edge {
  readonly target: Receiver;
  readonly map: TimeMap | null;
}

/** One node's outgoing edges and emitted-update record. */
export class Outlet {
  private readonly edges: Edge[] = [];
  // Updates emitted in the tick `stamp` of the clock; see `emitted`.
  private emittedInTick = 0;
  private stamp = -1;
  /** Updates emitted in total. */
  emittedTotal = 0;
  // The first `sampled` updates emitted in the current tick (at most `SAMPLE_LIMIT`), as
  // references (a tick pays no conversion; `sample()` converts them when stats are read).
  // Copied, not kept as their batches, which would keep a load's whole batch alive until
  // the node next emits. Later ticks overwrite the entries in place.
  private readonly sampleKeys: Value[] = [];
  private readonly sampleVals: Value[] = [];
  private readonly sampleTimes: Time[] = [];
  private readonly sampleDiffs: number[] = [];
  private sampled = 0;

  constructor(private readonly clock: TickClock) {}

  /** Sends the output on to `target`, mapping times with `map` (null: unchanged). */
  connect(target: Receiver, map: TimeMap | null): void {
    this.edges.push({ target, map });
  }

  /** Emits `batch` (all at time `t`) along every edge. */
  send(t: Time, batch: Batch): void {
    const n = batch.size;
    if (n === 0) return;
    if (this.stamp !== this.clock.tick) this.startTick();
    this.emittedInTick += n;
    this.emittedTotal += n;
    if (this.sampled < SAMPLE_LIMIT) this.keepSample(t, batch);
    const edges = this.edges;
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i] as Edge;
      e.target.receive(e.map === null ? t : e.map(t), batch);
    }
  }

  /** Emits several batches at `t`. */
  sendAll(t: Time, batches: readonly Batch[]): void {
    for (let i = 0; i < batches.length; i++) this.send(t, batches[i] as Batch);
  }

  /** Updates emitted in the current tick. */
  get emitted(): number {
    return this.stamp === this.clock.tick ? this.emittedInTick : 0;
  }

  /**
   * The first updates emitted in the current tick (at most `SAMPLE_LIMIT`), for the plan
   * view, in the JSON value encoding so that stats can cross to other threads.
   */
  sample(): SampledUpdate[] {
    const out: SampledUpdate[] = [];
    if (this.stamp !== this.clock.tick) return out;
    for (let i = 0; i < this.sampled; i++) {
      const key = valueToJson(this.sampleKeys[i] as Value);
      const val = valueToJson(this.sampleVals[i] as Value);
      out.push({ key, val, time: this.sampleTimes[i] as Time, diff: this.sampleDiffs[i] as number });
    }
    return out;
  }

  // Copies the first updates of `batch` (at `t`) into the sample, up to its limit.
  private keepSample(t: Time, batch: Batch): void {
    const n = Math.min(batch.size, SAMPLE_LIMIT - this.sampled);
    let w = this.sampled;
    for (let i = 0; i < n; i++, w++) {
      this.sampleKeys[w] = batch.keys[i] as Value;
      this.sampleVals[w] = batch.vals[i] as Value;
      this.sampleTimes[w] = t;
      this.sampleDiffs[w] = batch.diffs[i] as number;
    }
    this.sampled = w;
  }

  // Starts the per-tick counters (emitted updates, the sample) over for the current tick.
  private startTick(): void {
    this.stamp = this.clock.tick;
    this.emittedInTick = 0;
    // Entries are overwritten, not truncated: truncating an array is a slow call in V8.
    this.sampled = 0;
  }
}

// See layouts.ts: an outlet with an edge, as nodes hold them.
keepLayout(new Outlet({ tick: 0 })).connect({ receive: () => undefined }, null);
