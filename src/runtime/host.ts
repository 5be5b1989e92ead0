/**
 * One worker of a pool: a server session over a sharded engine, driven through the
 * data mesh. The same host runs in a Web Worker, in a `worker_threads` worker and
 * in-process; only the endpoints differ.
 *
 * `execute(entry)` runs one journal entry's command line in the worker's session; the
 * engine meets the other workers at its collectives (mesh.ts). The session reads
 * `install` files only from the entry (`files`), so workers need no file system. The
 * reply carries the session's events: everything but `peek` rows and inspect updates
 * is the same on every worker; those two come from this worker's shard (pool.ts merges
 * them). An exception out of the mesh (workers out of step) rejects the call.
 */
import { Mesh } from './mesh.js';
import type { CommandEntry, CommandReply, WorkerApi, WorkerConfig, WorkerStats } from './protocol.js';
import type { Endpoint } from './transport.js';
import { Engine } from '../engine/engine.js';
import { Session } from '../server/session.js';

/** A worker's session and its end of the mesh. */
export class WorkerHost implements WorkerApi {
  private readonly session: Session;
  private readonly mesh: Mesh;
  private files: Readonly<Record<string, string>> = {};

  constructor(
    private readonly config: WorkerConfig,
    peers: readonly (Endpoint | null)[],
    /** This thread's CPU time in ms, when the platform tells. */
    private readonly cpu: (() => number) | null = null,
  ) {
    if (config.v !== 1)
      throw new RangeError(`worker config of protocol version ${String(config.v)}; this is 1`);
    if (peers.length !== config.workers || peers[config.index] !== null) {
      throw new RangeError(
        `worker ${config.index} of ${config.workers} needs one peer channel per other worker (got ${peers.length})`,
      );
    }
    const engine = new Engine(
      { maxIterations: config.maxIterations, maxSeconds: config.maxSeconds },
      { workers: config.workers, index: config.index },
    );
    this.session = new Session({ engine, readFile: (path) => this.files[path] });
    this.mesh = new Mesh(config.index, peers, config.profile ? cpu : null);
  }

  async execute(entry: CommandEntry): Promise<CommandReply> {
    if (entry.v !== 1) throw new RangeError(`command of protocol version ${String(entry.v)}; this is 1`);
    this.files = entry.files;
    const events = await this.mesh.run(this.session.executeLineSteps(entry.line));
    this.mesh.endCommand();
    return { v: 1, seq: entry.seq, events, finished: this.session.finished };
  }

  stats(): Promise<WorkerStats> {
    const programs = this.session.list().programs.map((p) => ({
      name: p.name,
      operators: this.session.stats(p.name) ?? [],
    }));
    const cpuMs = this.cpu?.();
    return Promise.resolve({
      v: 1,
      index: this.config.index,
      programs,
      mesh: this.mesh.snapshot(),
      ...(cpuMs === undefined ? {} : { cpuMs }),
      ...(this.config.profile ? { segments: this.mesh.takeSegments() } : {}),
    });
  }
}
