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
  /** The scope's depth: 0 for the root, whose scheduler needs no notes (it sweeps its nodes in order). */
  readonly depth: number;
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
  /**
   * The earliest time with pending batches, kept in a field for schedulers to read
   * without a call. Only the port itself changes it.
   */
  head: Time | undefined = undefined;
  // The batches pending at `head` (in arrival order), and those at later times: parallel
  // arrays sorted by time (lexicographic), usually empty. A port mostly holds one time,
  // which then costs no array of times.
  private headBatches: Batch[] = [];
  private readonly laterTimes: Time[] = [];
  private readonly laterBatches: Batch[][] = [];
  private readonly clock: TickClock;
  // Whether the agenda wants to hear of new times (not at the root).
  private readonly notes: boolean;
  /** Updates received in total. */
  receivedTotal = 0;
  // `receivedTotal` when the tick `stamp` of the clock began (see `received`): a batch
  // costs one counter and a stamp check, not a per-tick counter of its own.
  private receivedBefore = 0;
  private stamp = -1;

  constructor(private readonly agenda: Agenda) {
    this.clock = agenda.clock;
    this.notes = agenda.depth > 0;
  }

  /** Updates received in the current tick. */
  get received(): number {
    return this.stamp === this.clock.tick ? this.receivedTotal - this.receivedBefore : 0;
  }

  /** Updates waiting in this port (summed when asked: only stats read it). */
  get pending(): number {
    let n = 0;
    if (this.head !== undefined) for (const b of this.headBatches) n += b.size;
    for (const list of this.laterBatches) for (const b of list) n += b.size;
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
    // `count`, written out: a port receives about once per tick, before V8 optimizes.
    const total = this.receivedTotal;
    const tick = this.clock.tick;
    if (this.stamp !== tick) {
      this.stamp = tick;
      this.receivedBefore = total;
    }
    this.receivedTotal = total + n;
    const head = this.head;
    if (head === undefined) {
      this.head = t;
      this.headBatches = [batch];
      if (this.notes) this.agenda.schedule(t);
    } else if (head === t || compareLex(head, t) === 0) this.headBatches.push(batch);
    else this.receiveLater(t, batch);
  }

  // Queues `batch` at `t`, a time other than the head's.
  private receiveLater(t: Time, batch: Batch): void {
    const head = this.head as Time;
    const times = this.laterTimes;
    const lists = this.laterBatches;
    if (compareLex(t, head) < 0) {
      // The new earliest time: the head's batches move to the front of the later ones.
      times.unshift(head);
      lists.unshift(this.headBatches);
      this.head = t;
      this.headBatches = [batch];
      if (this.notes) this.agenda.schedule(t);
      return;
    }
    let lo = 0;
    let hi = times.length;
    // Fast path: the newest time is the one being fed (or older).
    if (hi > 0) {
      const c = compareLex(times[hi - 1] as Time, t);
      if (c === 0) {
        (lists[hi - 1] as Batch[]).push(batch);
        return;
      }
      if (c < 0) lo = hi;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareLex(times[mid] as Time, t);
      if (c === 0) {
        (lists[mid] as Batch[]).push(batch);
        return;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    times.splice(lo, 0, t);
    lists.splice(lo, 0, [batch]);
    if (this.notes) this.agenda.schedule(t);
  }

  /** Removes and returns the batches pending at exactly `t` (none if the head differs). */
  take(t: Time): readonly Batch[] {
    const head = this.head;
    if (head === undefined || (head !== t && compareLex(head, t) !== 0)) return NONE;
    const batches = this.headBatches;
    if (this.laterTimes.length === 0) {
      this.head = undefined;
      // Not kept alive until the next batch comes (`receive` replaces it before any push).
      this.headBatches = NONE as Batch[];
    } else {
      this.head = this.laterTimes.shift();
      this.headBatches = this.laterBatches.shift() as Batch[];
    }
    return batches;
  }
}
