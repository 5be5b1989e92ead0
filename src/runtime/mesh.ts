/**
 * The data mesh of one worker: drives the engine's resumable steps (cluster.ts),
 * answering each collective together with the other workers over `Endpoint`s.
 *
 * `run(steps)` resumes the generator until it yields a collective, then holds one
 * *round*: it sends every peer exactly one `PeerMessage` (its share of an exchange, its
 * candidate time, or how its run ended), waits for one message from every peer, and
 * resumes the generator with the combined answer — the batches sent to it (senders in
 * worker order), the least candidate time, `done`. If any worker (this one included)
 * reported an abort in the round, every worker learns the least failure: the aborting
 * ones as their reply, the others as a `PeerAbort` thrown into their generator. Since
 * every worker makes the same collectives in the same order, each peer's messages
 * arrive in round order; a message for another round, or a round where workers ask for
 * different collectives, means the workers are out of step and is thrown as an error
 * (the sequencer then rebuilds them).
 *
 * Counters: rounds, exchanges, rows and bytes sent, time spent encoding, decoding and
 * waiting. With a CPU clock (profiling), it also records this thread's CPU time between
 * rounds, and codec times are CPU times (wall-clock ones count time the thread spent
 * descheduled).
 */
import { decodeBatch, decodeFailure, encodeBatches, encodeFailure } from './codec.js';
import type { MeshCounters, PeerBody, PeerMessage } from './protocol.js';
import type { Endpoint } from './transport.js';
import type { Batch } from '../engine/batch.js';
import { PeerAbort } from '../engine/cluster.js';
import type { Collective, CollectiveReply, Steps } from '../engine/cluster.js';
import { leastFailure } from '../engine/failure-rank.js';
import type { RankedFailure } from '../engine/failure-rank.js';
import { compareLex } from '../engine/time.js';
import type { Time } from '../engine/time.js';

const DONE: CollectiveReply = { kind: 'done' };

/** Thrown when the workers' collectives do not line up (an engine bug). */
export class OutOfStepError extends Error {
  override name = 'OutOfStepError';
}

// The result of one round: a reply, or a failure to throw into the generator.
type Outcome = { readonly reply: CollectiveReply } | { readonly abort: RankedFailure };

/** One worker's end of the data mesh. */
export class Mesh {
  private round = 0;
  // Messages received from each peer and not yet consumed, oldest first.
  private readonly inbox: PeerMessage[][];
  private waiting: (() => void) | null = null;
  private readonly counters = {
    rounds: 0,
    exchanges: 0,
    rowsSent: 0,
    bytesSent: 0,
    rowsKept: 0,
    encodeMs: 0,
    decodeMs: 0,
    waitMs: 0,
  };
  private segments: number[] = [];
  private mark: number;
  // Codec time is thread CPU when profiling (exact under preemption), else wall time.
  private readonly codecClock: () => number;

  constructor(
    /** This worker's index. */
    readonly index: number,
    /** `peers[w]`: the channel to worker w (null at this worker's own index). */
    private readonly peers: readonly (Endpoint | null)[],
    /** This thread's CPU time in ms, if the platform tells (profiling). */
    private readonly cpu: (() => number) | null = null,
  ) {
    this.inbox = peers.map(() => []);
    peers.forEach((p, w) => {
      p?.listen((m) => {
        (this.inbox[w] as PeerMessage[]).push(m);
        this.waiting?.();
      });
    });
    this.mark = cpu === null ? 0 : cpu();
    this.codecClock = cpu ?? (() => performance.now());
  }

  /** The number of workers. */
  get workers(): number {
    return this.peers.length;
  }

  /** Runs `steps` to completion, meeting the other workers at every collective. */
  async run<R>(steps: Steps<R>): Promise<R> {
    let next = steps.next(DONE);
    while (next.done !== true) {
      const outcome = await this.meet(next.value);
      next = 'abort' in outcome ? steps.throw(new PeerAbort(outcome.abort)) : steps.next(outcome.reply);
    }
    return next.value;
  }

  /** Closes a profiling segment at the end of a command (every worker ends each command). */
  endCommand(): void {
    this.closeSegment();
  }

  /** The counters so far. */
  snapshot(): MeshCounters {
    return { ...this.counters, codecClock: this.cpu === null ? 'wall' : 'cpu' };
  }

  /** The CPU segments recorded since the last call (profiling), and starts afresh. */
  takeSegments(): number[] {
    const s = this.segments;
    this.segments = [];
    return s;
  }

  private closeSegment(): void {
    const cpu = this.cpu;
    if (cpu === null) return;
    const now = cpu();
    this.segments.push(now - this.mark);
    this.mark = now;
  }

