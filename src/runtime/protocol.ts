/**
 * The worker boundary, as types only: what the sequencer (pool.ts) and the workers
 * (host.ts) say to each other, and what workers say to one another. Every message is
 * plain structured-cloneable data with a version field `v`; values inside batches travel
 * as transferable `ArrayBuffer`s written by codec.ts. Errors cross as `{name, message,
 * stack}` (`WireError`) and are rethrown on the other side.
 *
 * Two channels:
 * - the **command API** (`WorkerApi`), sequencer → each worker: `execute` one journal
 *   entry, `stats`. Over Comlink in browsers and `worker_threads`, a direct call in-process.
 * - the **data mesh**, worker ↔ worker, one `MessageChannel` per pair: exactly one
 *   `PeerMessage` per peer per collective round, in round order (cluster.ts).
 */
import type { WireFailure } from './codec.js';
import type { OperatorStats } from '../engine/api.js';
import type { ServerEvent } from '../server/events.js';

/** The protocol version every message carries; bumped on any incompatible change. */
export type ProtocolVersion = 1;

/** How one worker is set up. */
export interface WorkerConfig {
  readonly v: ProtocolVersion;
  readonly index: number;
  readonly workers: number;
  readonly maxIterations: number;
  readonly maxSeconds: number;
  /** Record the thread CPU time of every round (for benchmarks; costs a clock read per round). */
  readonly profile: boolean;
}

/**
 * One command of the journal. `files` holds the text of every file the command reads
 * (`install`'s FILE), resolved by the sequencer, so workers need no file system and a
 * replay sees exactly what the first run saw. A path missing from `files` is unreadable.
 */
export interface CommandEntry {
  readonly v: ProtocolVersion;
  /** Position in the journal (0-based). */
  readonly seq: number;
  readonly line: string;
  readonly files: Readonly<Record<string, string>>;
}

/** What one worker's session answered to one command. */
export interface CommandReply {
  readonly v: ProtocolVersion;
  readonly seq: number;
  readonly events: readonly ServerEvent[];
  /** The session ran `exit`/`quit`. */
  readonly finished: boolean;
}

/** An error crossing the boundary. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

/** Counters of one worker's data mesh since it started. */
export interface MeshCounters {
  /** Collective rounds (exchanges, agreements, run ends). */
  readonly rounds: number;
  readonly exchanges: number;
  /** Updates and bytes this worker sent to other workers (its own share stays local). */
  readonly rowsSent: number;
  readonly bytesSent: number;
  readonly rowsKept: number;
  /** Milliseconds spent encoding, decoding (on `codecClock`), and waiting for peers (wall). */
  readonly encodeMs: number;
  readonly decodeMs: number;
  readonly waitMs: number;
  /** Thread CPU time when the worker profiles and its platform tells, else wall time. */
  readonly codecClock: 'cpu' | 'wall';
}

/** Per-operator counters of one installed program on one worker. */
export interface ProgramStats {
  readonly name: string;
  readonly operators: readonly OperatorStats[];
}

/** One worker's statistics. */
export interface WorkerStats {
  readonly v: ProtocolVersion;
  readonly index: number;
  readonly programs: readonly ProgramStats[];
  readonly mesh: MeshCounters;
  /** Thread CPU milliseconds since the worker started, when the platform tells. */
  readonly cpuMs?: number;
  /**
   * With `profile`: this worker's CPU milliseconds between consecutive rounds (busy
   * segments), since the last `stats` call; the sequencer lines them up across workers.
   */
  readonly segments?: readonly number[];
}

/** The command API of one worker. */
export interface WorkerApi {
  execute(entry: CommandEntry): Promise<CommandReply>;
  stats(): Promise<WorkerStats>;
}

/** What one worker sends one peer in one round. */
export type PeerBody =
  | {
      readonly kind: 'exchange';
      /** The exchange site and time, to check the workers are in step. */
      readonly site: readonly [scope: number, item: number];
      readonly time: readonly number[];
      readonly rows: number;
      /** The rows for that peer, written by `encodeBatches`. */
      readonly data: ArrayBuffer;
    }
  | { readonly kind: 'agree'; readonly scope: number; readonly time: readonly number[] | null }
  | { readonly kind: 'done' }
  | { readonly kind: 'abort'; readonly failure: WireFailure };

/** A message on the data mesh. */
export interface PeerMessage {
  readonly v: ProtocolVersion;
  readonly round: number;
  readonly body: PeerBody;
}
