/**
 * Ports: an operator input's queue of batches waiting for their time to be processed.
 *
 * Operators may emit at times later than the one being processed (a join with later
 * history, a loop's feedback, an `enter_at` delay); the receiving port buffers such
 * batches until its scope reaches that time. A port keeps its distinct pending times in
 * lexicographic order, each with the batches that arrived for it in arrival order, and
 * tells its scope's agenda about every time it starts holding (`Agenda.schedule`).
 */
import type { Batch } from './batch.js';
import { compareLex } from './time.js';
import type { Time } from './time.js';

/**
 * The tick count of a dataflow: per-tick counters (ports', nodes') remember the tick they
 * were last reset in and start over when they see a later one, so no tick visits them all.
 */
export interface TickClock {
  tick: number;
}

/** Where a port announces the times it holds work for (its scope's scheduler). */
export interface Agenda {
  /** Work is pending at `t`. */
  schedule(t: Time): void;
  /** The dataflow's tick count (for the per-tick counters). */
  readonly clock: TickClock;
}

/** Something that accepts batches at given times (a port, an export sink). */
export interface Receiver {
  /** Accepts `batch`, whose updates all happen at `t`. */
  receive(t: Time, batch: Batch): void;
}

const NONE: readonly Batch[] = Object.freeze([]);

/** One input of an operator: pending batches by time. */
export class Port implements Receiver {
  // Parallel arrays, sorted by time (lexicographic); usually one entry, or none.
  private readonly times: Time[] = [];
  private readonly lists: Batch[][] = [];
  /**
   * The earliest time with pending batches (`times[0]`), kept in a field for schedulers
   * to read without a call. Only the port itself changes it.
   */
  head: Time | undefined = undefined;
  private readonly clock: TickClock;
  /** Updates received in total. */
  receivedTotal = 0;
  // `receivedTotal` when the tick `stamp` of the clock began (see `received`): a batch
  // costs one counter and a stamp check, not a per-tick counter of its own.
  private receivedBefore = 0;
  private stamp = -1;

  constructor(private readonly agenda: Agenda) {
    this.clock = agenda.clock;
  }

  /** Updates received in the current tick. */
  get received(): number {
    return this.stamp === this.clock.tick ? this.receivedTotal - this.receivedBefore : 0;
  }

  /** Updates waiting in this port (summed when asked: only stats read it). */
  get pending(): number {
    let n = 0;
    for (const list of this.lists) for (const b of list) n += b.size;
    return n;
  }

  /** Counts `n` updates received now. */
  count(n: number): void {
    const tick = this.clock.tick;
    if (this.stamp !== tick) {
      this.stamp = tick;
      this.receivedBefore = this.receivedTotal;
    }
    this.receivedTotal += n;
  }

  /** Queues `batch` at time `t`. */
  receive(t: Time, batch: Batch): void {
    const n = batch.size;
    if (n === 0) return;
    this.count(n);
    const times = this.times;
    let lo = 0;
    let hi = times.length;
    // Fast paths: the port is empty, or the newest time is the one being fed (or older).
    // (An empty port is tested by length: reading index -1 is a slow named lookup in V8.)
    if (hi > 0) {
      const last = times[hi - 1] as Time;
      const c = last === t ? 0 : compareLex(last, t);
      if (c === 0) {
        (this.lists[hi - 1] as Batch[]).push(batch);
        return;
      }
      if (c < 0) lo = hi;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareLex(times[mid] as Time, t);
      if (c === 0) {
        (this.lists[mid] as Batch[]).push(batch);
        return;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    // `push` and `pop` (in `take`) are inlined by V8, `splice` and `shift` are calls.
    if (lo === times.length) {
      times.push(t);
      this.lists.push([batch]);
    } else {
      times.splice(lo, 0, t);
      this.lists.splice(lo, 0, [batch]);
    }
    if (lo === 0) this.head = t;
    this.agenda.schedule(t);
  }

  /** Removes and returns the batches pending at exactly `t` (none if the head differs). */
  take(t: Time): readonly Batch[] {
    const head = this.head;
    if (head === undefined || (head !== t && compareLex(head, t) !== 0)) return NONE;
    const times = this.times;
    if (times.length === 1) {
      times.pop();
      this.head = undefined;
      return this.lists.pop() as Batch[];
    }
    times.shift();
    this.head = times[0];
    return this.lists.shift() as Batch[];
  }
}
