/**
 * Where session events go in the CLI: one JSON object per line with `--json` (exactly
 * the SERVER.md contract), else readable text (format.ts) with colours on a terminal.
 */
import { makeStyle, shouldColor } from './color.js';
import { TextFormatter } from './format.js';
import { eventToJsonLine } from '../server/events.js';
import type { CliIo } from './io.js';
import type { ServerEvent } from '../server/events.js';

/** Prints events as they come; `end()` prints anything held back. */
export interface EventPrinter {
  event(e: ServerEvent): void;
  end(): void;
}

/** A printer for `io.stdout`; `scriptLine` gives a script line's text for error messages. */
export function eventPrinter(
  io: CliIo,
  json: boolean,
  scriptLine: (line: number) => string | undefined = () => undefined,
): EventPrinter {
  if (json) {
    return { event: (e) => io.stdout.write(eventToJsonLine(e) + '\n'), end: () => undefined };
  }
  const formatter = new TextFormatter(makeStyle(shouldColor(io.stdout.isTTY, io.env)), scriptLine);
  const print = (lines: readonly string[]): void => {
    if (lines.length > 0) io.stdout.write(lines.join('\n') + '\n');
  };
  return { event: (e) => print(formatter.push(e)), end: () => print(formatter.flush()) };
}
