/**
 * The playground backend's public face: the `Backend` contract and its implementations
 * (one Web Worker today; the sharded pool later), plus the journal rules.
 */
export { StoppedError } from './protocol.js';
export type {
  Backend,
  JournalEntry,
  ProgramPlan,
  RunBudget,
  Snapshot,
  StopReport,
  TraceSnapshot,
} from './protocol.js';
export { changesViews, commandWord, installFile, isStateful, journalEntry } from './journal.js';
export { createLocalBackend } from './local-backend.js';
export { createWorkerBackend } from './worker-backend.js';