  // One round: send, wait for every peer, combine.
  private async meet(c: Collective): Promise<Outcome> {
    const round = this.round++;
    this.counters.rounds++;
    this.send(round, c);
    this.closeSegment();
    const bodies = await this.receive(round);
    return this.combine(round, c, bodies);
  }

  private send(round: number, c: Collective): void {
    const peers = this.peers;
    if (c.kind === 'exchange') {
      this.counters.exchanges++;
      const site = [c.site.scope, c.site.item] as const;
      const time = [...c.time];
      for (let w = 0; w < peers.length; w++) {
        const part = c.parts[w] ?? [];
        let rows = 0;
        for (const b of part) rows += b.size;
        const peer = peers[w];
        if (peer === null || peer === undefined) {
          this.counters.rowsKept += rows;
          continue;
        }
        const t0 = this.codecClock();
        const data = encodeBatches(part);
        this.counters.encodeMs += this.codecClock() - t0;
        this.counters.rowsSent += rows;
        this.counters.bytesSent += data.byteLength;
        peer.post({ v: 1, round, body: { kind: 'exchange', site, time, rows, data } }, [data]);
      }
      return;
    }
    let body: PeerBody;
    if (c.kind === 'agree')
      body = { kind: 'agree', scope: c.scope, time: c.time === undefined ? null : [...c.time] };
    else if (c.kind === 'abort') body = { kind: 'abort', failure: encodeFailure(c.failure) };
    else body = { kind: 'done' };
    for (const peer of peers) peer?.post({ v: 1, round, body }, []);
  }

  // Waits until every peer's message for `round` is in, and takes them (null at own index).
  private async receive(round: number): Promise<(PeerBody | null)[]> {
    const t0 = performance.now();
    while (!this.inbox.every((q, w) => w === this.index || q.length > 0)) {
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
      this.waiting = null;
    }
    this.counters.waitMs += performance.now() - t0;
    return this.inbox.map((q, w) => {
      if (w === this.index) return null;
      const m = q.shift() as PeerMessage;
      if (m.v !== 1)
        throw new OutOfStepError(`worker ${w} speaks protocol version ${String(m.v)}; this is 1`);
      if (m.round !== round) {
        throw new OutOfStepError(
          `worker ${this.index} is at round ${round} but worker ${w} sent round ${m.round}`,
        );
      }
      return m.body;
    });
  }

  private combine(round: number, c: Collective, bodies: readonly (PeerBody | null)[]): Outcome {
    const aborts: RankedFailure[] = c.kind === 'abort' ? [c.failure] : [];
    for (const b of bodies) if (b?.kind === 'abort') aborts.push(decodeFailure(b.failure));
    const least = leastFailure(aborts);
    if (least !== undefined)
      return c.kind === 'abort' ? { reply: { kind: 'failed', failure: least } } : { abort: least };
    for (let w = 0; w < bodies.length; w++) {
      const b = bodies[w];
      if (b !== null && b !== undefined && b.kind !== c.kind) {
        throw new OutOfStepError(
          `round ${round}: worker ${this.index} is at "${c.kind}" but worker ${w} at "${b.kind}"`,
        );
      }
    }
    switch (c.kind) {
      case 'exchange': {
        const batches: Batch[] = [];
        const t0 = this.codecClock();
        for (let w = 0; w < bodies.length; w++) {
          const b = bodies[w];
          if (b === null || b === undefined) {
            for (const own of c.parts[w] ?? []) batches.push(own);
            continue;
          }
          if (b.kind !== 'exchange') continue;
          if (b.site[0] !== c.site.scope || b.site[1] !== c.site.item || compareLex(b.time, c.time) !== 0) {
            throw new OutOfStepError(
              `round ${round}: worker ${this.index} exchanges at item ${c.site.item} of scope ${c.site.scope}, worker ${w} at item ${b.site[1]} of scope ${b.site[0]}`,
            );
          }
          if (b.rows > 0) batches.push(decodeBatch(b.data));
        }
        this.counters.decodeMs += this.codecClock() - t0;
        return { reply: { kind: 'batches', batches } };
      }
      case 'agree': {
        let least: Time | undefined = c.time;
        for (const b of bodies) {
          if (b?.kind !== 'agree' || b.time === null) continue;
          if (least === undefined || compareLex(b.time, least) < 0) least = b.time;
        }
        return { reply: { kind: 'time', time: least } };
      }
      case 'done':
        return { reply: DONE };
      case 'abort':
        throw new OutOfStepError(`round ${round}: an abort without a failure`);
    }
  }
}
