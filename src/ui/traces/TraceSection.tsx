/**
 * One published trace: a collapsible section with its toolbar (view switch, key filter,
 * row count, copy as CSV / JSON) and either its contents — live, or as of a past epoch
 * chosen on a slider — or its change log.
 *
 * Everything shown is derived with memos from the trace's props (columns, the history
 * index for past epochs, the classified and filtered rows), so a tick re-derives once and
 * scrolling re-derives nothing. Local state is only what the user chose here: open or
 * closed, the view, the pinned epoch (null = follow the latest) and the filter text.
 */
import { useMemo, useState } from 'react';
import type { TraceData } from '../state/trace-data.js';
import { indexHistory, snapshotAt } from './as-of.js';
import { ChangesTable } from './ChangesTable.js';
import { deriveColumns } from './columns.js';
import { ContentsTable } from './ContentsTable.js';
import { changesCsv, changesJson, contentsCsv, contentsJson } from './export.js';
import { filterByKey, isActiveFilter } from './filter.js';
import { classifyTick } from './highlight.js';
import { EpochSlider } from './EpochSlider.js';
import { TraceToolbar } from './TraceToolbar.js';
import type { CopyFormat, TraceView } from './TraceToolbar.js';

export interface TraceSectionProps {
  readonly trace: TraceData;
  /** The open epoch: epochs 0..epoch-1 are complete. */
  readonly epoch: number;
  readonly defaultOpen: boolean;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** The section of one trace. */
export function TraceSection(props: TraceSectionProps) {
  const { trace, epoch } = props;
  const [open, setOpen] = useState(props.defaultOpen);
  const { added, removed } = trace.lastTick;
  return (
    <section className="trace" aria-label={`${trace.name} trace`}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <span className="trace-name">{trace.name}</span>
          <span className="trace-meta">{plural(trace.rows.length, 'row')}</span>
          {(added.length > 0 || removed.length > 0) && (
            <span className="trace-tick" title="Rows changed by the last tick">
              {added.length > 0 && <span className="plus">+{added.length}</span>}
              {removed.length > 0 && <span className="minus">−{removed.length}</span>}
            </span>
          )}
        </summary>
        {open && <TraceBody trace={trace} epoch={epoch} />}
      </details>
    </section>
  );
}

function TraceBody(props: { trace: TraceData; epoch: number }) {
  const { trace, epoch } = props;
  const { name, rows, history, lastTick } = trace;
  const [view, setView] = useState<TraceView>('contents');
  const [query, setQuery] = useState('');
  const [pinned, setPinned] = useState<number | null>(null);

  const latest = epoch - 1;
  // A pin at or past the latest complete epoch (or after a reset) means "live".
  const asOf = pinned !== null && pinned < latest ? pinned : null;
  const columns = useMemo(() => deriveColumns(rows, history), [rows, history]);
  const needIndex = asOf !== null;
  const index = useMemo(() => (needIndex ? indexHistory(history) : null), [needIndex, history]);
  const snapshot = useMemo(
    () => (index === null || asOf === null ? { rows, tick: lastTick } : snapshotAt(index, asOf)),
    [index, asOf, rows, lastTick],
  );
  const display = useMemo(() => classifyTick(snapshot.rows, snapshot.tick), [snapshot]);
  const shownRows = useMemo(() => filterByKey(display, query, (d) => d.row[0]), [display, query]);
  const shownChanges = useMemo(
    () => (view === 'changes' ? filterByKey(history, query, (c) => c.key) : history),
    [view, history, query],
  );

  const filtering = isActiveFilter(query);
  let count: string;
  if (view === 'changes') {
    count = filtering
      ? `${shownChanges.length.toLocaleString('en-US')} of ${plural(history.length, 'change')}`
      : plural(history.length, 'change');
  } else {
    const shown = shownRows.filter((d) => d.status !== 'removed').length;
    const total = snapshot.rows.length;
    count = filtering ? `${shown.toLocaleString('en-US')} of ${plural(total, 'row')}` : plural(total, 'row');
  }

  const exportText = (format: CopyFormat): { text: string; what: string } => {
    if (view === 'changes') {
      const text = format === 'csv' ? changesCsv(columns, shownChanges) : changesJson(shownChanges);
      return { text, what: plural(shownChanges.length, 'change') };
    }
    const contents = shownRows.filter((d) => d.status !== 'removed').map((d) => d.row);
    const text = format === 'csv' ? contentsCsv(columns, contents) : contentsJson(contents);
    return { text, what: plural(contents.length, 'row') };
  };

  const empty = filtering ? 'No key matches the filter.' : view === 'changes' ? 'No changes yet.' : 'Empty.';
  return (
    <div className="trace-body">
      <TraceToolbar
        name={name}
        view={view}
        onView={setView}
        query={query}
        onQuery={setQuery}
        count={count}
        exportText={exportText}
      />
      {view === 'contents' && latest >= 1 && (
        <EpochSlider name={name} latest={latest} asOf={asOf} onPin={setPinned} />
      )}
      {view === 'contents' ? (
        <ContentsTable
          name={name}
          columns={columns}
          rows={shownRows}
          tick={asOf === null ? `live:${epoch}` : `asof:${asOf}`}
          empty={empty}
        />
      ) : (
        <ChangesTable name={name} columns={columns} changes={shownChanges} empty={empty} />
      )}
    </div>
  );
}
