/**
 * Run-time failures of programs, as people read them (SERVER.md "Robustness").
 *
 * The engine reports a failed dataflow with a kind, a sentence, and where available the
 * source span, row, time and scope. Here that becomes one error event naming the program,
 * the location as `file:line:col` (resolved against the program's own file), and the
 * engine's sentence; a program failing only because it imports a failed program's trace
 * says whose. The same text explains later why its traces are unavailable to `peek`.
 */
import { errorEvent } from './events.js';
import type { ErrorEvent } from './events.js';
import type { ProgramEntry, Registry } from './registry.js';
import type { DataflowFailure } from '../engine/api.js';
import type { Span } from '../lang/source.js';

/** `file:line:col` of a span in a program's file, when both are known. */
export function locate(program: ProgramEntry | undefined, span: Span | undefined): string | undefined {
  if (!program?.source || !span) return undefined;
  const at = program.source.lines.position(span.start);
  return `${program.source.file}:${at.line}:${at.col}`;
}

/** The error event for one failed dataflow in one tick (or install). */
export function failureEvent(failure: DataflowFailure, registry: Registry): ErrorEvent {
  const program = registry.programOf(failure.dataflow);
  const name = program?.name ?? `#${failure.dataflow}`;
  if (failure.kind === 'upstream') {
    const upstream = failure.upstream === undefined ? undefined : registry.programOf(failure.upstream);
    const because = upstream ? `it imports a trace of failed program "${upstream.name}"` : failure.message;
    return errorEvent(`program "${name}" is unavailable: ${because}`, { program: name });
  }
  const location = locate(program, failure.span);
  const where = location === undefined ? '' : ` at ${location}`;
  return errorEvent(`program "${name}" failed${where}: ${failure.message}`, {
    program: name,
    ...(location === undefined ? {} : { location }),
  });
}
