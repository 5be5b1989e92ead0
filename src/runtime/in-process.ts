/**
 * The in-process transport (tests): every worker's host lives in this thread, the data
 * mesh is made of loopback endpoint pairs, and commands are direct calls.
 *
 * Messages keep the protocol's shape exactly (batches are encoded into buffers by the
 * mesh as for a real thread), they are only not copied. Delivery is synchronous into
 * the receiver's inbox; the receiving worker resumes in a later microtask, so workers
 * interleave like real ones. `terminate` closes a worker's endpoints and abandons its
 * running command (its reply never comes), as a dead thread would, and tells `onExit`.
 */
import { WorkerHost } from './host.js';
import type { PeerMessage, WorkerConfig } from './protocol.js';
import type { Endpoint, Transport, WorkerHandle } from './transport.js';

/** Two connected endpoints: what one posts, the other receives. */
export function loopbackPair(): [Endpoint, Endpoint] {
  const a = new LoopbackEndpoint();
  const b = new LoopbackEndpoint();
  a.other = b;
  b.other = a;
  return [a, b];
}

class LoopbackEndpoint implements Endpoint {
  other: LoopbackEndpoint | null = null;
  private handler: ((m: PeerMessage) => void) | null = null;
  private early: PeerMessage[] = [];
  private closed = false;

  post(message: PeerMessage): void {
    const other = this.other;
    if (this.closed || other === null || other.closed) return;
    if (other.handler === null) other.early.push(message);
    else other.handler(message);
  }

  listen(handler: (m: PeerMessage) => void): void {
    this.handler = handler;
    for (const m of this.early) handler(m);
    this.early = [];
  }

  close(): void {
    this.closed = true;
    this.handler = null;
  }
}

/** A full mesh of loopback channels: `mesh[i][j]` is worker i's end towards worker j. */
export function loopbackMesh(workers: number): (Endpoint | null)[][] {
  const mesh: (Endpoint | null)[][] = [];
  for (let i = 0; i < workers; i++) mesh.push(new Array<Endpoint | null>(workers).fill(null));
  for (let i = 0; i < workers; i++) {
    for (let j = i + 1; j < workers; j++) {
      const [a, b] = loopbackPair();
      (mesh[i] as (Endpoint | null)[])[j] = a;
      (mesh[j] as (Endpoint | null)[])[i] = b;
    }
  }
  return mesh;
}

/** Workers as hosts in this thread. */
export const inProcessTransport: Transport = {
  name: 'in-process',
  start(configs: readonly WorkerConfig[]): Promise<WorkerHandle[]> {
    const mesh = loopbackMesh(configs.length);
    return Promise.resolve(
      configs.map((config, i) => {
        const peers = mesh[i] as (Endpoint | null)[];
        return handleOf(new WorkerHost(config, peers), peers);
      }),
    );
  },
};

function handleOf(host: WorkerHost, peers: readonly (Endpoint | null)[]): WorkerHandle {
  let alive = true;
  const listeners: ((reason: string) => void)[] = [];
  // A call into a dead worker never answers, like a message to a terminated thread.
  const never = new Promise<never>(() => undefined);
  return {
    api: {
      execute: (entry) => (alive ? host.execute(entry).then((r) => (alive ? r : never)) : never),
      stats: () => (alive ? host.stats() : never),
    },
    terminate: () => {
      if (alive) {
        alive = false;
        for (const p of peers) p?.close();
        for (const l of listeners) l('terminated');
      }
      return Promise.resolve();
    },
    onExit: (listener) => {
      listeners.push(listener);
    },
  };
}
