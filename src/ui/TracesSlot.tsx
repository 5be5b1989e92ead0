/**
 * The Traces tab: the trace views (`src/ui/traces`) fed from the store's traces and epoch.
 */
import { usePlaygroundState } from './app/context.js';
import { TracesPanel } from './traces/index.js';

/** The traces view of the store. */
export function TracesSlot() {
  const traces = usePlaygroundState((s) => s.traces);
  const epoch = usePlaygroundState((s) => s.epoch);
  return <TracesPanel traces={traces} epoch={epoch} />;
}
