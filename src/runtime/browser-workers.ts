/**
 * The browser transport: one module Web Worker per pool worker (browser-worker-entry.ts),
 * Comlink for the command API, and one `MessageChannel` per pair of workers for the data
 * mesh (batches travel as transferred `ArrayBuffer`s).
 *
 * `createBrowserPool(n, options)` is what the playground calls: a `Pool` (the sequencer:
 * journal, replay on Stop or a worker-count change, gathering of results) over `n` Web
 * Workers. Stop is `pool.stop()`: it terminates the workers at once and rebuilds them
 * from the journal. Web Workers report no exit, so a worker that throws an uncaught
 * error counts as lost (the pool rebuilds). The worker script is bundled by Vite from
 * `new Worker(new URL(...), { type: 'module' })`; a page may pass its own `spawn`.
 */
import * as Comlink from 'comlink';
import { Pool } from './pool.js';
import type { PoolOptions } from './pool.js';
import type { CommandEntry, CommandReply, WorkerConfig, WorkerStats } from './protocol.js';
import type { Transport, WorkerHandle } from './transport.js';
import { DEFAULT_BUDGET } from '../server/session.js';

/** What the worker entry exposes over Comlink. */
export interface BrowserWorkerService {
  init(config: WorkerConfig, peers: readonly (MessagePort | null)[]): void;
  execute(entry: CommandEntry): Promise<CommandReply>;
  stats(): Promise<WorkerStats>;
}

/** Starts one pool worker. */
export type Spawn = () => Worker;

/** The pool's own worker script, bundled by Vite. */
export const spawnPoolWorker: Spawn = () =>
  new Worker(new URL('./browser-worker-entry.ts', import.meta.url), { type: 'module', name: 'ddir-pool' });

/** Web Workers as pool workers. */
export function browserTransport(spawn: Spawn = spawnPoolWorker): Transport {
  return {
    name: 'web workers',
    async start(configs: readonly WorkerConfig[]): Promise<WorkerHandle[]> {
      const n = configs.length;
      const ports: (MessagePort | null)[][] = configs.map(() => new Array<MessagePort | null>(n).fill(null));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const channel = new MessageChannel();
          (ports[i] as (MessagePort | null)[])[j] = channel.port1;
          (ports[j] as (MessagePort | null)[])[i] = channel.port2;
        }
      }
      const started = configs.map(() => webWorker(spawn()));
      try {
        await Promise.all(
          started.map((w, i) => {
            const mine = ports[i] as (MessagePort | null)[];
            const transfer = mine.filter((p): p is MessagePort => p !== null);
            const died = new Promise<never>((_, reject) =>
              w.handle.onExit((reason) => reject(new Error(`pool worker ${i} did not start: ${reason}`))),
            );
            return Promise.race([
              w.service.init(configs[i] as WorkerConfig, Comlink.transfer(mine, transfer)),
              died,
            ]);
          }),
        );
      } catch (e) {
        await Promise.all(started.map((w) => w.handle.terminate()));
        throw e;
      }
      return started.map((w) => w.handle);
    },
  };
}

function webWorker(worker: Worker): { handle: WorkerHandle; service: Comlink.Remote<BrowserWorkerService> } {
  const service = Comlink.wrap<BrowserWorkerService>(worker);
  const listeners: ((reason: string) => void)[] = [];
  let exited: string | null = null;
  const exit = (reason: string): void => {
    if (exited !== null) return;
    exited = reason;
    for (const l of listeners) l(reason);
  };
  worker.addEventListener('error', (event) => exit(`error: ${event.message}`));
  const handle: WorkerHandle = {
    api: { execute: (entry) => service.execute(entry), stats: () => service.stats() },
    terminate: () => {
      worker.terminate();
      exit('terminated');
      return Promise.resolve();
    },
    onExit: (listener) => {
      if (exited !== null) listener(exited);
      else listeners.push(listener);
    },
  };
  return { handle, service };
}

/** Options of a browser pool; the budget defaults to the server's. */
export interface BrowserPoolOptions {
  readonly maxIterations?: number;
  readonly maxSeconds?: number;
  /** The playground's files, for `install` (each `execute` may also pass its own). */
  readonly readFile?: PoolOptions['readFile'];
  readonly spawn?: Spawn;
}

/** A pool of `workers` Web Workers running one session together. */
export function createBrowserPool(workers: number, options: BrowserPoolOptions = {}): Promise<Pool> {
  return Pool.start(browserTransport(options.spawn), {
    workers,
    maxIterations: options.maxIterations ?? DEFAULT_BUDGET.maxIterations,
    maxSeconds: options.maxSeconds ?? DEFAULT_BUDGET.maxSeconds,
    readFile: options.readFile ?? (() => undefined),
  });
}
