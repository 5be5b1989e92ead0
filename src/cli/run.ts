/**
 * `ddir run SESSION.txt`: runs a session script and prints its events as they happen.
 * With `--workers N` (N > 1) the session runs sharded over N `worker_threads` workers,
 * with the same output. With `--stats`, each installed program's plan with per-operator
 * work follows the session's output (`stats.ts`). Exit status 0 when the script ran (rejected commands are part of
 * its output), 2 when the script cannot be read.
 */
import { readText } from './io.js';
import { eventPrinter } from './printer.js';
import { createRunner } from './session-host.js';
import { StatsRecorder } from './stats.js';
import { scriptLines, withLine } from '../server/script.js';
import type { SessionArgs } from './args.js';
import type { CliIo } from './io.js';

/** Runs `ddir run`; resolves to the exit status. */
export async function runSession(io: CliIo, script: string, args: SessionArgs): Promise<number> {
  const text = readText(io.cwd, script);
  if (text === undefined) {
    io.stderr.write(`ddir run: cannot read session script ${script}\n`);
    return 2;
  }
  const lines = scriptLines(text);
  const printer = eventPrinter(io, args.json, (n) => lines[n - 1]?.text);
  const recorder = args.stats === true ? new StatsRecorder(io.cwd, script) : null;
  const runner = recorder === null ? await createRunner(io.cwd, args, script) : await recorder.runner(args);
  try {
    for (const line of lines) {
      if (runner.finished) break;
      const events = await runner.execute(line.text);
      recorder?.observe(line.text, events);
      for (const event of events) {
        printer.event(event.event === 'error' ? withLine(event, line.line) : event);
      }
    }
    if (recorder !== null) {
      printer.end();
      await recorder.print(io, args.json);
    }
  } finally {
    await runner.close();
  }
  printer.end();
  return 0;
}
