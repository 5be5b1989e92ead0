/**
 * The `ddir` command's own help: an overview (`ddir --help`, `ddir help`) and one page
 * per subcommand (`ddir help run`). Plain text, 80 columns.
 */
import { helpText as sessionHelp } from '../server/commands.js';

const OVERVIEW = `ddir — run DDIR, differential dataflow's interpreted language

usage:
  ddir run SESSION.txt [--json] [--stats] [--workers N] [--max-iterations N] [--max-seconds S]
  ddir run --url 'LINK' [options]     (a playground link: …#s=… or …#demo=NAME)
  ddir repl [--json] [--workers N] [--max-iterations N] [--max-seconds S]
  ddir check FILE... [--json]
  ddir plan FILE [--json]
  ddir help [run|repl|check|plan]
  ddir --version

  run     run a session script: install programs, feed rows, tick, peek results
  repl    type session commands interactively (also: ddir with no arguments)
  check   report syntax and naming errors in programs (.ddp pipe, .ddir applicative)
  plan    print a program's optimized plan: scopes, operators, shared arrangements

Try: ddir run examples/sessions/reach.txt`;

const SESSION_OPTIONS = `options:
  --json               print one JSON event per line (the SERVER.md contract)
  --workers N          run the session sharded over N worker threads (default 1);
                       the output is the same for every N
  --max-iterations N   iterations a scope may take per tick before its program fails
  --max-seconds S      seconds a program may run per tick before it fails`;

const PAGES: Readonly<Record<string, string>> = {
  run: `usage: ddir run SESSION.txt [options]
       ddir run --url 'https://…#s=…' [options]

Runs a session script, one command per line, and prints what each command did:
tables for peek and list, inspect updates with their times [epoch, iterations...]
and diffs, errors with the script line. install's FILE is found relative to the
working directory, then to the script's own directory. Exits 0 when the script
ran (command errors are part of the output), 2 when it cannot be read.

With --url, runs the session script a playground share link carries (#s=…), or a
built-in demo (#demo=NAME): install reads the link's own files, never the disk,
and the link's worker count is used unless --workers is given.

With --stats, after the session each installed program's plan follows, with every
operator's work: updates in and out in the last tick, records held, totals since
install (idle operators dimmed). With --json as well, one line per program:
{"event":"stats","program":P,"file":F,"epoch":E,"busy":B,"operators":N,
 "plan":PLAN,"stats":[{"node":"1.3","op":"join","in":3,"out":2,"held":6,
 "inTotal":9,"outTotal":7},...]} where PLAN is what ddir plan --json prints.

${SESSION_OPTIONS}

${sessionHelp()}`,
  repl: `usage: ddir repl [options]

Reads session commands interactively (with history), or from stdin when piped.
install's FILE is found relative to the working directory.

${SESSION_OPTIONS}

${sessionHelp()}`,
  check: `usage: ddir check FILE... [--json]

Prints each problem as file:line:col: error: message with the source line and a
caret under the range; --json prints one {"event":"diagnostic",...} per line.
Exits 1 when any file has errors, 2 when a file cannot be read, else 0.`,
  plan: `usage: ddir plan FILE [--json]

Prints the optimized scope tree the engine runs: each scope with its operators in
dependency order, which arrangements are shared, and the traces the program imports
and exports. --json prints it as one JSON document.`,
};

/** The overview, or the page of one subcommand. */
export function cliHelp(topic: string | null): string {
  return (topic === null ? undefined : PAGES[topic]) ?? OVERVIEW;
}
