/**
 * The pool's sequencer over in-process workers: a worker killed in the middle of a
 * command is replaced by replaying the journal, with output identical to an undisturbed
 * run; `resize` changes the worker count without changing any result; per-worker
 * statistics show the data really spread. (`stop` needs a thread to interrupt: see
 * tests/node-workers.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { normalizeEvents, runLines } from './sharding-kit.js';
import { inProcessTransport } from '../src/runtime/in-process.js';
import { Pool } from '../src/runtime/pool.js';
import type { CommandEntry } from '../src/runtime/protocol.js';
import type { Transport, WorkerHandle } from '../src/runtime/transport.js';

const FILES: Record<string, string> = {
  'edges.ddp': 'export "edges" = input 0 | key($0[0] ; $0[1]) | arrange;',
  'reach.ddp': `
    let roots = input 0 | key($0[0] ;);
    let edges = import "edges";
    reach: {
      let next = reach | join(edges, ($2 ;));
      var reach = roots + next | distinct;
    }
    export "reached" = reach::reach | inspect(reached);`,
  'gen.ddp': `
    let roots = input 0 | key($0[0] ;);
    let edges = import "random:nodes=20000,edges=40000" | key($0[0] ; $0[1]);
    reach: {
      let next = reach | join(edges, ($2 ;));
      var reach = roots + next | distinct;
    }
    export "reached" = reach::reach;`,
};
const readFile = (p: string): string | undefined => FILES[p];

const SCRIPT = [
  'install e edges.ddp',
  'install r reach.ddp',
  ...Array.from({ length: 30 }, (_, i) => `feed e 0 ${i},${(i * 7 + 1) % 30}`),
  'feed r 0 0',
  'tick',
  'peek reached',
  'feed e 0 5,29 diff=-1',
  'feed e 0 3,40',
  'tick',
  'peek reached',
  'feed e 0 40,41',
  'tick',
  'peek reached',
  'list',
].join('\n');

/** In-process workers, one of which is terminated as soon as it starts a chosen command. */
function crashing(victim: number, when: (entry: CommandEntry) => boolean): Transport {
  let crashed = false;
  return {
    name: 'crashing in-process',
    async start(configs) {
      const handles = await inProcessTransport.start(configs);
      return handles.map((h, i): WorkerHandle => ({
        ...h,
        api: {
          execute: (entry) => {
            const reply = h.api.execute(entry);
            if (!crashed && i === victim && when(entry)) {
              crashed = true;
              void h.terminate();
            }
            return reply;
          },
          stats: () => h.api.stats(),
        },
      }));
    },
  };
}

async function run(
  transport: Transport,
  workers: number,
  script = SCRIPT,
): Promise<{ out: string[]; pool: Pool }> {
  const pool = await Pool.start(transport, { workers, maxIterations: 1000, maxSeconds: 60, readFile });
  const out = await runLines(pool, script);
  return { out, pool };
}

describe('the pool sequencer', () => {
  it('replaces a worker killed in the middle of a tick by replaying the journal', async () => {
    const calm = await run(inProcessTransport, 3);
    await calm.pool.close();
    let ticks = 0;
    const stormy = await run(
      crashing(1, (e) => e.line === 'tick' && ++ticks === 2),
      3,
    );
    expect(stormy.pool.rebuilds).toBe(1);
    expect(normalizeEvents(stormy.out.join('\n'))).toEqual(normalizeEvents(calm.out.join('\n')));
    expect(stormy.pool.journalLines()).toEqual(calm.pool.journalLines());
    await stormy.pool.close();
  });

  it('keeps only state-changing accepted commands in its journal', async () => {
    const { pool } = await run(
      inProcessTransport,
      2,
      'install e edges.ddp\ninstall e edges.ddp\nfeed e 0 1,2\nfeed e 9 1\npeek edges\ntick\nlist',
    );
    expect(pool.journalLines()).toEqual(['install e edges.ddp', 'feed e 0 1,2', 'tick']);
    await pool.close();
  });

  it('gives the same results after resizing to any number of workers', async () => {
    const lines = SCRIPT.split('\n');
    const half = lines.indexOf('peek reached') + 1;
    const whole = await run(inProcessTransport, 1);
    await whole.pool.close();
    const { pool, out } = await run(inProcessTransport, 2, lines.slice(0, half).join('\n'));
    for (const workers of [4, 3, 8]) await pool.resize(workers);
    expect(pool.workers).toBe(8);
    out.push(...(await runLines(pool, lines.slice(half).join('\n'))));
    // (The second half's error lines count from its own start.)
    const unlined = (text: string[]): unknown[] =>
      normalizeEvents(text.join('\n')).map((e) => ({ ...(e as object), line: undefined }));
    expect(unlined(out)).toEqual(unlined(whole.out));
    await pool.close();
  });

  it('spreads the records of a reachability over 20,000 nodes evenly over 4 workers', async () => {
    const pool = await Pool.start(inProcessTransport, {
      workers: 4,
      maxIterations: 1000,
      maxSeconds: 60,
      readFile,
    });
    await runLines(pool, 'install g gen.ddp\nfeed g 0 0\ntick');
    const held = (await pool.stats()).map((s) =>
      s.programs.reduce((sum, p) => sum + p.operators.reduce((n, o) => n + o.recordsHeld, 0), 0),
    );
    const average = held.reduce((a, b) => a + b, 0) / held.length;
    expect(average).toBeGreaterThan(20_000);
    expect(Math.max(...held)).toBeLessThanOrEqual(1.5 * average);
    await pool.close();
  });
});
