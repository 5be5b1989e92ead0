/**
 * Running a session script: its lines in order through one session, stopping at `exit`.
 *
 * `scriptEvents` yields each event as soon as its command ran (so a host can print while
 * a long tick is still ahead), with the 1-based script line added to every error event
 * as `line`. `scriptLines` splits a script into numbered lines (any line ending).
 */
import type { ErrorEvent, ServerEvent } from './events.js';
import type { Session } from './session.js';

/** One line of a script with its 1-based number. */
export interface ScriptLine {
  readonly line: number;
  readonly text: string;
}

/** Splits a script into numbered lines. */
export function scriptLines(text: string): ScriptLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((t, i) => ({ line: i + 1, text: t }));
}

/** The error event with the script line it came from. */
export function withLine(event: ErrorEvent, line: number): ErrorEvent {
  const { event: kind, message, ...rest } = event;
  return { event: kind, message, line, ...rest };
}

/** One command line's events, errors tagged with their line. */
export function runLine(session: Session, line: ScriptLine): ServerEvent[] {
  return session.executeLine(line.text).map((e) => (e.event === 'error' ? withLine(e, line.line) : e));
}

/** Runs a script through a session, yielding every event; stops after `exit`/`quit`. */
export function* scriptEvents(session: Session, text: string): Generator<ServerEvent, void, void> {
  for (const line of scriptLines(text)) {
    if (session.finished) return;
    yield* runLine(session, line);
  }
}
