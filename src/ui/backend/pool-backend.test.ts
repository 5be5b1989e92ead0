// The pool backend over the in-process transport: the same snapshots, plans and journal
// as the same-thread backend, for 1 and 3 workers and across a worker-count change.
import { describe, expect, it } from 'vitest';
import { createLocalBackend } from './local-backend.js';
import { createPoolBackend } from './pool-backend.js';
import { Pool } from '../../runtime/pool.js';
import { inProcessTransport } from '../../runtime/in-process.js';
import { DEFAULT_FILES } from '../state/defaults.js';
import type { Backend, RunBudget } from './protocol.js';

const BUDGET: RunBudget = { maxIterations: 10_000, maxSeconds: 5 };

function poolBackend(workers: number): Backend {
  return createPoolBackend({
    budget: BUDGET,
    workers,
    startPool: (n, b) => Pool.start(inProcessTransport, { workers: n, ...b, readFile: () => undefined }),
  });
}

const SCRIPT = [
  'install reach reach.ddp',
  'feed reach 0 1,2',
  'feed reach 0 2,3',
  'feed reach 0 3,4',
  'feed reach 0 5,6',
  'feed reach 1 1',
  'feed reach 9 1', // rejected: no input 9
  'tick',
  'feed reach 0 3,4 diff=-1',
  'tick',
];

async function run(backend: Backend): Promise<void> {
  for (const line of SCRIPT) await backend.execute(line, DEFAULT_FILES);
}

/** The plan counters that do not depend on how the work was split. */
async function work(backend: Backend): Promise<unknown> {
  return (await backend.plans()).map((p) => ({
    program: p.program,
    plan: p.plan,
    stats: p.stats.map(({ scope, item, inTotal, outTotal, recordsHeld }) => ({
      scope,
      item,
      inTotal,
      outTotal,
      recordsHeld,
    })),
  }));
}

describe('the pool backend', () => {
  it('answers what one same-thread session answers, on 1 and on 3 workers', async () => {
    const local = createLocalBackend(BUDGET);
    await run(local);
    for (const workers of [1, 3]) {
      const backend = poolBackend(workers);
      await run(backend);
      expect(backend.journal()).toEqual(local.journal());
      expect(await backend.snapshot()).toEqual(await local.snapshot());
      expect(await work(backend)).toEqual(await work(local));
      const [plan] = await backend.plans();
      expect(plan?.recordsPerWorker).toHaveLength(workers);
      backend.dispose();
    }
  });

  it('keeps the state across a worker-count change, a budget change and a reset', async () => {
    const local = createLocalBackend(BUDGET);
    await run(local);
    const backend = poolBackend(1);
    await run(backend);
    await backend.setWorkers(4);
    expect(await backend.snapshot()).toEqual(await local.snapshot());
    expect((await backend.plans())[0]?.recordsPerWorker).toHaveLength(4);
    await backend.setBudget({ maxIterations: 5000, maxSeconds: 2 });
    expect(await backend.snapshot()).toEqual(await local.snapshot());
    expect(await backend.stop()).toBeNull();
    await backend.reset();
    expect(backend.journal()).toEqual([]);
    expect((await backend.snapshot()).epoch).toBe(0);
    expect(await backend.plans()).toEqual([]);
    backend.dispose();
  });

  it('keeps an unused pool on reset (the first page starts one pool, not two)', async () => {
    let started = 0;
    const backend = createPoolBackend({
      budget: BUDGET,
      workers: 2,
      startPool: (n, b) => {
        started += 1;
        return Pool.start(inProcessTransport, { workers: n, ...b, readFile: () => undefined });
      },
    });
    await backend.reset();
    expect(started).toBe(1);
    await run(backend);
    await backend.reset();
    expect(started).toBe(2);
    expect((await backend.snapshot()).epoch).toBe(0);
    // A read (snapshot) used the fresh pool: the next reset starts another.
    await backend.reset();
    expect(started).toBe(3);
    await backend.reset();
    expect(started).toBe(3);
    await run(backend);
    expect((await backend.snapshot()).traces.map((t) => t.rows.length)).toEqual([3]);
    backend.dispose();
  });
});
