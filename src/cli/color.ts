/**
 * Terminal styling for people: ANSI colours when writing to a terminal, plain text
 * otherwise (a pipe, a file, `NO_COLOR`, `--json`). A `Style` built with `enabled = false`
 * returns its input unchanged, so formatting code never branches on colour itself.
 */

/** Wraps text in ANSI styles, or leaves it alone when disabled. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

function wrap(enabled: boolean, open: number, close: number): (text: string) => string {
  return enabled ? (text) => `\x1b[${open}m${text}\x1b[${close}m` : (text) => text;
}

/** A style that colours when `enabled`. */
export function makeStyle(enabled: boolean): Style {
  return {
    enabled,
    bold: wrap(enabled, 1, 22),
    dim: wrap(enabled, 2, 22),
    red: wrap(enabled, 31, 39),
    green: wrap(enabled, 32, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
  };
}

/** Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org). */
export function shouldColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

// ANSI escape sequences (CSI … m), for measuring the visible width of styled text.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** The number of columns text occupies on screen (styles removed). */
export function visibleWidth(text: string): number {
  return text.replace(ANSI, '').length;
}
