/**
 * The playground backend's public face: the `Backend` contract and its implementations
 * (the worker pool; a same-thread one for unit tests), plus the journal rules.
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
export { createPoolBackend } from './pool-backend.js';
export type { PoolBackendOptions, StartPool } from './pool-backend.js';
