/**
 * The toolbar of one trace: switch between contents and changes, filter by key, see how
 * many rows are shown, and copy them as CSV or JSON (what is copied is what the view
 * shows: the current view, filtered, without ghost rows). A polite status line says
 * what was copied, or that copying failed.
 */
import { useEffect, useState } from 'react';
import { copyText } from './clipboard.js';

/** The two views of a trace. */
export type TraceView = 'contents' | 'changes';

/** The two copy formats. */
export type CopyFormat = 'csv' | 'json';

export interface TraceToolbarProps {
  readonly name: string;
  readonly view: TraceView;
  readonly onView: (view: TraceView) => void;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  /** The row count text, e.g. `3 of 1,204 rows`. */
  readonly count: string;
  /** The text to copy and a phrase for what it holds (`12 rows`), built on demand. */
  readonly exportText: (format: CopyFormat) => { text: string; what: string };
}

const VIEWS: readonly { view: TraceView; label: string }[] = [
  { view: 'contents', label: 'Contents' },
  { view: 'changes', label: 'Changes' },
];

/** The toolbar above a trace table. */
export function TraceToolbar(props: TraceToolbarProps) {
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (status === '') return undefined;
    const timer = setTimeout(() => setStatus(''), 3000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = (format: CopyFormat) => {
    const { text, what } = props.exportText(format);
    void copyText(text).then((ok) =>
      setStatus(ok ? `Copied ${what} as ${format.toUpperCase()}` : 'Copy failed: the browser refused'),
    );
  };

  return (
    <div className="trace-toolbar">
      <div className="trace-views" role="group" aria-label={`${props.name} view`}>
        {VIEWS.map(({ view, label }) => (
          <button
            key={view}
            type="button"
            aria-pressed={props.view === view}
            onClick={() => props.onView(view)}
          >
            {label}
          </button>
        ))}
      </div>
      <input
        type="search"
        className="trace-filter"
        placeholder="Filter keys…"
        aria-label={`Filter ${props.name} by key`}
        value={props.query}
        onChange={(e) => props.onQuery(e.currentTarget.value)}
      />
      <span className="trace-count-text">{props.count}</span>
      <span className="trace-status" role="status">
        {status}
      </span>
      <span className="trace-copy">
        <button type="button" onClick={() => copy('csv')} aria-label={`Copy ${props.name} as CSV`}>
          CSV
        </button>
        <button type="button" onClick={() => copy('json')} aria-label={`Copy ${props.name} as JSON`}>
          JSON
        </button>
      </span>
    </div>
  );
}
