/**
 * Builds a server session for the CLI: an engine with the user's budgets, and the file
 * lookup `install` uses — the working directory first, then (for a script) the script's
 * own directory, as SERVER.md "Paths" says.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { readText } from './io.js';
import { Engine } from '../engine/engine.js';
import { DEFAULT_BUDGET, Session } from '../server/session.js';
import type { SessionArgs } from './args.js';

/** A fresh session; `script` is the path of the session script, if any. */
export function createSession(cwd: string, args: SessionArgs, script: string | null): Session {
  const engine = new Engine({
    maxIterations: args.maxIterations ?? DEFAULT_BUDGET.maxIterations,
    maxSeconds: args.maxSeconds ?? DEFAULT_BUDGET.maxSeconds,
  });
  const scriptDir = script === null ? null : dirname(resolve(cwd, script));
  const readFile = (path: string): string | undefined => {
    const here = readText(cwd, path);
    if (here !== undefined || scriptDir === null || isAbsolute(path)) return here;
    return readText(scriptDir, path);
  };
  return new Session({ engine, readFile });
}
