/**
 * The open demo's narrative, beside the playground's store: which demo is open, the
 * learner's predictions (drafts by `predict` index) and their marks.
 *
 * `next()` is the narrative's Step: it runs the script's commands (through the
 * playground's own Step, so the console, the highlighted line and the journal are the
 * usual ones) up to and including the next narrated line, and stops *before* a tick that
 * has a `predict` entry so the learner can answer first. Whenever a tick with a `predict`
 * entry runs as a step — from here or from the console's Step — the drafts are marked
 * against that trace's changes in the tick (`predict.ts`). `runAll()` is Run script.
 * One `DemoSession` per `Playground` (`demoSession(p)`).
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { findDemo } from './builtin.js';
import { markPrediction, parsePrediction, tickChanges } from './predict.js';
import { commandWord } from '../backend/journal.js';
import { firstProgram } from '../share/open-link.js';
import { openWorkspace } from '../share/workspace.js';
import { scriptLines } from '../../server/script.js';
import type { Demo } from './builtin.js';
import type { Marking } from './predict.js';
import type { Playground } from '../state/actions.js';
import type { PlaygroundState } from '../state/store.js';
import type { ScriptLine } from '../../server/script.js';

/** A marked prediction: the marks, or what could not be read in the draft. */
export interface PredictionResult {
  readonly marking: Marking;
  readonly problems: readonly string[];
  /** True when the learner entered nothing. */
  readonly blank: boolean;
}

/** The narrative's state. */
export interface DemoState {
  /** The open demo's share name, or null (no narrative shown). */
  readonly demo: string | null;
  /** Draft predictions by index into the demo's `predict`. */
  readonly drafts: Readonly<Record<number, string>>;
  /** Marked predictions by index into the demo's `predict`. */
  readonly results: Readonly<Record<number, PredictionResult>>;
  /** True right after Run all (the narrative then shows the whole story). */
  readonly ranAll: boolean;
}

const EMPTY: DemoState = { demo: null, drafts: {}, results: {}, ranAll: false };

/** The script's next command line at or after `cursor` (0-based index), or null at the end. */
export function nextCommand(lines: readonly ScriptLine[], cursor: number): ScriptLine | null {
  const found = lines.find((l, i) => i >= cursor && commandWord(l.text) !== null);
  if (found === undefined) return null;
  const word = commandWord(found.text);
  return word === 'exit' || word === 'quit' ? null : found;
}

/** Where the script stands: the line Step ran last (if the demo's script) and the next command. */
export function scriptPosition(
  state: PlaygroundState,
  demo: Demo,
): { readonly ran: number | null; readonly next: ScriptLine | null } {
  const lines = scriptLines(state.files[demo.meta.script] ?? '');
  const ran = state.highlight?.file === demo.meta.script ? state.highlight.line : null;
  const next =
    state.script === demo.meta.script && ran !== null ? nextCommand(lines, state.scriptCursor) : null;
  return { ran, next: ran === null ? nextCommand(lines, 0) : next };
}

/** The console's last command entry. */
function lastCommand(state: PlaygroundState): { source: string; scriptLine?: number } | null {
  for (let i = state.console.length - 1; i >= 0; i--) {
    const entry = state.console[i];
    if (entry?.kind === 'command') return entry;
  }
  return null;
}

/** The narrative of one playground (see the module header). */
export class DemoSession {
  readonly store: StoreApi<DemoState> = createStore<DemoState>()(() => EMPTY);

  constructor(private readonly playground: Playground) {
    playground.store.subscribe((state, previous) => {
      if (state.lastTick !== previous.lastTick) this.markTick(state);
    });
  }

  /** The open demo, if any. */
  get demo(): Demo | undefined {
    const name = this.store.getState().demo;
    return name === null ? undefined : findDemo(name);
  }

  /** Shows the narrative of a demo whose files are already open (a `#demo=` link). */
  show(name: string): void {
    this.store.setState({ ...EMPTY, demo: findDemo(name) === undefined ? null : name });
  }

  /** Opens a demo: its files replace the workspace, in a fresh session; the narrative starts. */
  async open(demo: Demo): Promise<void> {
    this.show(demo.name);
    await openWorkspace(this.playground, {
      files: demo.files,
      active: firstProgram(demo.files, demo.meta.script),
      script: demo.meta.script,
    });
  }

  close(): void {
    this.store.setState(EMPTY);
  }

  setDraft(index: number, text: string): void {
    this.store.setState((s) => ({ drafts: { ...s.drafts, [index]: text } }));
  }

  /** Run all: the demo's script from the top in a fresh session. */
  async runAll(): Promise<void> {
    const demo = this.demo;
    if (demo === undefined) return;
    this.playground.store.setState({ script: demo.meta.script });
    this.store.setState({ ranAll: true, results: {} });
    await this.playground.runScript();
  }

  /** The narrative's Step (see the module header). */
  async next(): Promise<void> {
    const demo = this.demo;
    if (demo === undefined) return;
    const { store } = this.playground;
    if (store.getState().script !== demo.meta.script)
      store.setState({ script: demo.meta.script, scriptCursor: 0 });
    this.store.setState({ ranAll: false });
    const stops = new Set(demo.meta.steps.map((s) => s.line));
    const asks = new Set((demo.meta.predict ?? []).map((p) => p.beforeLine));
    const lines = scriptLines(store.getState().files[demo.meta.script] ?? '');
    for (let guard = 0; guard <= lines.length; guard++) {
      const before = store.getState();
      const upcoming =
        before.highlight === null ? nextCommand(lines, 0) : nextCommand(lines, before.scriptCursor);
      if (before.highlight === null) this.store.setState({ results: {} });
      await this.playground.step();
      const ran = store.getState().highlight;
      // Stopped, restarted or at the end: the console says so.
      if (upcoming === null || ran === null || ran.line !== upcoming.line) return;
      if (stops.has(ran.line) || asks.has(ran.line)) return;
      const following = nextCommand(lines, store.getState().scriptCursor);
      if (following === null || asks.has(following.line)) return;
    }
  }

  /** Marks the predictions of the tick a step just ran (see the module header). */
  private markTick(state: PlaygroundState): void {
    const demo = this.demo;
    const ran = state.highlight;
    if (demo === undefined || ran === null || ran.file !== demo.meta.script) return;
    // Only a tick that Step ran from that line (not the Tick button afterwards).
    const last = lastCommand(state);
    if (last === null || last.source !== 'step' || last.scriptLine !== ran.line) return;
    const { drafts } = this.store.getState();
    const results: Record<number, PredictionResult> = {};
    (demo.meta.predict ?? []).forEach((p, index) => {
      if (p.beforeLine !== ran.line) return;
      const draft = drafts[index] ?? '';
      const { changes, problems } = parsePrediction(draft);
      const actual = tickChanges(state.traces.find((t) => t.name === p.trace));
      results[index] = { marking: markPrediction(changes, actual), problems, blank: draft.trim() === '' };
    });
    if (Object.keys(results).length > 0)
      this.store.setState((s) => ({ results: { ...s.results, ...results } }));
  }
}

const sessions = new WeakMap<Playground, DemoSession>();

/** The narrative of `playground` (created on first use). */
export function demoSession(playground: Playground): DemoSession {
  let session = sessions.get(playground);
  if (session === undefined) {
    session = new DemoSession(playground);
    sessions.set(playground, session);
  }
  return session;
}
