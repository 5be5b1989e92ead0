/**
 * The entry module of one pool worker in the browser (a module Web Worker started by
 * browser-workers.ts): exposes a `WorkerHost` over Comlink. `init` receives the
 * worker's configuration and its `MessagePort`s to every other worker (transferred);
 * then commands arrive. Workers have no CPU clock here, so they record no CPU times.
 */
import * as Comlink from 'comlink';
import { domPortEndpoint } from './browser-port.js';
import { WorkerHost } from './host.js';
import type { BrowserWorkerService } from './browser-workers.js';
import type { CommandEntry, CommandReply, WorkerConfig, WorkerStats } from './protocol.js';

let host: WorkerHost | null = null;

function ready(): WorkerHost {
  if (host === null) throw new Error('pool worker used before init');
  return host;
}

const service: BrowserWorkerService = {
  init(config: WorkerConfig, peers: readonly (MessagePort | null)[]): void {
    host = new WorkerHost(
      config,
      peers.map((p) => (p === null ? null : domPortEndpoint(p))),
    );
  },
  execute: (entry: CommandEntry): Promise<CommandReply> => ready().execute(entry),
  stats: (): Promise<WorkerStats> => ready().stats(),
};

Comlink.expose(service);
