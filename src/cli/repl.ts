/**
 * `ddir repl`: session commands typed one at a time (node:readline, with ↑/↓ history and
 * a prompt on a terminal), or read line by line from stdin when it is piped. Output is
 * the same as `ddir run`'s. Ends at `exit`/`quit` or end of input; exit status 0.
 */
import { createInterface } from 'node:readline';
import { eventPrinter } from './printer.js';
import { createRunner } from './session-host.js';
import type { SessionArgs } from './args.js';
import type { CliIo } from './io.js';

const PROMPT = 'ddir> ';

/** Runs `ddir repl` until exit or end of input; resolves to the exit status. */
export async function runRepl(io: CliIo, args: SessionArgs): Promise<number> {
  const terminal = io.stdin.isTTY === true ? io.terminal : undefined;
  const interactive = terminal !== undefined;
  const runner = await createRunner(io.cwd, args, null);
  const printer = eventPrinter(io, args.json);
  const rl = createInterface({
    input: io.stdin,
    terminal: interactive,
    historySize: 1000,
    ...(terminal ? { output: terminal } : {}),
  });
  if (interactive) {
    io.stdout.write('ddir — DDIR server. Type help for the commands, exit to leave.\n');
    rl.setPrompt(PROMPT);
    rl.prompt();
  }
  for await (const text of rl) {
    for (const event of await runner.execute(text)) printer.event(event);
    printer.end();
    if (runner.finished) break;
    if (interactive) rl.prompt();
  }
  rl.close();
  await runner.close();
  return 0;
}
