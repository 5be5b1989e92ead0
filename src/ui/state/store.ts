/**
 * The playground's one store (zustand, framework-free): files, settings, the journal,
 * the console, the session's epoch, registry and traces, the installed programs' plans
 * with their work counters, the inspect updates so far, and what is running.
 *
 * `applyCommand` is the pure step that folds one completed command (its events and, for
 * commands that change the views, a snapshot taken right after it) into the state; the
 * actions (`actions.ts`) apply it with ONE `setState`, so no view ever renders half a
 * tick. Everything else here is plain data.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { appendEntries, commandEntries } from './console-log.js';
import { applySnapshot } from './trace-delta.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { CommandSource, ConsoleEntry } from './console-log.js';
import type { Settings } from './settings.js';
import type { TraceData } from './trace-data.js';
import type { JournalEntry, ProgramPlan, Snapshot } from '../backend/protocol.js';
import type { InspectEvent, ListEvent, ServerEvent } from '../../server/events.js';

/** The most inspect updates kept for the time grid (the oldest are forgotten first). */
export const MAX_INSPECTS = 100_000;

/** A place in a file the editor should show (`seq` makes repeated requests distinct). */
export interface Reveal {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly seq: number;
}

/** The whole UI state. */
export interface PlaygroundState {
  readonly files: Readonly<Record<string, string>>;
  readonly active: string;
  /** The session script the console's Run script / Step use. */
  readonly script: string;
  readonly settings: Settings;
  readonly journal: readonly JournalEntry[];
  readonly console: readonly ConsoleEntry[];
  readonly epoch: number;
  readonly list: ListEvent | null;
  readonly traces: readonly TraceData[];
  /** Every installed program's plan and work counters, as of the last install/tick/drop. */
  readonly plans: readonly ProgramPlan[];
  /** The session's inspect updates so far, oldest first (for the time grid). */
  readonly inspects: readonly InspectEvent[];
  /** The last tick: the epoch it opened and how many rows changed. */
  readonly lastTick: { readonly epoch: number; readonly changes: number } | null;
  /** The command line running now, if any. */
  readonly running: string | null;
  /** A backend operation that is not a command (rebuild, restore, stop), if any. */
  readonly busy: string | null;
  /** The next script line (0-based index) Step considers. */
  readonly scriptCursor: number;
  /** The script line Step ran last (1-based), highlighted in the editor. */
  readonly highlight: { readonly file: string; readonly line: number } | null;
  readonly reveal: Reveal | null;
  /** A message about storage or restoring, shown until dismissed. */
  readonly notice: string | null;
  /** Commands typed in the console, oldest first. */
  readonly commandHistory: readonly string[];
  /** True once the first restore / demo run finished. */
  readonly ready: boolean;
}

/** One completed command, as the actions hand it to `applyCommand`. */
export interface CommandResult {
  readonly line: string;
  readonly source: CommandSource;
  readonly events: readonly ServerEvent[];
  readonly snapshot: Snapshot | null;
  /** Plans taken with the snapshot (null: unchanged). */
  readonly plans?: readonly ProgramPlan[] | null;
  readonly journal: readonly JournalEntry[];
  readonly scriptLine?: number;
  /** Restoring: do not echo the command in the console. */
  readonly quiet?: boolean;
}

/** The state of a fresh session over these files. */
export function initialState(
  files: Readonly<Record<string, string>>,
  active: string,
  script: string,
  settings: Settings = DEFAULT_SETTINGS,
): PlaygroundState {
  return {
    files,
    active,
    script,
    settings,
    journal: [],
    console: [],
    epoch: 0,
    list: null,
    traces: [],
    plans: [],
    inspects: [],
    lastTick: null,
    running: null,
    busy: null,
    scriptCursor: 0,
    highlight: null,
    reveal: null,
    notice: null,
    commandHistory: [],
    ready: false,
  };
}

/** The session part of the state after a reset (files and settings stay). */
export function freshSession(): Pick<
  PlaygroundState,
  'journal' | 'epoch' | 'list' | 'traces' | 'plans' | 'inspects' | 'lastTick' | 'scriptCursor' | 'highlight'
> {
  return {
    journal: [],
    epoch: 0,
    list: null,
    traces: [],
    plans: [],
    inspects: [],
    lastTick: null,
    scriptCursor: 0,
    highlight: null,
  };
}

/** The state after one completed command (see the module header). */
export function applyCommand(state: PlaygroundState, result: CommandResult): Partial<PlaygroundState> {
  const tick = result.events.find((e) => e.event === 'tick');
  const update: { -readonly [K in keyof PlaygroundState]?: PlaygroundState[K] } = {
    journal: result.journal,
    running: null,
  };
  if (!result.quiet) {
    update.console = appendEntries(
      state.console,
      commandEntries(result.line, result.source, result.events, result.scriptLine),
    );
  }
  const inspects = result.events.filter((e): e is InspectEvent => e.event === 'inspect');
  if (inspects.length > 0) update.inspects = [...state.inspects, ...inspects].slice(-MAX_INSPECTS);
  if (result.plans !== undefined && result.plans !== null) update.plans = result.plans;
  const snapshot = result.snapshot;
  if (snapshot !== null) {
    const traces = applySnapshot(state.traces, snapshot.traces, {
      tick: tick !== undefined,
      epoch: snapshot.epoch,
    });
    update.traces = traces;
    update.list = snapshot.list;
    update.epoch = snapshot.epoch;
    if (tick !== undefined) {
      const changes = traces.reduce((n, t) => n + t.lastTick.added.length + t.lastTick.removed.length, 0);
      update.lastTick = { epoch: snapshot.epoch, changes };
    }
  } else if (tick !== undefined && tick.event === 'tick') {
    update.epoch = tick.epoch;
  }
  return update;
}

/** A new store holding `state`. */
export function createPlaygroundStore(state: PlaygroundState): StoreApi<PlaygroundState> {
  return createStore<PlaygroundState>()(() => state);
}
