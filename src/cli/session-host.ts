/**
 * Builds what runs a session for the CLI, with the user's budgets and the file lookup
 * `install` uses — the working directory first, then (for a script) the script's own
 * directory, as SERVER.md "Paths" says: one engine in this thread for `--workers 1`, a
 * pool of `worker_threads` for more. Both are `Runner`s: a line in, its events out.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { readText } from './io.js';
import { Engine } from '../engine/engine.js';
import { nodeTransport } from '../runtime/node-workers.js';
import { Pool } from '../runtime/pool.js';
import { DEFAULT_BUDGET, Session } from '../server/session.js';
import type { ServerEvent } from '../server/events.js';
import type { SessionArgs } from './args.js';

/** Runs session command lines, one at a time. */
export interface Runner {
  execute(line: string): Promise<ServerEvent[]>;
  /** True once `exit`/`quit` ran. */
  readonly finished: boolean;
  close(): Promise<void>;
}

/** How `install` finds FILE: the working directory, then the script's directory. */
function fileReader(cwd: string, script: string | null): (path: string) => string | undefined {
  const scriptDir = script === null ? null : dirname(resolve(cwd, script));
  return (path: string): string | undefined => {
    const here = readText(cwd, path);
    if (here !== undefined || scriptDir === null || isAbsolute(path)) return here;
    return readText(scriptDir, path);
  };
}

function budget(args: SessionArgs): { maxIterations: number; maxSeconds: number } {
  return {
    maxIterations: args.maxIterations ?? DEFAULT_BUDGET.maxIterations,
    maxSeconds: args.maxSeconds ?? DEFAULT_BUDGET.maxSeconds,
  };
}

/** A fresh single-worker session; `script` is the path of the session script, if any. */
export function createSession(cwd: string, args: SessionArgs, script: string | null): Session {
  return new Session({ engine: new Engine(budget(args)), readFile: fileReader(cwd, script) });
}

/**
 * A runner for `args.workers` workers (a session here for one, a thread pool for more);
 * `readFile` replaces the disk lookup (`ddir run --url` reads the link's files).
 */
export async function createRunner(
  cwd: string,
  args: SessionArgs,
  script: string | null,
  readFile: (path: string) => string | undefined = fileReader(cwd, script),
): Promise<Runner> {
  if (args.workers <= 1) {
    const session = new Session({ engine: new Engine(budget(args)), readFile });
    return {
      execute: (line) => Promise.resolve(session.executeLine(line)),
      get finished() {
        return session.finished;
      },
      close: () => Promise.resolve(),
    };
  }
  const pool = await Pool.start(nodeTransport, {
    workers: args.workers,
    ...budget(args),
    readFile,
  });
  return pool;
}
