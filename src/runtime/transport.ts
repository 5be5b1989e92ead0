/**
 * The one transport interface the sequencer (pool.ts) runs over, and the `Endpoint`
 * abstraction the workers' data mesh uses. Three implementations: `in-process.ts`
 * (tests: loopback endpoints, hosts called directly), `node-workers.ts` (`worker_threads`)
 * and `browser-workers.ts` (Web Workers, Comlink for commands, `MessageChannel`s between
 * workers). Nothing here touches Node or the DOM.
 */
import type { PeerMessage, WorkerApi, WorkerConfig } from './protocol.js';

/** One end of a message channel, whatever carries it. */
export interface Endpoint {
  /** Sends `message`; the buffers in `transfer` move to the other side (no copy). */
  post(message: PeerMessage, transfer: readonly ArrayBuffer[]): void;
  /** Calls `handler` for every message that arrives, in order. */
  listen(handler: (message: PeerMessage) => void): void;
  /** Closes this end; no more messages are delivered. */
  close(): void;
}

/** A started worker, as the sequencer sees it. */
export interface WorkerHandle {
  readonly api: WorkerApi;
  /** Stops the worker at once (a running command is abandoned). */
  terminate(): Promise<void>;
  /** Calls `listener` once if the worker dies or is terminated. */
  onExit(listener: (reason: string) => void): void;
}

/** Starts pools of workers. */
export interface Transport {
  /** A short name for messages and reports (`in-process`, `worker_threads`, `web workers`). */
  readonly name: string;
  /**
   * Starts one worker per config (index i gets `configs[i]`), wires the data mesh
   * between every pair, and resolves once all are ready for commands.
   */
  start(configs: readonly WorkerConfig[]): Promise<WorkerHandle[]>;
}
