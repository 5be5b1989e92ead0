/**
 * The Traces panel (PLAYGROUND.md part 4): one collapsible section per published trace,
 * in the order given, each with its live table. With few traces all start open; past
 * `OPEN_BY_DEFAULT` only the first ones do, so a big registry stays light.
 */
import type { TracesPanelProps } from '../state/trace-data.js';
import { TraceSection } from './TraceSection.js';
import './traces.css';

/** How many trace sections start open. */
const OPEN_BY_DEFAULT = 4;

/** One live table per published trace; `epoch` is the open epoch. */
export function TracesPanel(props: TracesPanelProps) {
  if (props.traces.length === 0) {
    return (
      <div className="traces">
        <p className="traces-empty">
          No published traces yet. Install a program that exports one, then tick.
        </p>
      </div>
    );
  }
  return (
    <div className="traces">
      {props.traces.map((trace, i) => (
        <TraceSection key={trace.name} trace={trace} epoch={props.epoch} defaultOpen={i < OPEN_BY_DEFAULT} />
      ))}
    </div>
  );
}
