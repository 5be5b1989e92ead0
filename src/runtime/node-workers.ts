/**
 * The `worker_threads` transport (`ddir run --workers N`): one thread per worker running
 * `node-worker-entry.ts`, Comlink over the worker's port for the command API, and one
 * `MessageChannel` per pair of workers for the data mesh (batches travel as transferred
 * `ArrayBuffer`s). Also the Node-side adapters the entry uses: ports as `Endpoint`s and
 * as Comlink endpoints, and the thread's CPU clock.
 *
 * The entry is found next to this module: `node-worker-entry.js` in the compiled `dist/`
 * that `npx ddir` runs, `node-worker-entry.ts` when running from sources (see `spawn`).
 */
import { readFileSync } from 'node:fs';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { CommandEntry, CommandReply, PeerMessage, WorkerConfig, WorkerStats } from './protocol.js';
import type { Endpoint, Transport, WorkerHandle } from './transport.js';

/** What the worker entry exposes over Comlink. */
export interface NodeWorkerService {
  init(config: WorkerConfig, peers: readonly (MessagePort | null)[]): void;
  execute(entry: CommandEntry): Promise<CommandReply>;
  stats(): Promise<WorkerStats>;
}

/** Something with Node's message-port shape (a `MessagePort`, a `Worker`, `parentPort`). */
interface NodePort {
  postMessage(message: unknown, transfer?: readonly (ArrayBuffer | MessagePort)[]): void;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  off(event: 'message', listener: (data: unknown) => void): unknown;
}

/** A data-mesh `Endpoint` over a `worker_threads` message port. */
export function portEndpoint(port: MessagePort): Endpoint {
  return {
    post: (message, transfer) => port.postMessage(message, [...transfer]),
    listen: (handler) => {
      port.on('message', (m: PeerMessage) => handler(m));
    },
    close: () => port.close(),
  };
}

// Comlink's listener: a function or an object with `handleEvent`.
type ComlinkListener = ((event: { data: unknown }) => void) | { handleEvent(event: { data: unknown }): void };

/** A Comlink endpoint over a Node port (what comlink's node adapter does, typed here). */
export function comlinkEndpoint(port: NodePort): Comlink.Endpoint {
  const listeners = new WeakMap<object, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: readonly (ArrayBuffer | MessagePort)[]) =>
      port.postMessage(message, transfer ?? []),
    addEventListener: (_type: string, listener: ComlinkListener) => {
      const l = (data: unknown): void => {
        if (typeof listener === 'function') listener({ data });
        else listener.handleEvent({ data });
      };
      port.on('message', l);
      listeners.set(listener, l);
    },
    removeEventListener: (_type: string, listener: ComlinkListener) => {
      const l = listeners.get(listener);
      if (l === undefined) return;
      port.off('message', l);
      listeners.delete(listener);
    },
  } as unknown as Comlink.Endpoint;
}

const SCHEDSTAT = '/proc/thread-self/schedstat';

/**
 * This thread's CPU time in ms (Linux: the first field of /proc/thread-self/schedstat,
 * nanoseconds on CPU), or null where the platform does not tell.
 */
export function threadCpuClock(): (() => number) | null {
  const read = (): number => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
  try {
    return Number.isFinite(read()) ? read : null;
  } catch {
    return null;
  }
}

/**
 * A new worker thread running the entry. From sources (a `.ts` module, under `tsx` or
 * vitest) the thread first registers tsx's loader itself: Node 20 does not pass loader
 * hooks on to worker threads.
 */
function spawn(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./node-worker-entry.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./node-worker-entry.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

/** Workers as `worker_threads`. */
export const nodeTransport: Transport = {
  name: 'worker_threads',
  async start(configs: readonly WorkerConfig[]): Promise<WorkerHandle[]> {
    const n = configs.length;
    const ports: (MessagePort | null)[][] = configs.map(() => new Array<MessagePort | null>(n).fill(null));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const { port1, port2 } = new MessageChannel();
        (ports[i] as (MessagePort | null)[])[j] = port1;
        (ports[j] as (MessagePort | null)[])[i] = port2;
      }
    }
    const handles = configs.map(() => threadHandle(spawn()));
    try {
      await Promise.all(
        handles.map((h, i) => {
          const mine = ports[i] as (MessagePort | null)[];
          const transfer = mine.filter((p): p is MessagePort => p !== null);
          const ready = h.service.init(
            configs[i] as WorkerConfig,
            Comlink.transfer(mine, transfer as unknown as Parameters<typeof Comlink.transfer>[1]),
          );
          // A worker that dies while starting (e.g. its module fails to load) fails the start.
          const died = new Promise<never>((_, reject) =>
            h.handle.onExit((reason) => reject(new Error(`worker ${i} did not start: ${reason}`))),
          );
          return Promise.race([ready, died]);
        }),
      );
    } catch (e) {
      await Promise.all(handles.map((h) => h.handle.terminate()));
      throw e;
    }
    return handles.map((h) => h.handle);
  },
};

function threadHandle(worker: Worker): { handle: WorkerHandle; service: Comlink.Remote<NodeWorkerService> } {
  const service = Comlink.wrap<NodeWorkerService>(comlinkEndpoint(worker));
  const listeners: ((reason: string) => void)[] = [];
  let exited: string | null = null;
  const exit = (reason: string): void => {
    if (exited !== null) return;
    exited = reason;
    for (const l of listeners) l(reason);
  };
  worker.on('error', (e: Error) => exit(`${e.name}: ${e.message}`));
  worker.on('exit', (code: number) => exit(`exit code ${code}`));
  const handle: WorkerHandle = {
    api: { execute: (entry) => service.execute(entry), stats: () => service.stats() },
    terminate: async () => {
      await worker.terminate();
    },
    onExit: (listener) => {
      if (exited !== null) listener(exited);
      else listeners.push(listener);
    },
  };
  return { handle, service };
}
