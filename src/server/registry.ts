/**
 * The server's bookkeeping: installed programs, published traces and who imports what.
 *
 * Pure data, no engine calls. Program names are as installed (generated sources under
 * their canonical name); trace names are export names (canonical for generated sources).
 * Importer counts are derived from the programs' import lists, so they can never drift:
 * the drop gate (`dropBlockers`) and `list` read the same truth. Programs and traces are
 * reported sorted by name (UTF-16 code-unit order).
 */
import type { DataflowId, TraceId } from '../engine/api.js';
import type { LineIndex } from '../lang/source.js';
import type { Origin, ProgramInfo, TraceInfo } from './events.js';

/** Everything the server keeps about one installed program or generated source. */
export interface ProgramEntry {
  readonly name: string;
  readonly origin: Origin;
  readonly dataflow: DataflowId;
  /** Sorted distinct input indices the program reads. */
  readonly inputs: readonly number[];
  /** Canonical names of imported traces, in order of first appearance. */
  readonly imports: readonly string[];
  /** Export names, in order of appearance. */
  readonly exports: readonly string[];
  /** The program's file and its line index, for run-time error locations. */
  readonly source?: { readonly file: string; readonly lines: LineIndex };
}

/** A published trace and the program that owns it. */
export interface TraceEntry {
  readonly name: string;
  readonly trace: TraceId;
  readonly owner: string;
}

/** An export of a program that others still import, and who they are. */
export interface DropBlocker {
  readonly trace: string;
  readonly importers: readonly string[];
}

function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Programs and traces of one session. */
export class Registry {
  private readonly programs = new Map<string, ProgramEntry>();
  private readonly traces = new Map<string, TraceEntry>();

  /** The installed program (or generated source) of that name. */
  program(name: string): ProgramEntry | undefined {
    return this.programs.get(name);
  }

  /** The published trace of that name. */
  trace(name: string): TraceEntry | undefined {
    return this.traces.get(name);
  }

  /** The program that owns a dataflow. */
  programOf(dataflow: DataflowId): ProgramEntry | undefined {
    for (const p of this.programs.values()) if (p.dataflow === dataflow) return p;
    return undefined;
  }

  /** Every installed program, in install order. */
  allPrograms(): readonly ProgramEntry[] {
    return [...this.programs.values()];
  }

  /** Records an installed program and publishes its traces (`traces`: export name → id). */
  add(entry: ProgramEntry, traces: ReadonlyMap<string, TraceId>): void {
    this.programs.set(entry.name, entry);
    for (const [name, trace] of traces) this.traces.set(name, { name, trace, owner: entry.name });
  }

  /** Forgets a program and unpublishes its traces. */
  remove(name: string): void {
    const entry = this.programs.get(name);
    if (!entry) return;
    for (const t of entry.exports) this.traces.delete(t);
    this.programs.delete(name);
  }

  /** Names of installed programs importing a trace, sorted. */
  importersOf(trace: string): string[] {
    return [...this.programs.values()]
      .filter((p) => p.imports.includes(trace))
      .map((p) => p.name)
      .sort();
  }

  /** The exports of a program that other programs still import (empty: it may be dropped). */
  dropBlockers(name: string): DropBlocker[] {
    const entry = this.programs.get(name);
    if (!entry) return [];
    return entry.exports
      .map((trace) => ({ trace, importers: this.importersOf(trace) }))
      .filter((b) => b.importers.length > 0);
  }

  /** Published traces with importer counts, sorted by name. */
  traceInfo(): TraceInfo[] {
    return [...this.traces.values()]
      .map((t) => ({ name: t.name, importers: this.importersOf(t.name).length }))
      .sort(byName);
  }

  /** Installed programs as `list` reports them, sorted by name. */
  programInfo(): ProgramInfo[] {
    return [...this.programs.values()]
      .map((p) => ({
        name: p.name,
        origin: p.origin,
        inputs: [...p.inputs],
        imports: [...p.imports],
        exports: [...p.exports],
      }))
      .sort(byName);
  }
}
