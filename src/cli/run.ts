/**
 * `ddir run SESSION.txt`: runs a session script and prints its events as they happen.
 * Exit status 0 when the script ran (rejected commands are part of its output), 2 when
 * the script cannot be read.
 */
import { readText } from './io.js';
import { eventPrinter } from './printer.js';
import { createSession } from './session-host.js';
import { scriptEvents, scriptLines } from '../server/script.js';
import type { SessionArgs } from './args.js';
import type { CliIo } from './io.js';

/** Runs `ddir run`; returns the exit status. */
export function runSession(io: CliIo, script: string, args: SessionArgs): number {
  const text = readText(io.cwd, script);
  if (text === undefined) {
    io.stderr.write(`ddir run: cannot read session script ${script}\n`);
    return 2;
  }
  const lines = scriptLines(text);
  const printer = eventPrinter(io, args.json, (n) => lines[n - 1]?.text);
  const session = createSession(io.cwd, args, script);
  for (const event of scriptEvents(session, text)) printer.event(event);
  printer.end();
  return 0;
}
