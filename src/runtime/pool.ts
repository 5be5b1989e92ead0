/**
 * The sequencer of a worker pool: one total order of commands for every worker, the
 * command journal, recovery by replay, and the gathering of results.
 *
 * `execute(line)` queues the line behind any running command, resolves the files it
 * reads (`install`'s FILE, through `readFile`), sends it to every worker, and merges
 * their replies into the events one server would print (merge.ts). Commands that
 * change state (accepted `install`, `feed`, `drop`, and every `tick`) are appended to
 * the journal with the file texts they read, so replaying the journal on fresh workers
 * rebuilds the same state: that is how a pool recovers when a worker dies (the command
 * that was running is run again once; if it kills a worker again it is reported and
 * left out), how `stop()` abandons a runaway command, and how `resize(n)` changes the
 * number of workers. Results never depend on the number of workers (ARCHITECTURE.md).
 * `execute` never rejects: every problem becomes an error event.
 */
import { mergeReplies } from './merge.js';
import type { CommandEntry, CommandReply, WorkerConfig, WorkerStats } from './protocol.js';
import type { Transport, WorkerHandle } from './transport.js';
import { parseCommand } from '../server/commands.js';
import { errorEvent } from '../server/events.js';
import type { ServerEvent } from '../server/events.js';

/** How to run a pool. */
export interface PoolOptions {
  readonly workers: number;
  readonly maxIterations: number;
  readonly maxSeconds: number;
  /** The text of a program file named by `install`, or undefined when it cannot be read. */
  readonly readFile: (path: string) => string | undefined;
  /** Record per-round CPU segments on every worker (benchmarks). */
  readonly profile?: boolean;
}

// Why a broadcast did not complete.
class WorkerLost extends Error {
  override name = 'WorkerLost';
}

class Stopped extends Error {
  override name = 'Stopped';
}

// Commands whose accepted form changes the session's state (replayed on rebuild).
const STATEFUL = new Set(['install', 'feed', 'drop', 'tick']);

/** A pool of workers running one session together. */
export class Pool {
  private handles: WorkerHandle[] = [];
  private readonly journal: CommandEntry[] = [];
  private size: number;
  // Serializes commands, rebuilds and stats.
  private chain: Promise<unknown> = Promise.resolve();
  private inflight: ((e: Error) => void) | null = null;
  // Set when a worker died outside a command, or a command left the workers unusable.
  private broken: string | null = null;
  // Bumped whenever the pool replaces its workers, so exits of old ones are ignored.
  private generation = 0;
  private done = false;
  /** How many times the pool rebuilt its workers from the journal (crash, stop, resize). */
  rebuilds = 0;

  private constructor(
    private readonly transport: Transport,
    private readonly options: PoolOptions,
  ) {
    this.size = options.workers;
  }

  /** Starts a pool of `options.workers` workers over `transport`. */
  static async start(transport: Transport, options: PoolOptions): Promise<Pool> {
    if (!Number.isSafeInteger(options.workers) || options.workers < 1) {
      throw new RangeError(`a pool needs a whole number of workers ≥ 1, got ${options.workers}`);
    }
    const pool = new Pool(transport, options);
    await pool.launch();
    return pool;
  }

  /** The number of workers. */
  get workers(): number {
    return this.size;
  }

  /** True once a session command `exit`/`quit` ran. */
  get finished(): boolean {
    return this.done;
  }

  /** The journal's command lines, in order. */
  journalLines(): string[] {
    return this.journal.map((e) => e.line);
  }

  /** The started worker `i` (tests use it to kill one). */
  worker(i: number): WorkerHandle {
    const h = this.handles[i];
    if (h === undefined) throw new RangeError(`no worker ${i} in a pool of ${this.size}`);
    return h;
  }

  /**
   * Runs one command line on every worker; resolves to the merged events. `readFile`
   * overrides the pool's file lookup for this command (the playground passes its files).
   */
  execute(line: string, readFile: PoolOptions['readFile'] = this.options.readFile): Promise<ServerEvent[]> {
    return this.enqueue(() => this.run(line, readFile));
  }

  /** Replaces the workers by `workers` new ones, replaying the journal. */
  resize(workers: number): Promise<void> {
    if (!Number.isSafeInteger(workers) || workers < 1) {
      return Promise.reject(new RangeError(`a pool needs a whole number of workers ≥ 1, got ${workers}`));
    }
    return this.enqueue(async () => {
      this.size = workers;
      await this.rebuild();
    });
  }

