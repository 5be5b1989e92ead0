/**
 * What a person can do, as methods over the store and the backend: run a command line,
 * run the script or step through it, tick, stop, reset, rewind (replay a journal prefix
 * in a fresh session), change settings, edit files.
 *
 * Commands run one at a time in arrival order (a queue); each completed command is
 * applied with ONE store update (`applyCommand`). Stop interrupts the running command
 * and drops the queued ones; the backend restores the state before it, so the store —
 * which never saw the interrupted command complete — is already right. Nothing here
 * waits synchronously on the engine.
 */
import { scriptLines, withLine } from '../../server/script.js';
import { changesViews, commandWord } from '../backend/journal.js';
import { StoppedError } from '../backend/protocol.js';
import { entryFiles } from '../backend/journal.js';
import { appendEntries } from './console-log.js';
import { applyCommand, freshSession } from './store.js';
import type { CommandSource, NewEntry } from './console-log.js';
import type { PlaygroundState } from './store.js';
import type { Settings } from './settings.js';
import type { StoreApi } from 'zustand/vanilla';
import type { Backend, JournalEntry } from '../backend/protocol.js';
import type { ServerEvent } from '../../server/events.js';

/** How long a stopped command's diagnosis may be awaited before it is skipped. */
type Task = () => Promise<void>;

/** The playground's actions (see the module header). */
export class Playground {
  private queue: Promise<void> = Promise.resolve();
  /** Bumped by Stop and Reset: queued tasks of an older generation do nothing. */
  private generation = 0;
  private revealSeq = 0;

  constructor(
    readonly store: StoreApi<PlaygroundState>,
    readonly backend: Backend,
  ) {}

  private get state(): PlaygroundState {
    return this.store.getState();
  }

  private note(text: string, tone: 'info' | 'warn' | 'error' = 'info'): void {
    this.store.setState((s) => ({ console: appendEntries(s.console, [{ kind: 'note', text, tone }]) }));
  }

  /** Queues `task`; it is skipped if Stop or Reset happened after it was queued. */
  private enqueue(task: Task): Promise<void> {
    const generation = this.generation;
    const run = this.queue.then(async () => {
      if (generation !== this.generation) return;
      await task();
    });
    this.queue = run.catch((error: unknown) => {
      if (!(error instanceof StoppedError)) {
        this.note(`Internal error: ${error instanceof Error ? error.message : String(error)}`, 'error');
      }
    });
    return this.queue;
  }

  /** Executes one line now (inside a task); answers false when Stop interrupted it. */
  private async execute(
    line: string,
    source: CommandSource,
    options: { scriptLine?: number; files?: Readonly<Record<string, string>>; quiet?: boolean } = {},
  ): Promise<boolean> {
    this.store.setState({ running: line });
    try {
      const raw = await this.backend.execute(line, options.files ?? this.state.files);
      const events: ServerEvent[] =
        options.scriptLine === undefined
          ? raw
          : raw.map((e) => (e.event === 'error' ? withLine(e, options.scriptLine ?? 0) : e));
      const snapshot = changesViews(line) ? await this.backend.snapshot() : null;
      const plans = snapshot === null ? null : await this.backend.plans();
      const result = {
        line: line.trim(),
        source,
        events,
        snapshot,
        plans,
        journal: [...this.backend.journal()],
        ...(options.scriptLine === undefined ? {} : { scriptLine: options.scriptLine }),
        ...(options.quiet === true ? { quiet: true } : {}),
      };
      this.store.setState((s) => applyCommand(s, result));
      return true;
    } catch (error) {
      this.store.setState({ running: null });
      if (error instanceof StoppedError) return false;
      throw error;
    }
  }

  /** Runs a console command line (also remembered in the command history). */
  run(line: string, source: CommandSource = 'console'): Promise<void> {
    const trimmed = line.trim();
    if (trimmed === '') return Promise.resolve();
    if (source === 'console') {
      this.store.setState((s) => ({
        commandHistory:
          s.commandHistory.at(-1) === trimmed ? s.commandHistory : [...s.commandHistory, trimmed].slice(-200),
      }));
    }
    return this.enqueue(async () => {
      await this.execute(trimmed, source);
    });
  }

  /** One `tick`. */
  tick(): Promise<void> {
    return this.run('tick', 'button');
  }

  /** Runs the script from the top in a fresh session. */
  runScript(): Promise<void> {
    const name = this.state.script;
    const text = this.state.files[name];
    if (text === undefined) {
      this.note(`There is no session script to run (${name || 'none chosen'}).`, 'warn');
      return Promise.resolve();
    }
    return this.enqueue(async () => {
      await this.freshSession(`Run script ${name}: a fresh session`);
      for (const { line, text: command } of scriptLines(text)) {
        const word = commandWord(command);
        if (word === null) continue;
        if (word === 'exit' || word === 'quit') break;
        if (!(await this.execute(command, 'script', { scriptLine: line }))) return;
      }
      this.store.setState({ scriptCursor: 0, highlight: null });
    });
  }

