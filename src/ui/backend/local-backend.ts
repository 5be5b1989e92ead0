/**
 * `createLocalBackend(budget)`: the `Backend` contract on the calling thread, with a
 * SessionHost and the same journal rules as the pool backend. For unit tests and
 * tools; it cannot be stopped (there is nothing to terminate), so `stop` answers null.
 */
import { commandWord, journalEntry } from './journal.js';
import { SessionHost } from './session-host.js';
import type { Backend, JournalEntry, ProgramPlan, RunBudget, Snapshot, StopReport } from './protocol.js';
import type { ServerEvent } from '../../server/events.js';

/** A same-thread backend (see the module header). */
export function createLocalBackend(initial: RunBudget): Backend & { readonly workers: () => number } {
  let budget = initial;
  let workers = 1;
  let entries: JournalEntry[] = [];
  let host = new SessionHost(budget);
  const rebuild = (): void => {
    host = new SessionHost(budget);
    host.replay(entries);
  };
  return {
    execute(line, files) {
      const events = host.execute(line, files);
      const entry = journalEntry(line, files);
      const rejected = commandWord(line) !== 'tick' && events[0]?.event === 'error';
      if (entry !== null && !rejected) entries.push(entry);
      return Promise.resolve(events);
    },
    snapshot: (): Promise<Snapshot> => Promise.resolve(host.snapshot()),
    plans: (): Promise<ProgramPlan[]> => Promise.resolve(host.plans()),
    setWorkers(n) {
      workers = n;
      rebuild();
      return Promise.resolve();
    },
    setBudget(next) {
      budget = next;
      rebuild();
      return Promise.resolve();
    },
    stop: (): Promise<StopReport | null> => Promise.resolve(null),
    reset() {
      entries = [];
      rebuild();
      return Promise.resolve();
    },
    journal: () => entries,
    diagnose: (): Promise<ServerEvent[]> => Promise.resolve([]),
    dispose() {},
    workers: () => workers,
  };
}
