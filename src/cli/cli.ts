/**
 * The `ddir` command: dispatches an argv to its subcommand and returns the exit status
 * (0 ok, 1 errors found by `check`/`plan`, 2 usage errors and unreadable files). All I/O
 * goes through the injected `CliIo`, so tests run it in-process.
 */
import { parseArgs } from './args.js';
import { runCheck } from './check.js';
import { cliHelp } from './help.js';
import { runPlan } from './plan.js';
import { runRepl } from './repl.js';
import { runSession } from './run.js';
import { runUrl } from './run-url.js';
import type { CliIo } from './io.js';

/** Runs `ddir ARGV…`; `version` is printed by `--version`. */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const inv = parseArgs(argv);
  if ('usage' in inv) {
    io.stderr.write(`ddir: ${inv.usage}\nRun ddir --help for usage.\n`);
    return 2;
  }
  switch (inv.command) {
    case 'help':
      io.stdout.write(cliHelp(inv.topic) + '\n');
      return 0;
    case 'version':
      io.stdout.write(`ddir ${version}\n`);
      return 0;
    case 'check':
      return runCheck(io, inv.files, inv.json);
    case 'plan':
      return runPlan(io, inv.file, inv.json);
    case 'run':
      return runSession(io, inv.script, inv.session);
    case 'run-url':
      return runUrl(io, inv.url, inv.session, inv.workersGiven);
    case 'repl':
      return runRepl(io, inv.session);
  }
}