  /** Runs the script's next command (from the top in a fresh session) and highlights its line. */
  step(): Promise<void> {
    return this.enqueue(async () => {
      const name = this.state.script;
      const lines = scriptLines(this.state.files[name] ?? '');
      const start = this.state.scriptCursor;
      const next = lines.findIndex((l, i) => i >= start && commandWord(l.text) !== null);
      const found = lines[next];
      if (found === undefined || ['exit', 'quit'].includes(commandWord(found.text) ?? '')) {
        this.note(`End of ${name}: the next Step starts it again from a fresh session.`);
        this.store.setState({ scriptCursor: 0, highlight: null });
        return;
      }
      if (start === 0) await this.freshSession(`Step through ${name}: a fresh session`);
      this.store.setState({ scriptCursor: next + 1, highlight: { file: name, line: found.line } });
      await this.execute(found.text, 'step', { scriptLine: found.line });
    });
  }

  /** Interrupts the running command; the state before it is restored by replay. */
  async stop(): Promise<void> {
    this.generation += 1;
    this.store.setState({ busy: 'Stopping…' });
    const report = await this.backend.stop();
    this.store.setState((s) => ({
      busy: null,
      running: null,
      console: appendEntries(s.console, [
        report === null
          ? { kind: 'note', text: 'Nothing was running.', tone: 'info' }
          : {
              kind: 'note',
              tone: 'warn',
              text: `Stopped "${report.line}". The state before it was restored by replaying ${report.replayed} command${report.replayed === 1 ? '' : 's'}.`,
            },
      ]),
    }));
    if (report !== null) void this.explain(report.line);
  }

  /** Says which program and scope a stopped command was running (best effort, in the background). */
  private async explain(line: string): Promise<void> {
    const events = await this.backend.diagnose(line);
    const errors = events.filter((e) => e.event === 'error');
    const added: NewEntry[] = errors.map((e) => ({
      kind: 'note',
      tone: 'info',
      text: `Why "${line}" ran long: ${e.message}`,
    }));
    if (added.length > 0) this.store.setState((s) => ({ console: appendEntries(s.console, added) }));
  }

  private async freshSession(reason: string): Promise<void> {
    this.store.setState({ busy: 'Starting a fresh session…' });
    await this.backend.reset();
    this.store.setState((s) => ({
      ...freshSession(),
      busy: null,
      console: appendEntries(s.console, [{ kind: 'note', text: reason, tone: 'info' }]),
    }));
  }

  /** Reset: a fresh, empty session (the files stay). */
  reset(): Promise<void> {
    this.generation += 1;
    const generation = this.generation;
    this.queue = this.queue.then(async () => {
      if (generation === this.generation) await this.freshSession('Reset: a fresh session at epoch 0.');
    });
    return this.queue;
  }

  /** Changes settings; the worker count and the budget rebuild the state by replay. */
  changeSettings(next: Settings): Promise<void> {
    const before = this.state.settings;
    this.store.setState({ settings: next });
    return this.enqueue(async () => {
      const replayed = this.backend.journal().length;
      if (next.workers !== before.workers) {
        this.store.setState({
          busy: `Rebuilding with ${next.workers} worker${next.workers === 1 ? '' : 's'}…`,
        });
        await this.backend.setWorkers(next.workers);
        this.store.setState({ busy: null });
        this.note(
          `Now ${next.workers} worker${next.workers === 1 ? '' : 's'}: state rebuilt by replaying ${replayed} commands.`,
        );
      }
      if (next.maxIterations !== before.maxIterations || next.maxSeconds !== before.maxSeconds) {
        this.store.setState({ busy: 'Applying the run budget…' });
        await this.backend.setBudget(next);
        this.store.setState({ busy: null });
        this.note(`Run budget: ${next.maxIterations} iterations per scope, ${next.maxSeconds} s per tick.`);
      }
    });
  }

  /** Brings a restored workspace's session back by replaying its journal (one update per tick). */
  restore(journal: readonly JournalEntry[]): Promise<void> {
    return this.enqueue(async () => {
      this.store.setState({ busy: `Restoring ${journal.length} commands…` });
      for (const entry of journal) {
        if (!(await this.execute(entry.line, 'script', { files: entryFiles(entry), quiet: true }))) break;
      }
      this.store.setState({ busy: null });
      const traces = this.state.traces.length;
      this.note(
        `Restored the session: ${journal.length} command${journal.length === 1 ? '' : 's'} replayed, epoch ${this.state.epoch}, ${traces} trace${traces === 1 ? '' : 's'}.`,
      );
    });
  }

  /** Rewinds to the state after `journal` (earlier commands of this session) by replay in a fresh session. */
  rewind(journal: readonly JournalEntry[], reason: string): Promise<void> {
    this.generation += 1;
    return this.enqueue(async () => {
      await this.freshSession(reason);
      this.store.setState({ busy: `Replaying ${journal.length} commands…` });
      for (const entry of journal) {
        if (!(await this.execute(entry.line, 'script', { files: entryFiles(entry), quiet: true }))) break;
      }
      this.store.setState({ busy: null });
    });
  }

  /** Marks the first load finished. */
  markReady(): Promise<void> {
    return this.enqueue(() => {
      this.store.setState({ ready: true });
      return Promise.resolve();
    });
  }

  /** Shows `file` in the editor with the cursor at (line, col), if the file exists. */
  openAt(file: string, line: number, col = 1): void {
    if (!(file in this.state.files)) {
      this.note(`There is no file named ${file} in the playground.`, 'warn');
      return;
    }
    this.revealSeq += 1;
    this.store.setState({ active: file, reveal: { file, line, col, seq: this.revealSeq } });
  }

  /** Waits until every queued command has finished. */
  idle(): Promise<void> {
    return this.queue;
  }
}
