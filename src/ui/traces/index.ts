/**
 * The trace views' public face: `TracesPanel` renders one live table per published
 * trace from the store's `TraceData`; the pure helpers behind it are exported for reuse
 * (e.g. the console's peek table or the time grid).
 */
export { TracesPanel } from './TracesPanel.js';
export type { TraceData, TracesPanelProps } from '../state/trace-data.js';
export { contentsAsOf, indexHistory, snapshotAt } from './as-of.js';
export { deriveColumns, cellText } from './columns.js';
export type { Column } from './columns.js';
export { classifyTick } from './highlight.js';
export type { DisplayRow, RowStatus } from './highlight.js';
export { contentsCsv, contentsJson, changesCsv, changesJson } from './export.js';
