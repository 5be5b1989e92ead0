/**
 * The entry module of one `worker_threads` worker (started by node-workers.ts): exposes
 * a `WorkerHost` over Comlink on the thread's parent port. `init` receives the worker's
 * configuration and its ports to every other worker (transferred), then commands arrive.
 */
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { WorkerHost } from './host.js';
import { comlinkEndpoint, portEndpoint, threadCpuClock } from './node-workers.js';
import type { NodeWorkerService } from './node-workers.js';
import type { CommandEntry, CommandReply, WorkerConfig, WorkerStats } from './protocol.js';

if (parentPort === null) throw new Error('node-worker-entry runs only as a worker thread');

let host: WorkerHost | null = null;

function ready(): WorkerHost {
  if (host === null) throw new Error('worker used before init');
  return host;
}

const service: NodeWorkerService = {
  init(config: WorkerConfig, peers: readonly (MessagePort | null)[]): void {
    host = new WorkerHost(
      config,
      peers.map((p) => (p === null ? null : portEndpoint(p))),
      threadCpuClock(),
    );
  },
  execute: (entry: CommandEntry): Promise<CommandReply> => ready().execute(entry),
  stats: (): Promise<WorkerStats> => ready().stats(),
};

Comlink.expose(service, comlinkEndpoint(parentPort));
