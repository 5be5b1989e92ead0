/**
 * The editor's "Format" command as a pure function: `formatEdit(text, syntax)` runs the
 * real formatter (`formatSource`, which keeps comments) and returns the one smallest
 * replacement turning the text into its formatted form — so the cursor and the undo
 * history stay where the user left them — or null when there is nothing to do: the
 * file has errors (a broken file is never rewritten, and nothing is shown) or is
 * already formatted.
 */
import type { Syntax } from '../../lang/ast.js';
import { formatSource } from '../../lang/format.js';

/** One replacement: offsets `[start, end)` of the old text become `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < limit - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail++;
  }
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/** The edit that formats `text`, or null (see the module header). */
export function formatEdit(text: string, syntax: Syntax): TextEdit | null {
  const formatted = formatSource(text, syntax).text;
  return formatted === null ? null : minimalEdit(text, formatted);
}
