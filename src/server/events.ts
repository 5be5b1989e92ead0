/**
 * The server's results: the `--json` event contract of SERVER.md, as plain data.
 *
 * Every command of a session yields zero or more `ServerEvent`s. They are plain JSON
 * objects (values already in their JSON form), so they cross a Web Worker boundary
 * unchanged, print as one line each with `JSON.stringify`, and are exactly what the
 * playground puts in `data-event`. Required fields and their order follow SERVER.md;
 * error events may carry extra fields (`line`, `program`, `diagnostics`, …).
 */
import type { ValueJson } from '../lang/value-json.js';

/** One row of a peek: key, val and net multiplicity. */
export type JsonRow = readonly [key: ValueJson, val: ValueJson, mult: number];

/** Where an installed entry came from. */
export type Origin = 'program' | 'generated' | 'clock';

/** A published trace and how many installed programs import it. */
export interface TraceInfo {
  readonly name: string;
  readonly importers: number;
}

/** An installed program (or generated source) as `list` reports it. */
export interface ProgramInfo {
  readonly name: string;
  readonly origin: Origin;
  readonly inputs: readonly number[];
  readonly imports: readonly string[];
  readonly exports: readonly string[];
}

/** A compile-time diagnostic attached to a failed `install` (1-based, end exclusive). */
export interface DiagnosticInfo {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** `install` succeeded. */
export interface InstalledEvent {
  readonly event: 'installed';
  readonly name: string;
}

/** `tick` completed; `epoch` is the new open epoch. */
export interface TickEvent {
  readonly event: 'tick';
  readonly epoch: number;
}

/** `drop` succeeded. */
export interface DroppedEvent {
  readonly event: 'dropped';
  readonly name: string;
}

/** The consolidated contents of a trace (or of one key), sorted by (key, val). */
export interface PeekEvent {
  readonly event: 'peek';
  readonly trace: string;
  readonly key: ValueJson | null;
  readonly rows: readonly JsonRow[];
}

/** The registry: epoch, published traces and installed programs, each sorted by name. */
export interface ListEvent {
  readonly event: 'list';
  readonly epoch: number;
  readonly traces: readonly TraceInfo[];
  readonly programs: readonly ProgramInfo[];
}

/** One update seen by an `inspect` operator. */
export interface InspectEvent {
  readonly event: 'inspect';
  readonly program: string;
  readonly label: string;
  readonly key: ValueJson;
  readonly val: ValueJson;
  readonly time: readonly number[];
  readonly diff: number;
}

/** A rejected command or a program that failed during a tick. */
export interface ErrorEvent {
  readonly event: 'error';
  readonly message: string;
  /** The 1-based line of the session script the command came from. */
  readonly line?: number;
  /** The program that failed during a tick (or whose install was rejected). */
  readonly program?: string;
  /** The operator or scope location of a run-time failure, as `file:line:col`. */
  readonly location?: string;
  /** Compile-time diagnostics of a rejected `install`. */
  readonly diagnostics?: readonly DiagnosticInfo[];
}

/** The text of `help`. */
export interface HelpEvent {
  readonly event: 'help';
  readonly text: string;
}

/** Any result of a session command. */
export type ServerEvent =
  InstalledEvent | TickEvent | DroppedEvent | PeekEvent | ListEvent | InspectEvent | ErrorEvent | HelpEvent;

/** Builds an error event. */
export function errorEvent(message: string, extra: Omit<ErrorEvent, 'event' | 'message'> = {}): ErrorEvent {
  return { event: 'error', message, ...extra };
}

/** One event as one line of `--json` output (no trailing newline). */
export function eventToJsonLine(event: ServerEvent): string {
  return JSON.stringify(event);
}
