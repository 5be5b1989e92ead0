/**
 * One time grid as a table named `time grid NAME`: a row per epoch, a column per
 * iteration (see `grid.ts`), each cell the diffs at that logical time as `+a −b` (green /
 * red; blank when nothing happened). Cells carry the test hooks `data-time` (JSON
 * `[epoch, i1, …]`), `data-count` (updates at that time) and `data-diff` (their net sum).
 * A cell is a button: choosing it shows what changed there and the accumulated contents.
 */
import { columnLabel } from './grid.js';
import type { GridCell, TimeGrid } from './grid.js';

/** The props of `<TimeGridTable>`. */
export interface TimeGridTableProps {
  readonly name: string;
  readonly grid: TimeGrid;
  readonly selected: string | null;
  readonly onSelect: (cell: GridCell) => void;
}

function Cell({
  cell,
  selected,
  onSelect,
}: {
  cell: GridCell;
  selected: boolean;
  onSelect: (c: GridCell) => void;
}) {
  const time = JSON.stringify(cell.time);
  const label = `time ${time}: ${cell.count === 0 ? 'no updates' : `${cell.count} update${cell.count === 1 ? '' : 's'}, +${cell.plus} −${-cell.minus}`}`;
  return (
    <td
      data-time={time}
      data-count={cell.count}
      data-diff={cell.diff}
      className={`tg-cell${cell.count === 0 ? ' tg-empty' : ''}${selected ? ' tg-selected' : ''}`}
    >
      <button type="button" aria-label={label} aria-pressed={selected} onClick={() => onSelect(cell)}>
        {cell.plus > 0 ? <span className="tg-plus">+{cell.plus}</span> : null}
        {cell.minus < 0 ? <span className="tg-minus">−{-cell.minus}</span> : null}
      </button>
    </td>
  );
}

/** The grid table (see the module header). */
export function TimeGridTable({ name, grid, selected, onSelect }: TimeGridTableProps) {
  const depth = grid.columns[0]?.length ?? 0;
  return (
    <div className="tg-scroll">
      <table className="tg-table" aria-label={`time grid ${name}`}>
        <thead>
          <tr>
            <th scope="col" className="tg-corner">
              epoch \{' '}
              {depth === 0
                ? 'no loop'
                : depth === 1
                  ? 'iteration'
                  : `iteration ${Array.from({ length: depth }, (_, i) => `i${i + 1}`).join('.')}`}
            </th>
            {grid.columns.map((c) => (
              <th scope="col" key={c.join('.')} data-iteration={JSON.stringify(c)}>
                {columnLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.epochs.map((epoch, r) => (
            <tr key={epoch} data-epoch={epoch}>
              <th scope="row">{epoch}</th>
              {(grid.cells[r] ?? []).map((cell) => {
                const id = JSON.stringify(cell.time);
                return <Cell key={id} cell={cell} selected={selected === id} onSelect={onSelect} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
