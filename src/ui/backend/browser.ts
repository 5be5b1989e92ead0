/**
 * The page's backend: `createBrowserBackend(budget, workers)` is the worker backend with
 * Vite's bundled backend worker. (The only module here that names the worker file.)
 */
import BackendWorker from './backend.worker.js?worker';
import { createWorkerBackend } from './worker-backend.js';
import type { Backend, RunBudget } from './protocol.js';

/** The backend the playground runs on. */
export function createBrowserBackend(budget: RunBudget, workers: number): Backend {
  return createWorkerBackend({ budget, workers, spawn: () => new BackendWorker({ name: 'ddir-backend' }) });
}
