/**
 * The timeline's own state and rules, framework-free: the `branch` (the commands of the
 * session before a rewind, kept while the live journal is still a prefix of it, so a
 * person can rewind forward again), the saved runs (a journal with the trace contents
 * it produced) and `compareTraces`, which says per trace which rows one run has that
 * the other has not. A new command after a rewind leaves the branch: that is a fork.
 */
import { createStore } from 'zustand/vanilla';
import { diffRows } from '../state/trace-delta.js';
import type { JournalEntry } from '../backend/protocol.js';
import type { JsonRow } from '../../server/events.js';

/** A trace's rows as a run left them. */
export interface RunTrace {
  readonly name: string;
  readonly rows: readonly JsonRow[];
}

/** A saved run: the commands and what they produced. */
export interface SavedRun {
  readonly id: number;
  readonly label: string;
  readonly journal: readonly JournalEntry[];
  readonly epoch: number;
  readonly traces: readonly RunTrace[];
}

/** The timeline's state. */
export interface TimelineState {
  /** The commands before the first rewind, while the journal is still a prefix of them. */
  readonly branch: readonly JournalEntry[] | null;
  readonly runs: readonly SavedRun[];
}

/** The timeline store (one per page, like the playground store). */
export const timelineStore = createStore<TimelineState>()(() => ({ branch: null, runs: [] }));

function sameEntry(a: JournalEntry, b: JournalEntry): boolean {
  return a.line === b.line && a.file?.name === b.file?.name && a.file?.text === b.file?.text;
}

/** True when `journal` is a prefix of `branch` (same commands, same installed texts). */
export function isPrefix(journal: readonly JournalEntry[], branch: readonly JournalEntry[]): boolean {
  return (
    journal.length <= branch.length &&
    journal.every((e, i) => {
      const b = branch[i];
      return b !== undefined && sameEntry(e, b);
    })
  );
}

/** The branch that still applies to `journal`, or null once the session left it. */
export function liveBranch(
  journal: readonly JournalEntry[],
  branch: readonly JournalEntry[] | null,
): readonly JournalEntry[] | null {
  return branch !== null && branch.length > journal.length && isPrefix(journal, branch) ? branch : null;
}

/** Saves a run; answers it. */
export function saveRun(
  label: string,
  journal: readonly JournalEntry[],
  epoch: number,
  traces: readonly RunTrace[],
): SavedRun {
  const runs = timelineStore.getState().runs;
  const run: SavedRun = {
    id: (runs.at(-1)?.id ?? 0) + 1,
    label,
    journal,
    epoch,
    traces: traces.map((t) => ({ name: t.name, rows: t.rows })),
  };
  timelineStore.setState({ runs: [...runs, run] });
  return run;
}

/** One trace's difference between two runs. */
export interface TraceComparison {
  readonly name: string;
  /** Rows (with the multiplicity gained) that `after` has more of than `before`. */
  readonly added: readonly JsonRow[];
  /** Rows (with the multiplicity lost) that `after` has fewer of than `before`. */
  readonly removed: readonly JsonRow[];
  /** Which side lacks the trace entirely, if one does. */
  readonly only?: 'before' | 'after';
}

/** Per trace (names of both runs, sorted), the rows added and removed from `before` to `after`. */
export function compareTraces(before: readonly RunTrace[], after: readonly RunTrace[]): TraceComparison[] {
  const a = new Map(before.map((t) => [t.name, t.rows]));
  const b = new Map(after.map((t) => [t.name, t.rows]));
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.map((name) => {
    const { added, removed } = diffRows(a.get(name) ?? [], b.get(name) ?? []);
    const only = !a.has(name) ? 'after' : !b.has(name) ? 'before' : undefined;
    return { name, added, removed, ...(only === undefined ? {} : { only }) };
  });
}