  /**
   * Abandons the running command at once: the workers are terminated, the command's
   * `execute` resolves to an error event, and the state is rebuilt from the journal
   * (which does not hold the abandoned command).
   */
  stop(): Promise<void> {
    const reject = this.inflight;
    if (reject !== null) {
      this.generation++;
      this.broken = 'stopped';
      reject(new Stopped('stopped'));
      void Promise.all(this.handles.map((h) => h.terminate()));
    }
    return this.enqueue(async () => {
      if (this.broken !== null) await this.rebuild();
    });
  }

  /** Every worker's statistics, in worker order. */
  stats(): Promise<WorkerStats[]> {
    return this.enqueue(async () => {
      if (this.broken !== null) await this.rebuild();
      return Promise.all(this.handles.map((h) => h.api.stats()));
    });
  }

  /** Terminates every worker. */
  close(): Promise<void> {
    return this.enqueue(async () => {
      this.generation++;
      await Promise.all(this.handles.map((h) => h.terminate()));
      this.handles = [];
    });
  }

  private enqueue<R>(task: () => Promise<R>): Promise<R> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async run(line: string, readFile: PoolOptions['readFile']): Promise<ServerEvent[]> {
    const parsed = parseCommand(line);
    const files: Record<string, string> = {};
    if (parsed !== null && !('error' in parsed) && parsed.kind === 'install') {
      const text = readFile(parsed.file);
      if (text !== undefined) files[parsed.file] = text;
    }
    const entry: CommandEntry = { v: 1, seq: this.journal.length, line, files };
    let lastProblem = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        if (this.broken !== null) await this.rebuild();
        const replies = await this.broadcast(entry);
        const events = mergeReplies(replies);
        if (replies.some((r) => r.finished)) this.done = true;
        // A rejected command (one error event, nothing else) changed nothing; a tick always counts.
        const rejected = events.length === 1 && events[0]?.event === 'error';
        if (parsed !== null && !('error' in parsed) && STATEFUL.has(parsed.kind)) {
          if (parsed.kind === 'tick' || !rejected) this.journal.push(entry);
        }
        return events;
      } catch (e) {
        this.broken = e instanceof Error ? e.message : String(e);
        if (e instanceof Stopped)
          return [errorEvent(`stopped "${line.trim()}"; the session was rebuilt without it`)];
        lastProblem = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        // A lost worker may be chance (the command runs again once); anything else is a bug.
        if (!(e instanceof WorkerLost)) break;
      }
    }
    return [
      errorEvent(
        `the workers failed while running "${line.trim()}" (${lastProblem}); the session was rebuilt from its journal without it`,
      ),
    ];
  }

  // Sends one entry to every worker; rejects when a worker dies or the command is stopped.
  private broadcast(entry: CommandEntry): Promise<CommandReply[]> {
    return new Promise<CommandReply[]>((resolve, reject) => {
      this.inflight = reject;
      Promise.all(this.handles.map((h) => h.api.execute(entry))).then(resolve, reject);
    }).finally(() => {
      this.inflight = null;
    });
  }

  private async launch(): Promise<void> {
    const generation = ++this.generation;
    const configs: WorkerConfig[] = [];
    for (let index = 0; index < this.size; index++) {
      configs.push({
        v: 1,
        index,
        workers: this.size,
        maxIterations: this.options.maxIterations,
        maxSeconds: this.options.maxSeconds,
        profile: this.options.profile === true,
      });
    }
    this.handles = await this.transport.start(configs);
    this.handles.forEach((h, i) =>
      h.onExit((reason) => {
        if (generation !== this.generation) return;
        const lost = new WorkerLost(`worker ${i} exited (${reason})`);
        this.broken = lost.message;
        this.inflight?.(lost);
      }),
    );
    this.broken = null;
  }

  // New workers of the current size, brought up to date by replaying the journal.
  private async rebuild(): Promise<void> {
    this.rebuilds++;
    for (let attempt = 0; ; attempt++) {
      this.generation++;
      await Promise.all(this.handles.map((h) => h.terminate()));
      await this.launch();
      try {
        for (const entry of this.journal) await this.broadcast(entry);
        return;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
  }
}
