/**
 * The outside world of the `ddir` command, injected so tests can run the CLI in-process:
 * output streams, environment, working directory, file reading and stdin.
 * `nodeIo()` is the real one (Node's process and fs).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** A place text goes. */
export interface Output {
  write(text: string): void;
  /** True when this is a terminal (colours, prompts). */
  readonly isTTY: boolean;
}

/** Everything the CLI touches. */
export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths start from. */
  readonly cwd: string;
  /** The terminal to prompt on (stdout when it is a TTY), for the interactive REPL. */
  readonly terminal?: NodeJS.WritableStream;
}

/** Reads a UTF-8 text file, resolving a relative path against `cwd`; undefined when unreadable. */
export function readText(cwd: string, path: string): string | undefined {
  try {
    return readFileSync(isAbsolute(path) ? path : resolve(cwd, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** The real process: stdout, stderr, stdin, environment and working directory. */
export function nodeIo(): CliIo {
  return {
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdout.isTTY ? { terminal: process.stdout } : {}),
  };
}
