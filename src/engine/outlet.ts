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
import { Batch, objectArray } from './batch.js';
import { keepLayout } from './layouts.js';
import type { Receiver, TickClock } from './port.js';
import type { Time } from './time.js';
import { valueToJson } from '../lang/value-json.js';
import type { Value } from '../lang/value.js';

/** Maps a time from the sender's scope into the receiver's. */
export type TimeMap = (t: Time) => Time;

/** One node's outgoing edges and emitted-update record. */
export class Outlet {
  // The outgoing edges: each one's receiver, and how it maps times (null: unchanged).
  // The first in fields of their own (most outlets have one edge), the others in arrays.
  private target: Receiver | null = null;
  private map: TimeMap | null = null;
  private more: { readonly target: Receiver; readonly map: TimeMap | null }[] | null = null;
  /** Updates emitted in total. */
  emittedTotal = 0;
  // `emittedTotal` when the tick `stamp` of the clock began; see `emitted`.
  private emittedBefore = 0;
  private stamp = -1;
  // The batches emitted first in the current tick, with their times, until they hold
  // `SAMPLE_LIMIT` updates (`sampleRoom` is what is still wanted); `sample()` reads their
  // first updates when stats are asked for. A tick's few small batches are kept as they
  // are (a tick pays two stores per batch); a batch of more than `SAMPLE_LIMIT` updates
  // is kept as a copy of its first ones, so that a load's whole batch is not kept alive
  // until the node next emits. Later ticks overwrite the entries in place (truncating an
  // array is a slow call in V8).
  private readonly sampleBatches: Batch[] = objectArray();
  private readonly sampleTimes: Time[] = objectArray();
  private sampleCount = 0;
  private sampleRoom = 0;

  constructor(private readonly clock: TickClock) {}

  /** Sends the output on to `target`, mapping times with `map` (null: unchanged). */
  connect(target: Receiver, map: TimeMap | null): void {
    if (this.target === null) {
      this.target = target;
      this.map = map;
    } else (this.more ??= []).push({ target, map });
  }

  /** Emits `batch` (all at time `t`) along every edge. */
  send(t: Time, batch: Batch): void {
    const n = batch.size;
    if (n === 0) return;
    const total = this.emittedTotal;
    this.emittedTotal = total + n;
    const tick = this.clock.tick;
    // The counters and the sample start over at the tick's first batch.
    if (this.stamp !== tick) {
      this.stamp = tick;
      this.emittedBefore = total;
      this.sampleCount = 0;
      this.sampleRoom = SAMPLE_LIMIT;
    }
    if (this.sampleRoom > 0) {
      const k = this.sampleCount;
      this.sampleBatches[k] = n > SAMPLE_LIMIT ? prefixOf(batch, SAMPLE_LIMIT) : batch;
      this.sampleTimes[k] = t;
      this.sampleCount = k + 1;
      this.sampleRoom -= n;
    }
    const target = this.target;
    if (target === null) return;
    const map = this.map;
    target.receive(map === null ? t : map(t), batch);
    const more = this.more;
    if (more === null) return;
    for (let i = 0; i < more.length; i++) {
      const edge = more[i] as (typeof more)[number];
      edge.target.receive(edge.map === null ? t : edge.map(t), batch);
    }
  }

  /** Emits several batches at `t`. */
  sendAll(t: Time, batches: readonly Batch[]): void {
    for (let i = 0; i < batches.length; i++) this.send(t, batches[i] as Batch);
  }

  /** Updates emitted in the current tick. */
  get emitted(): number {
    return this.stamp === this.clock.tick ? this.emittedTotal - this.emittedBefore : 0;
  }

  /**
   * The first updates emitted in the current tick (at most `SAMPLE_LIMIT`), for the plan
   * view, in the JSON value encoding so that stats can cross to other threads.
   */
  sample(): SampledUpdate[] {
    const out: SampledUpdate[] = [];
    if (this.stamp !== this.clock.tick) return out;
    for (let k = 0; k < this.sampleCount && out.length < SAMPLE_LIMIT; k++) {
      const batch = this.sampleBatches[k] as Batch;
      const time = this.sampleTimes[k] as Time;
      const n = Math.min(batch.size, SAMPLE_LIMIT - out.length);
      for (let i = 0; i < n; i++) {
        const key = valueToJson(batch.keys[i] as Value);
        const val = valueToJson(batch.vals[i] as Value);
        out.push({ key, val, time, diff: batch.diffs[i] as number });
      }
    }
    return out;
  }
}

// The first `n` updates of `batch`, as a batch of their own.
function prefixOf(batch: Batch, n: number): Batch {
  return new Batch(batch.keys.slice(0, n), batch.vals.slice(0, n), batch.diffs.slice(0, n));
}

// See layouts.ts: an outlet with an edge, as nodes hold them.
keepLayout(new Outlet({ tick: 0 })).connect({ receive: () => undefined }, null);
