/**
 * The results side: tabs for Console, Traces and Programs (a real tablist; the panels
 * stay mounted so the console keeps its scroll position and forms keep their text).
 */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';

/** One tab. */
export interface ResultTab {
  readonly id: string;
  readonly label: ReactNode;
  readonly panel: ReactNode;
}

/** The tabbed results pane. */
export function ResultsTabs({ tabs }: { readonly tabs: readonly ResultTab[] }) {
  const [selected, setSelected] = useState(tabs[0]?.id ?? '');
  const base = useId();
  const move = (delta: number): void => {
    const index = tabs.findIndex((t) => t.id === selected);
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    if (next === undefined) return;
    setSelected(next.id);
    document.getElementById(`${base}-tab-${next.id}`)?.focus();
  };
  return (
    <div className="results">
      <div className="results-tabs" role="tablist" aria-label="Results">
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${base}-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === selected}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => setSelected(t.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                move(e.key === 'ArrowRight' ? 1 : -1);
              }
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          id={`${base}-panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`${base}-tab-${t.id}`}
          className="results-panel"
          hidden={t.id !== selected}
        >
          {t.panel}
        </div>
      ))}
    </div>
  );
}
