/**
 * The Time grid tab (PLAYGROUND.md part 4, issue #8): pick an inspect label or a
 * published trace; see its updates as epochs × iterations; choose a cell to see the
 * diffs at that logical time and the accumulated contents there (every update at a time
 * ≤ the cell's, in the partial order). Derived from the store on every render.
 */
import { useMemo, useState } from 'react';
import { usePlaygroundState } from '../app/context.js';
import { formatJson } from '../console/format-json.js';
import { buildGrid, contentsAt } from './grid.js';
import { gridSources, sourceId, sourceUpdates } from './sources.js';
import { TimeGridTable } from './TimeGridTable.js';
import type { GridCell } from './grid.js';
import type { JsonRow } from '../../server/events.js';
import './timegrid.css';

function RowsTable({ label, rows, signed }: { label: string; rows: readonly JsonRow[]; signed: boolean }) {
  if (rows.length === 0) return <p className="tg-muted">(empty)</p>;
  return (
    <table className="tg-rows" aria-label={label}>
      <thead>
        <tr>
          <th>key</th>
          <th>val</th>
          <th>{signed ? 'diff' : 'mult'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-row={JSON.stringify(r)}>
            <td>{formatJson(r[0])}</td>
            <td>{formatJson(r[1])}</td>
            <td className={signed ? (r[2] > 0 ? 'tg-plus' : 'tg-minus') : ''}>
              {signed && r[2] > 0 ? `+${r[2]}` : r[2]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The time grid tab (see the module header). */
export function TimeGridPanel() {
  const inspects = usePlaygroundState((s) => s.inspects);
  const traces = usePlaygroundState((s) => s.traces);
  const sources = useMemo(() => gridSources(inspects, traces), [inspects, traces]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [cellId, setCellId] = useState<string | null>(null);
  const source = sources.find((s) => sourceId(s) === chosen) ?? sources[0];
  const updates = useMemo(
    () => (source === undefined ? [] : sourceUpdates(source, inspects, traces)),
    [source, inspects, traces],
  );
  const grid = useMemo(() => buildGrid(updates), [updates]);
  const cell: GridCell | undefined = grid.cells.flat().find((c) => JSON.stringify(c.time) === cellId);
  const contents = useMemo(() => (cell === undefined ? [] : contentsAt(updates, cell.time)), [cell, updates]);

  if (source === undefined) {
    return (
      <div className="tg-panel">
        <p className="tg-muted">
          No inspect labels or traces yet. Run a program with <code>| inspect(label)</code> in a loop and tick
          to see its updates by epoch and iteration.
        </p>
      </div>
    );
  }
  return (
    <div className="tg-panel">
      <div className="tg-toolbar">
        <label>
          Time grid of{' '}
          <select
            value={sourceId(source)}
            onChange={(e) => {
              setChosen(e.target.value);
              setCellId(null);
            }}
          >
            {sources.map((s) => (
              <option key={sourceId(s)} value={sourceId(s)}>
                {s.kind === 'inspect' ? `inspect ${s.name}` : `trace ${s.name}`}
              </option>
            ))}
          </select>
        </label>
        <span className="tg-muted">
          {updates.length} update{updates.length === 1 ? '' : 's'}; each cell: the diffs at time [epoch,
          iteration…]
          {grid.clipped ? ' (the first iterations only)' : ''}
        </span>
      </div>
      <TimeGridTable
        name={source.name}
        grid={grid}
        selected={cellId}
        onSelect={(c) => setCellId(JSON.stringify(c.time))}
      />
      {cell === undefined ? (
        <p className="tg-muted">
          Choose a cell to see its updates and the contents accumulated up to that time.
        </p>
      ) : (
        <section className="tg-details" aria-label="Time grid cell">
          <h3>At time {JSON.stringify(cell.time)}</h3>
          <div className="tg-columns">
            <div>
              <h4>Updates at this time</h4>
              <RowsTable
                label={`updates at ${JSON.stringify(cell.time)}`}
                rows={cell.updates.map((u): JsonRow => [u.key, u.val, u.diff])}
                signed
              />
            </div>
            <div>
              <h4>Accumulated contents (all times ≤ {JSON.stringify(cell.time)})</h4>
              <RowsTable label={`contents at ${JSON.stringify(cell.time)}`} rows={contents} signed={false} />
            </div>
          </div>
        </section>
      )}
    </div>
  );
}
