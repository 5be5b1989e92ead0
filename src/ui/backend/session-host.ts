/**
 * One DDIR session with its engine on the calling thread, as the local backend hosts it (and as unit tests
 * use it directly): `execute(line, files)` runs a command with `install` reading FILE
 * from `files`; `replay(entries)` repeats journal entries silently; `snapshot()` answers
 * the epoch, the registry and each published trace's consolidated rows (a failed
 * program's traces carry the error instead); `plans()` each installed program's plan
 * and work counters. Pure apart from the engine's clock.
 */
import { Engine } from '../../engine/engine.js';
import { Session } from '../../server/session.js';
import { entryFiles } from './journal.js';
import { PlanBook } from './plans.js';
import type { ProgramPlan } from './plans.js';
import type { ServerEvent } from '../../server/events.js';
import type { JournalEntry, RunBudget, Snapshot, TraceSnapshot } from './protocol.js';

/** An Engine + Session reading programs from the playground's files. */
export class SessionHost {
  private readonly session: Session;
  private files: Readonly<Record<string, string>> = {};
  private readonly book = new PlanBook();

  constructor(budget: RunBudget) {
    const engine = new Engine({ maxIterations: budget.maxIterations, maxSeconds: budget.maxSeconds });
    this.session = new Session({ engine, readFile: (path) => this.files[path.replace(/^\.\//, '')] });
  }

  /** Runs one command line against the session. */
  execute(line: string, files: Readonly<Record<string, string>>): ServerEvent[] {
    this.files = files;
    try {
      const events = this.session.executeLine(line);
      this.book.observe(line, files, events);
      return events;
    } finally {
      this.files = {};
    }
  }

  /** Repeats journal entries (their events are not needed: the journal holds only completed commands). */
  replay(entries: readonly JournalEntry[]): void {
    for (const entry of entries) this.execute(entry.line, entryFiles(entry));
  }

  /** Every installed program's plan with its work counters (for the plan view). */
  plans(): ProgramPlan[] {
    return this.book.plans((program) => this.session.stats(program));
  }

  /** The state the views show. */
  snapshot(): Snapshot {
    const list = this.session.list();
    const traces: TraceSnapshot[] = list.traces.map(({ name }) => {
      const [event] = this.session.execute({ kind: 'peek', trace: name, key: null });
      if (event?.event === 'peek') return { name, rows: event.rows };
      return { name, rows: [], error: event?.event === 'error' ? event.message : 'unavailable' };
    });
    return { epoch: list.epoch, list, traces };
  }
}
