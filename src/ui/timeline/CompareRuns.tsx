/**
 * Compare two runs: pick a "before" and an "after" among the saved runs and the current
 * session; per trace, the rows the second has that the first has not (added, green)
 * and the rows it lost (removed, red), as a region named `Compare runs`.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { usePlaygroundState } from '../app/context.js';
import { formatJson } from '../console/format-json.js';
import { compareTraces, timelineStore } from './runs.js';
import type { RunTrace } from './runs.js';
import type { JsonRow } from '../../server/events.js';

const CURRENT = 'current';

function rowText(row: JsonRow): string {
  return `(${formatJson(row[0])} ; ${formatJson(row[1])})${row[2] === 1 ? '' : ` ×${row[2]}`}`;
}

/** The comparison of two runs (see the module header). */
export function CompareRuns() {
  const runs = useStore(timelineStore, (s) => s.runs);
  const traces = usePlaygroundState((s) => s.traces);
  const epoch = usePlaygroundState((s) => s.epoch);
  const [before, setBefore] = useState<string | null>(null);
  const [after, setAfter] = useState<string>(CURRENT);
  if (runs.length === 0) {
    return (
      <p className="tl-muted">
        Save a run (or rewind, which saves the end of the session) to compare it with another — e.g. before
        and after editing a program.
      </p>
    );
  }
  const beforeId = before ?? String(runs.at(-1)?.id ?? CURRENT);
  const tracesOf = (id: string): readonly RunTrace[] =>
    id === CURRENT ? traces : (runs.find((r) => String(r.id) === id)?.traces ?? []);
  const comparison = compareTraces(tracesOf(beforeId), tracesOf(after));
  const options = [
    ...runs.map((r) => (
      <option key={r.id} value={String(r.id)}>
        {r.label} (epoch {r.epoch})
      </option>
    )),
    <option key={CURRENT} value={CURRENT}>
      the current session (epoch {epoch})
    </option>,
  ];
  return (
    <section className="tl-compare" aria-label="Compare runs">
      <h3>Compare runs</h3>
      <div className="tl-compare-pick">
        <label>
          Before{' '}
          <select value={beforeId} onChange={(e) => setBefore(e.target.value)}>
            {options}
          </select>
        </label>
        <label>
          After{' '}
          <select value={after} onChange={(e) => setAfter(e.target.value)}>
            {options}
          </select>
        </label>
      </div>
      {comparison.length === 0 ? <p className="tl-muted">Neither run has traces.</p> : null}
      {comparison.map((c) => (
        <div
          key={c.name}
          className="tl-trace"
          data-trace={c.name}
          data-added={c.added.length}
          data-removed={c.removed.length}
        >
          <h4>
            {c.name}{' '}
            <span className="tl-muted">
              {c.added.length === 0 && c.removed.length === 0
                ? 'the same in both'
                : `${c.added.length} added, ${c.removed.length} removed`}
              {c.only === undefined ? '' : ` (only in the ${c.only === 'before' ? 'first' : 'second'} run)`}
            </span>
          </h4>
          <ul aria-label={`changes of ${c.name}`}>
            {c.added.map((r, i) => (
              <li key={`a${i}`} className="tl-added" data-row={JSON.stringify(r)} data-change="added">
                + {rowText(r)}
              </li>
            ))}
            {c.removed.map((r, i) => (
              <li key={`r${i}`} className="tl-removed" data-row={JSON.stringify(r)} data-change="removed">
                − {rowText(r)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
