/**
 * Session commands (SERVER.md "Commands"): one line of text → one typed `Command`.
 *
 * `parseCommand(line)` returns `null` for a line with no command (blank, or starting with
 * `#` or `--` after leading spaces), `{ error }` for a malformed one, else the command.
 * Tokens are separated by whitespace; values are single tokens (see value-syntax.ts).
 * `feed` options are `val=`, `time=` and `diff=`; a repeated option takes its last value;
 * anything else is an error. Trace and program names are kept as typed here — the session
 * canonicalizes generated-source names when it looks them up.
 */
import { parseValueToken } from './value-syntax.js';
import type { Value } from '../lang/value.js';

/** A well-formed command, ready to execute. */
export type Command =
  | { readonly kind: 'install'; readonly name: string; readonly file: string }
  | {
      readonly kind: 'feed';
      readonly program: string;
      readonly input: number;
      readonly key: Value;
      readonly val: Value;
      /** The epoch to stage at; null means the open epoch. */
      readonly time: number | null;
      readonly diff: number;
    }
  | { readonly kind: 'tick' }
  | { readonly kind: 'drop'; readonly name: string }
  | { readonly kind: 'peek'; readonly trace: string; readonly key: Value | null }
  | { readonly kind: 'list' }
  | { readonly kind: 'help' }
  | { readonly kind: 'exit' };

/** A command, a reason the line is malformed, or null for a blank/comment line. */
export type ParsedLine = Command | { readonly error: string } | null;

/** One-line usage of every command (also the text of `help`). */
/** Every command word, in the order `help` lists them. */
export const COMMAND_WORDS = [
  'install',
  'feed',
  'tick',
  'drop',
  'peek',
  'list',
  'help',
  'exit',
  'quit',
] as const;

export const USAGE: Readonly<Record<Command['kind'], string>> = {
  install: 'install NAME FILE',
  feed: 'feed PROG IN VALUE [val=VALUE] [time=T] [diff=D]',
  tick: 'tick',
  drop: 'drop NAME',
  peek: 'peek TRACE [KEY]',
  list: 'list',
  help: 'help',
  exit: 'exit | quit',
};

const NATURAL = /^\+?[0-9]+$/;
const INTEGER = /^[+-]?[0-9]+$/;

/** True for a line that holds no command. */
export function isBlankOrComment(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#') || t.startsWith('--');
}

function usage(kind: Command['kind']): { error: string } {
  return { error: `usage: ${USAGE[kind]}` };
}

/** Reads a non-negative safe integer, or null. */
function natural(text: string): number | null {
  if (!NATURAL.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** Reads a signed safe integer (an optional sign), or null. */
function integer(text: string): number | null {
  if (!INTEGER.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n + 0 : null;
}

/** Parses `feed PROG IN VALUE [options]` from its tokens (after `feed`). */
function parseFeed(args: readonly string[]): Command | { error: string } {
  const [program, inputText, keyText, ...options] = args;
  if (program === undefined || inputText === undefined || keyText === undefined) return usage('feed');
  const input = natural(inputText);
  if (input === null)
    return { error: `feed: input index must be a number, got ${JSON.stringify(inputText)}` };
  const key = parseValueToken(keyText);
  if ('error' in key) return { error: `feed: ${key.error}` };
  let val: Value = [];
  let time: number | null = null;
  let diff = 1;
  for (const option of options) {
    const eq = option.indexOf('=');
    const name = eq < 0 ? option : option.slice(0, eq);
    const text = option.slice(eq + 1);
    if (eq < 0 || (name !== 'val' && name !== 'time' && name !== 'diff')) {
      return { error: `feed: unknown option ${JSON.stringify(option)} (expected val=, time= or diff=)` };
    }
    if (name === 'val') {
      const parsed = parseValueToken(text);
      if ('error' in parsed) return { error: `feed: val=: ${parsed.error}` };
      val = parsed.value;
    } else if (name === 'time') {
      const t = natural(text);
      if (t === null) return { error: `feed: time= must be an epoch number, got ${JSON.stringify(text)}` };
      time = t;
    } else {
      const d = integer(text);
      if (d === null) return { error: `feed: diff= must be an integer, got ${JSON.stringify(text)}` };
      diff = d;
    }
  }
  return { kind: 'feed', program, input, key: key.value, val, time, diff };
}

/** Parses one line of a session (see the module header). */
export function parseCommand(line: string): ParsedLine {
  if (isBlankOrComment(line)) return null;
  const [word = '', ...args] = line.trim().split(/\s+/);
  switch (word) {
    case 'install': {
      const [name, file] = args;
      if (name === undefined || file === undefined || args.length !== 2) return usage('install');
      return { kind: 'install', name, file };
    }
    case 'feed':
      return parseFeed(args);
    case 'tick':
      return args.length === 0 ? { kind: 'tick' } : usage('tick');
    case 'drop': {
      const [name] = args;
      return name !== undefined && args.length === 1 ? { kind: 'drop', name } : usage('drop');
    }
    case 'peek': {
      const [trace, keyText] = args;
      if (trace === undefined || args.length > 2) return usage('peek');
      if (keyText === undefined) return { kind: 'peek', trace, key: null };
      const key = parseValueToken(keyText);
      return 'error' in key ? { error: `peek: ${key.error}` } : { kind: 'peek', trace, key: key.value };
    }
    case 'list':
      return args.length === 0 ? { kind: 'list' } : usage('list');
    case 'help':
      return { kind: 'help' };
    case 'exit':
    case 'quit':
      return { kind: 'exit' };
    default:
      return { error: `unknown command ${JSON.stringify(word)} (try help)` };
  }
}

/** The text of `help`: every command with a one-line explanation. */
export function helpText(): string {
  const rows: [string, string][] = [
    [USAGE.install, 'parse, check and install the program in FILE under NAME'],
    [USAGE.feed, 'stage a row (VALUE ; val) with multiplicity D at epoch T into input IN of PROG'],
    [USAGE.tick, 'close the open epoch and run every program to completion'],
    [USAGE.drop, 'remove a program (refused while others import its traces) or an unused generated source'],
    [USAGE.peek, 'print the rows of a published trace, or only those whose key is KEY'],
    [USAGE.list, 'print the epoch, the published traces and the installed programs'],
    [USAGE.help, 'print this help'],
    [USAGE.exit, 'stop'],
  ];
  const width = Math.max(...rows.map(([u]) => u.length));
  const lines = rows.map(([u, text]) => `  ${u.padEnd(width)}  ${text}`);
  return [
    'commands:',
    ...lines,
    '',
    'VALUE: 1,2 is tuple(1, 2); _ or nothing is unit; else a closed term without spaces, e.g. inject(2,tuple(1,2)).',
    'Generated sources: import "random:nodes=N,edges=E[,arity=A][,seed=S]", "iota:N" or "clock".',
    'Lines starting with # or -- are comments.',
  ].join('\n');
}
