/**
 * The page's backend: `createBrowserBackend(budget, workers)` is the pool backend over
 * `workers` Web Workers (src/runtime/browser-workers.ts, whose worker script Vite bundles).
 */
import { createBrowserPool } from '../../runtime/browser-workers.js';
import { createPoolBackend } from './pool-backend.js';
import type { Backend, RunBudget } from './protocol.js';

/** The backend the playground runs on. */
export function createBrowserBackend(budget: RunBudget, workers: number): Backend {
  return createPoolBackend({
    budget,
    workers,
    startPool: (n, b) => createBrowserPool(n, { maxIterations: b.maxIterations, maxSeconds: b.maxSeconds }),
  });
}
