/**
 * What the time grid can show, pure: every inspect label seen in the session (its
 * updates carry full times `[epoch, i1, …]`) and every published trace (its history of
 * changes per epoch, times `[epoch]`). `sourceUpdates` answers one source's updates.
 */
import type { TimedUpdate } from './grid.js';
import type { TraceData } from '../state/trace-data.js';
import type { InspectEvent } from '../../server/events.js';

/** One thing the grid can show. */
export interface GridSource {
  readonly kind: 'inspect' | 'trace';
  readonly name: string;
}

/** The id of a source in the selector (kinds may share names). */
export function sourceId(source: GridSource): string {
  return `${source.kind}:${source.name}`;
}

/** Inspect labels first (in order of first appearance), then traces. */
export function gridSources(inspects: readonly InspectEvent[], traces: readonly TraceData[]): GridSource[] {
  const labels = new Set<string>();
  for (const e of inspects) labels.add(e.label);
  return [
    ...[...labels].map((name): GridSource => ({ kind: 'inspect', name })),
    ...traces.map((t): GridSource => ({ kind: 'trace', name: t.name })),
  ];
}

/** The updates of one source. */
export function sourceUpdates(
  source: GridSource,
  inspects: readonly InspectEvent[],
  traces: readonly TraceData[],
): TimedUpdate[] {
  if (source.kind === 'inspect') {
    return inspects
      .filter((e) => e.label === source.name)
      .map((e) => ({ key: e.key, val: e.val, time: e.time, diff: e.diff }));
  }
  const trace = traces.find((t) => t.name === source.name);
  return (trace?.history ?? []).map((h) => ({ key: h.key, val: h.val, time: [h.epoch], diff: h.diff }));
}
