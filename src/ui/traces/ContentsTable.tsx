/**
 * The contents view of a trace: its rows (key and val columns, multiplicity) with the
 * last tick's effect marked — added and changed rows tinted, removed rows shown struck
 * through as ghosts in sorted place — plus a change column that says the same in words
 * for screen readers.
 *
 * Test hook (PLAYGROUND.md): the table is named `trace NAME` and every rendered content
 * row carries `data-row` = JSON `[key, val, mult]` exactly as SERVER.md's peek row.
 * Ghost rows are not contents: they carry `data-removed-row` instead.
 * Rows remount when `tick` changes, so their highlight animates once per tick.
 */
import type { Column } from './columns.js';
import { ColumnHeaders, needsFiller, signed, ValueCells } from './cells.js';
import type { DisplayRow, RowStatus } from './highlight.js';
import { TableFrame } from './TableFrame.js';
import { useVirtualRows } from './use-virtual-rows.js';

export interface ContentsTableProps {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly DisplayRow[];
  /** Identifies the tick the highlight belongs to (e.g. `live:7`, `asof:3`). */
  readonly tick: string;
  readonly empty: string;
}

const MARK: Record<RowStatus, { symbol: string; word: string }> = {
  added: { symbol: '+', word: 'added' },
  changed: { symbol: '±', word: 'changed' },
  removed: { symbol: '−', word: 'removed' },
  same: { symbol: '', word: '' },
};

/** The virtualized contents table of one trace. */
export function ContentsTable(props: ContentsTableProps) {
  const { columns, rows } = props;
  const { scrollRef, indices, spaceBefore, spaceAfter } = useVirtualRows(rows.length);
  return (
    <TableFrame
      label={`trace ${props.name}`}
      scrollRef={scrollRef}
      spaceBefore={spaceBefore}
      spaceAfter={spaceAfter}
      count={rows.length}
      columnCount={columns.length + (needsFiller(columns) ? 3 : 2)}
      empty={props.empty}
      header={
        <>
          <th scope="col" className="trace-mark">
            <span className="sr-only">change</span>
          </th>
          <ColumnHeaders columns={columns} />
          <th scope="col" className="num trace-count">
            mult
          </th>
        </>
      }
    >
      {indices.map((index) => {
        const display = rows[index];
        return display === undefined ? null : (
          <ContentsRow key={`${props.tick}:${index}`} index={index} display={display} columns={columns} />
        );
      })}
    </TableFrame>
  );
}

function ContentsRow(props: { index: number; display: DisplayRow; columns: readonly Column[] }) {
  const { row, status, delta } = props.display;
  const [key, val, mult] = row;
  const json = JSON.stringify(row);
  const hook = status === 'removed' ? { 'data-removed-row': json } : { 'data-row': json };
  const mark = MARK[status];
  return (
    <tr className={`trace-row is-${status}`} aria-rowindex={props.index + 2} {...hook}>
      <td className="trace-mark">
        <span aria-hidden="true">{mark.symbol}</span>
        {mark.word && <span className="sr-only">{mark.word}</span>}
      </td>
      <ValueCells columns={props.columns} rowKey={key} rowVal={val} />
      <td className="num trace-count">
        {mult}
        {status === 'changed' && <span className="trace-delta"> {signed(delta)}</span>}
      </td>
    </tr>
  );
}
