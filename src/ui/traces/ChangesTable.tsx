/**
 * The changes view of a trace: its `(data, time, diff)` log, oldest first, each change a
 * row with its epoch, key and val columns and a signed diff (green for +, red for −).
 *
 * It follows the tail: while the user is at the bottom, new changes scroll into view;
 * once they scroll up, it stays put and offers a "Latest" button to jump back down.
 * The table is named `changes NAME`; each row carries `data-change` = JSON
 * `[key, val, epoch, diff]`.
 */
import { useCallback, useLayoutEffect, useState } from 'react';
import type { TraceChange } from '../state/trace-data.js';
import type { Column } from './columns.js';
import { ColumnHeaders, needsFiller, signed, ValueCells } from './cells.js';
import { TableFrame } from './TableFrame.js';
import { ROW_HEIGHT, useVirtualRows } from './use-virtual-rows.js';

export interface ChangesTableProps {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly changes: readonly TraceChange[];
  readonly empty: string;
}

/** The virtualized change log of one trace, following its tail. */
export function ChangesTable(props: ChangesTableProps) {
  const { columns, changes } = props;
  const { scrollRef, virtualizer, indices, spaceBefore, spaceAfter } = useVirtualRows(changes.length);
  const [scrolledUp, setScrolledUp] = useState(false);
  const count = changes.length;
  // An empty log (reset, a filter matching nothing) puts us back at the tail.
  const following = !scrolledUp || count === 0;

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (el !== null) setScrolledUp(el.scrollTop + el.clientHeight < el.scrollHeight - ROW_HEIGHT);
  }, [scrollRef]);

  const toLatest = useCallback(() => {
    if (count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
    setScrolledUp(false);
  }, [count, virtualizer]);

  // New changes (or a new filter) while following: keep the last one in view.
  useLayoutEffect(() => {
    if (following && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [following, count, virtualizer]);

  return (
    <div className="trace-changes">
      <TableFrame
        label={`changes ${props.name}`}
        scrollRef={scrollRef}
        spaceBefore={spaceBefore}
        spaceAfter={spaceAfter}
        count={count}
        columnCount={columns.length + (needsFiller(columns) ? 3 : 2)}
        empty={props.empty}
        onScroll={onScroll}
        header={
          <>
            <th scope="col" className="num trace-epoch-col">
              epoch
            </th>
            <ColumnHeaders columns={columns} />
            <th scope="col" className="num trace-count">
              diff
            </th>
          </>
        }
      >
        {indices.map((index) => {
          const change = changes[index];
          return change === undefined ? null : (
            <ChangeRow key={index} index={index} change={change} columns={columns} />
          );
        })}
      </TableFrame>
      {!following && (
        <button type="button" className="trace-latest" onClick={toLatest}>
          ↓ Latest
        </button>
      )}
    </div>
  );
}

function ChangeRow(props: { index: number; change: TraceChange; columns: readonly Column[] }) {
  const { epoch, key, val, diff } = props.change;
  return (
    <tr
      className={`trace-row ${diff > 0 ? 'is-plus' : 'is-minus'}`}
      aria-rowindex={props.index + 2}
      data-change={JSON.stringify([key, val, epoch, diff])}
    >
      <td className="num trace-epoch-col">{epoch}</td>
      <ValueCells columns={props.columns} rowKey={key} rowVal={val} />
      <td className="num trace-count trace-diff">{signed(diff)}</td>
    </tr>
  );
}
