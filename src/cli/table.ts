/**
 * Aligned text tables for the terminal: columns padded to their widest cell (measured
 * without colour codes), numeric columns right-aligned, two spaces between columns, an
 * optional dimmed header. Pure string work; the caller decides where it goes.
 */
import { visibleWidth } from './color.js';
import type { Style } from './color.js';

/** How a column is aligned. */
export type Align = 'left' | 'right';

/** A table to render: a header and rows of already-formatted cells. */
export interface Table {
  readonly header?: readonly string[];
  readonly align?: readonly Align[];
  readonly rows: readonly (readonly string[])[];
}

function pad(cell: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(cell)));
  return align === 'right' ? fill + cell : cell + fill;
}

/** Renders a table as lines, each starting with `indent`; trailing spaces trimmed. */
export function renderTable(table: Table, style: Style, indent = '  '): string[] {
  const all = table.header ? [table.header, ...table.rows] : table.rows;
  const columns = Math.max(0, ...all.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) widths.push(Math.max(0, ...all.map((r) => visibleWidth(r[c] ?? ''))));
  const line = (row: readonly string[]): string =>
    (
      indent + row.map((cell, c) => pad(cell, widths[c] ?? 0, table.align?.[c] ?? 'left')).join('  ')
    ).trimEnd();
  const lines: string[] = [];
  if (table.header) lines.push(style.dim(line(table.header)));
  for (const row of table.rows) lines.push(line(row));
  return lines;
}
