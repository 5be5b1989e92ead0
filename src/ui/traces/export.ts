/**
 * Copying a trace view as CSV or JSON.
 *
 * CSV: a header line of column names, then one line per row, values in the compact text
 * the table shows (never cut), quoted per RFC 4180 when they hold a comma, quote or line
 * break (tuples do: `"(1, 2)"`). Contents end in a `mult` column; changes start with
 * `epoch` and end in `diff`.
 * JSON: the SERVER.md encoding, one row per line — contents as `[key, val, mult]` rows
 * (the shape of a `peek` and of `data-row`), changes as `{"epoch","key","val","diff"}`.
 * Pure; never throws.
 */
import type { JsonRow, TraceChange } from '../state/trace-data.js';
import { cellText } from './columns.js';
import type { Column } from './columns.js';

/** One CSV field, quoted when it must be. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

function jsonLines(items: readonly unknown[]): string {
  return items.length === 0 ? '[]' : `[\n${items.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n]`;
}

/** The contents rows as CSV: value columns, then `mult`. */
export function contentsCsv(columns: readonly Column[], rows: readonly JsonRow[]): string {
  const lines = [csvLine([...columns.map((c) => c.id), 'mult'])];
  for (const [key, val, mult] of rows) {
    lines.push(csvLine([...columns.map((c) => cellText(c, key, val)), String(mult)]));
  }
  return lines.join('\n') + '\n';
}

/** The contents rows as JSON: an array of `[key, val, mult]`. */
export function contentsJson(rows: readonly JsonRow[]): string {
  return jsonLines(rows);
}

/** The change log as CSV: `epoch`, value columns, then `diff`. */
export function changesCsv(columns: readonly Column[], changes: readonly TraceChange[]): string {
  const lines = [csvLine(['epoch', ...columns.map((c) => c.id), 'diff'])];
  for (const { epoch, key, val, diff } of changes) {
    lines.push(csvLine([String(epoch), ...columns.map((c) => cellText(c, key, val)), String(diff)]));
  }
  return lines.join('\n') + '\n';
}

/** The change log as JSON: an array of `{epoch, key, val, diff}`. */
export function changesJson(changes: readonly TraceChange[]): string {
  return jsonLines(changes.map(({ epoch, key, val, diff }) => ({ epoch, key, val, diff })));
}
