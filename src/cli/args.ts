/**
 * The `ddir` command line: argv → one typed invocation, or a usage error.
 *
 * Subcommands: `run SESSION [options]`, `run --url LINK [options]` (a playground share
 * link, `#s=…` or `#demo=NAME`), `repl [options]`, `check FILE… [--json]`,
 * `plan FILE [--json]`, `help [COMMAND]`; `--help`/`-h` and `--version`/`-V` anywhere at
 * the front. Session options: `--json`, `--workers N` (also `-w N`, `-wN`, as the reference
 * server takes it), `--max-iterations N`, `--max-seconds S`; `--opt=value` works too. No
 * subcommand at all means `repl`. Mistakes are returned as `{ usage }` messages — the
 * caller prints them and exits with status 2.
 */

/** Options shared by `run` and `repl`. */
export interface SessionArgs {
  readonly json: boolean;
  readonly workers: number;
  readonly maxIterations?: number;
  readonly maxSeconds?: number;
  /** `run --stats`: print each program's plan with per-operator work after the session. */
  readonly stats?: boolean;
}

/** What the user asked for. */
export type Invocation =
  | { readonly command: 'run'; readonly script: string; readonly session: SessionArgs }
  | {
      readonly command: 'run-url';
      readonly url: string;
      readonly session: SessionArgs;
      /** True when `--workers` was given (it then overrides the link's worker count). */
      readonly workersGiven: boolean;
    }
  | { readonly command: 'repl'; readonly session: SessionArgs }
  | { readonly command: 'check'; readonly files: readonly string[]; readonly json: boolean }
  | { readonly command: 'plan'; readonly file: string; readonly json: boolean }
  | { readonly command: 'help'; readonly topic: string | null }
  | { readonly command: 'version' };

/** A usage mistake, explained. */
export interface UsageError {
  readonly usage: string;
}

/** The subcommands, for `help COMMAND` and error messages. */
export const SUBCOMMANDS = ['run', 'repl', 'check', 'plan', 'help'] as const;

interface Scanned {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

const VALUED = new Set(['--workers', '--max-iterations', '--max-seconds']);
const FLAGS = new Set(['--json']);
/** Flags of `run` only. */
const RUN_FLAGS = new Set(['--stats']);

/** Splits arguments into positionals and options, checking names against `allowed`. */
function scan(args: readonly string[], allowed: ReadonlySet<string>): Scanned | UsageError {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    let arg = args[i] ?? '';
    if (/^-w\d+$/.test(arg)) arg = `--workers=${arg.slice(2)}`;
    if (arg === '-w') arg = '--workers';
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!allowed.has(name)) return { usage: `unknown option ${name}` };
    if (FLAGS.has(name) || RUN_FLAGS.has(name)) {
      if (eq >= 0) return { usage: `${name} takes no value` };
      options.set(name, true);
    } else if (eq >= 0) {
      options.set(name, arg.slice(eq + 1));
    } else {
      const value = args[i + 1];
      if (value === undefined) return { usage: `${name} needs a value` };
      options.set(name, value);
      i++;
    }
  }
  return { positional, options };
}

/** Reads a numeric option: a positive integer, or (for seconds) a positive number. */
function numberOption(
  options: Map<string, string | true>,
  name: string,
  integer: boolean,
): { readonly value: number | undefined } | UsageError {
  const raw = options.get(name);
  if (raw === undefined || raw === true) return { value: undefined };
  const n = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(n) && n > 0 && (!integer || Number.isSafeInteger(n));
  return ok
    ? { value: n }
    : { usage: `${name} needs a positive ${integer ? 'whole number' : 'number'}, got "${raw}"` };
}

function isUsage(x: object): x is UsageError {
  return 'usage' in x;
}

/** Reads the session options (`run`, `repl`). */
function sessionArgs(options: Map<string, string | true>): SessionArgs | UsageError {
  const workers = numberOption(options, '--workers', true);
  if (isUsage(workers)) return workers;
  const maxIterations = numberOption(options, '--max-iterations', true);
  if (isUsage(maxIterations)) return maxIterations;
  const maxSeconds = numberOption(options, '--max-seconds', false);
  if (isUsage(maxSeconds)) return maxSeconds;
  return {
    json: options.get('--json') === true,
    workers: workers.value ?? 1,
    ...(maxIterations.value === undefined ? {} : { maxIterations: maxIterations.value }),
    ...(maxSeconds.value === undefined ? {} : { maxSeconds: maxSeconds.value }),
    ...(options.get('--stats') === true ? { stats: true } : {}),
  };
}

/** Parses the arguments after `ddir`. */
export function parseArgs(argv: readonly string[]): Invocation | UsageError {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h') return { command: 'help', topic: null };
  if (first === '--version' || first === '-V') return { command: 'version' };
  if (first === undefined) return { command: 'repl', session: { json: false, workers: 1 } };
  const sessionOptions = new Set([...VALUED, ...FLAGS]);
  switch (first) {
    case 'run':
    case 'repl': {
      const scanned = scan(
        rest,
        first === 'run' ? new Set([...sessionOptions, ...RUN_FLAGS, '--url']) : sessionOptions,
      );
      if (isUsage(scanned)) return { usage: `${first}: ${scanned.usage}` };
      const session = sessionArgs(scanned.options);
      if (isUsage(session)) return { usage: `${first}: ${session.usage}` };
      if (first === 'repl') {
        return scanned.positional.length === 0
          ? { command: 'repl', session }
          : { usage: `repl: unexpected argument "${scanned.positional[0]}"` };
      }
      const [script, extra] = scanned.positional;
      const url = scanned.options.get('--url');
      if (typeof url === 'string') {
        if (script !== undefined) return { usage: 'run: give a session script or --url, not both' };
        return { command: 'run-url', url, session, workersGiven: scanned.options.has('--workers') };
      }
      if (script === undefined) return { usage: 'run: which session script? (ddir run SESSION.txt)' };
      if (extra !== undefined) return { usage: `run: unexpected argument "${extra}"` };
      return { command: 'run', script, session };
    }
    case 'check':
    case 'plan': {
      const scanned = scan(rest, FLAGS);
      if (isUsage(scanned)) return { usage: `${first}: ${scanned.usage}` };
      const json = scanned.options.get('--json') === true;
      if (first === 'check') {
        return scanned.positional.length > 0
          ? { command: 'check', files: scanned.positional, json }
          : { usage: 'check: which files? (ddir check FILE…)' };
      }
      const [file, extra] = scanned.positional;
      if (file === undefined) return { usage: 'plan: which file? (ddir plan FILE)' };
      if (extra !== undefined) return { usage: `plan: unexpected argument "${extra}"` };
      return { command: 'plan', file, json };
    }
    case 'help': {
      const [topic, extra] = rest;
      if (extra !== undefined) return { usage: `help: unexpected argument "${extra}"` };
      if (topic !== undefined && !(SUBCOMMANDS as readonly string[]).includes(topic)) {
        return { usage: `help: no command "${topic}" (commands: ${SUBCOMMANDS.join(', ')})` };
      }
      return { command: 'help', topic: topic ?? null };
    }
    default:
      return {
        usage: first.startsWith('-')
          ? `unknown option ${first}`
          : `unknown command "${first}" (commands: ${SUBCOMMANDS.join(', ')})`,
      };
  }
}
