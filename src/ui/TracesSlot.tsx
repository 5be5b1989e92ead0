/**
 * The Traces tab: the trace views' `<TracesPanel traces epoch>` (src/ui/traces, built
 * against `state/trace-data.ts`) fed from the store. Until that module exists the
 * build finds no match for the glob below and a plain list of trace names with their
 * row counts stands in.
 */
import { usePlaygroundState } from './app/context.js';
import type { ComponentType } from 'react';
import type { TracesPanelProps } from './state/trace-data.js';

// Resolved at build time: empty until src/ui/traces/index.ts exists (no runtime eval).
const found: Record<string, unknown> = import.meta.glob('./traces/index.ts', { eager: true });

function panelOf(modules: Record<string, unknown>): ComponentType<TracesPanelProps> | null {
  const module = Object.values(modules)[0];
  if (typeof module !== 'object' || module === null || !('TracesPanel' in module)) return null;
  const panel: unknown = module.TracesPanel;
  return typeof panel === 'function' ? (panel as ComponentType<TracesPanelProps>) : null;
}

const TracesPanel = panelOf(found);

function TraceSummary({ traces }: TracesPanelProps) {
  if (traces.length === 0) return <p className="muted empty">No published traces yet.</p>;
  return (
    <ul className="trace-summary" aria-label="Traces">
      {traces.map((t) => (
        <li key={t.name}>
          <strong>{t.name}</strong>{' '}
          <span className="muted">
            {t.rows.length} row{t.rows.length === 1 ? '' : 's'}
            {t.lastTick.added.length + t.lastTick.removed.length > 0 &&
              ` · last tick +${t.lastTick.added.length} −${t.lastTick.removed.length}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The traces view of the store. */
export function TracesSlot() {
  const traces = usePlaygroundState((s) => s.traces);
  const epoch = usePlaygroundState((s) => s.epoch);
  const Panel = TracesPanel ?? TraceSummary;
  return <Panel traces={traces} epoch={epoch} />;
}
