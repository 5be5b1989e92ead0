/**
 * The scrolling frame shared by the trace tables: a focusable scroll container holding
 * one `<table>` with a sticky header, the windowed rows between two spacer rows, and a
 * one-line placeholder when there are no rows.
 *
 * The container is as tall as its rows up to `MAX_VISIBLE_ROWS` (then it scrolls, and
 * the user can drag it taller); it is keyboard focusable so arrow keys and Page Up/Down
 * scroll it. `aria-rowcount` / `aria-rowindex` tell assistive technology the full size
 * of a table that renders only a window of its rows.
 */
import type { ReactNode, RefObject } from 'react';
import { ROW_HEIGHT } from './use-virtual-rows.js';

/** Rows shown before the table scrolls (the frame is resizable beyond). */
const MAX_VISIBLE_ROWS = 14;

export interface TableFrameProps {
  /** The table's accessible name (the test hook `trace NAME` for contents). */
  readonly label: string;
  /** Attach point for the virtualizer's scroll element. */
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  /** Blank space above and below the rendered window of rows, in pixels. */
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Rows in the whole (filtered) list, not just the rendered window. */
  readonly count: number;
  readonly columnCount: number;
  /** The `<th>` cells of the header row. */
  readonly header: ReactNode;
  /** Shown in place of rows when `count` is 0. */
  readonly empty: string;
  readonly onScroll?: () => void;
  /** The rendered `<tr>`s of the window. */
  readonly children: ReactNode;
}

/** A windowed `<table>` in its scroll container. */
export function TableFrame({
  label,
  scrollRef,
  spaceBefore,
  spaceAfter,
  count,
  columnCount,
  header,
  empty,
  onScroll,
  children,
}: TableFrameProps) {
  const visible = Math.max(1, Math.min(count, MAX_VISIBLE_ROWS));
  return (
    <div
      className="trace-scroll"
      ref={scrollRef}
      tabIndex={0}
      onScroll={onScroll}
      style={{ height: (visible + 1) * ROW_HEIGHT + 2 }}
    >
      <table className="trace-table" aria-label={label} aria-rowcount={count + 1}>
        <thead>
          <tr aria-rowindex={1}>{header}</tr>
        </thead>
        <tbody>
          {spaceBefore > 0 && <Spacer height={spaceBefore} columns={columnCount} />}
          {count === 0 ? (
            <tr className="trace-empty">
              <td colSpan={columnCount}>{empty}</td>
            </tr>
          ) : (
            children
          )}
          {spaceAfter > 0 && <Spacer height={spaceAfter} columns={columnCount} />}
        </tbody>
      </table>
    </div>
  );
}

function Spacer(props: { height: number; columns: number }) {
  return (
    <tr className="trace-spacer" aria-hidden="true">
      <td colSpan={props.columns} style={{ height: props.height }} />
    </tr>
  );
}
