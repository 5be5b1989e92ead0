/**
 * Cells shared by the trace tables: header cells for the derived columns and value cells
 * that print a key or val field compactly.
 *
 * Values are React text, never HTML, so any value prints safely. Long values are cut at
 * `CELL_TEXT_LIMIT` characters with `…` (and by CSS to the column width); the full text
 * is the cell's tooltip.
 */
import type { ValueJson } from '../../lang/value-json.js';
import { cellText } from './columns.js';
import type { Column } from './columns.js';
import { CELL_TEXT_LIMIT } from './decode.js';

/**
 * Whether the table needs an empty filler column: numeric columns have a fixed width, so
 * when every value column is numeric something must take up the rest of the width.
 */
export function needsFiller(columns: readonly Column[]): boolean {
  return columns.every((c) => c.numeric);
}

/** Header cells for the value columns (and the filler, when needed). */
export function ColumnHeaders(props: { columns: readonly Column[] }) {
  return (
    <>
      {props.columns.map((c) => (
        <th
          key={c.id}
          scope="col"
          className={c.numeric ? 'num' : undefined}
          style={
            c.numeric
              ? { width: `calc(${Math.min(Math.max(c.chars, c.id.length, 3), 24)}ch + 1.4rem)` }
              : undefined
          }
        >
          {c.id}
        </th>
      ))}
      {needsFiller(props.columns) && <th className="trace-filler" aria-hidden="true" />}
    </>
  );
}

/** The value cells of one row. */
export function ValueCells(props: { columns: readonly Column[]; rowKey: ValueJson; rowVal: ValueJson }) {
  const cells = props.columns.map((c) => {
    const text = cellText(c, props.rowKey, props.rowVal, CELL_TEXT_LIMIT);
    const long = text.length > 16;
    return (
      <td
        key={c.id}
        className={c.numeric ? 'num' : undefined}
        title={long ? cellText(c, props.rowKey, props.rowVal) : undefined}
      >
        {text}
      </td>
    );
  });
  return (
    <>
      {cells}
      {needsFiller(props.columns) && <td className="trace-filler" aria-hidden="true" />}
    </>
  );
}

/** `+3` / `−2` with a real minus sign. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
