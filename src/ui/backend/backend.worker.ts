/**
 * The backend worker: hosts one `SessionHost` and exposes it through Comlink. The main
 * thread (`worker-backend.ts`) creates it, calls `init` (budget, then the journal to
 * replay) and then `execute`/`snapshot`; Stop simply terminates this worker.
 */
import { expose } from 'comlink';
import { SessionHost } from './session-host.js';
import type { ServerEvent } from '../../server/events.js';
import type { JournalEntry, RunBudget, Snapshot } from './protocol.js';
import type { ProgramPlan } from './plans.js';

let host: SessionHost | null = null;

function current(): SessionHost {
  host ??= new SessionHost({ maxIterations: 100_000, maxSeconds: 5 });
  return host;
}

/** The worker's API (the main thread sees it through `Comlink.wrap`). */
export const workerApi = {
  /** A fresh session with this budget, brought to the journal's state. */
  init(budget: RunBudget, journal: readonly JournalEntry[]): void {
    host = new SessionHost(budget);
    host.replay(journal);
  },
  execute(line: string, files: Readonly<Record<string, string>>): ServerEvent[] {
    return current().execute(line, files);
  },
  snapshot(): Snapshot {
    return current().snapshot();
  },
  plans(): ProgramPlan[] {
    return current().plans();
  },
};

export type WorkerApi = typeof workerApi;

expose(workerApi);
