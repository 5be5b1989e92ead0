/**
 * Sharding properties: generated programs and update sequences (the generators of
 * tests/engine-vs-reference.test.ts) run on 2–8 sharded engines publish exactly the
 * reference results at every epoch, and report the same inspect updates after
 * consolidation as one engine does. Runs: `PROP_RUNS` (default 200, a quarter of it
 * here); replay with FC_SEED / FC_PATH as described there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALL, caseArbOf } from './reference/program-gen.js';
import type { GeneratedCase } from './reference/program-gen.js';
import { compileCase, firstDifference, referenceRun } from './reference/run-case.js';
import { normalizeEvents, runLines, shardedRun, singleRun } from './sharding-kit.js';
import { inProcessTransport } from '../src/runtime/in-process.js';
import { Pool } from '../src/runtime/pool.js';

const RUNS = Math.max(1, Math.floor(Number(process.env.PROP_RUNS ?? 200) / 4));

function parameters<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env.FC_SEED;
  const path = process.env.FC_PATH;
  return {
    numRuns,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
  };
}

describe('sharded engines against the reference and against one engine', () => {
  it('publish the reference results and the single engine inspect updates, for any worker count', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbOf(SMALL), fc.integer({ min: 2, max: 8 }), async (c, workers) => {
        const { ir, optimized } = compileCase(c.text);
        const sharded = await shardedRun(optimized, c.feeds, c.epochs, workers);
        const difference = firstDifference(referenceRun(ir, c.feeds, c.epochs), sharded.contents);
        if (difference !== null) throw new Error(`${workers} workers: ${difference}`);
        expect(sharded.inspects).toEqual(singleRun(optimized, c.feeds, c.epochs).inspects);
      }),
      parameters<[GeneratedCase, number]>(RUNS),
    );
  });
});

describe('failures on a sharded pool', () => {
  // Many rows fail at once, on different workers, in a root map, a join and a loop.
  const files: Record<string, string> = {
    'bad_map.ddp': 'export "firsts" = input 0 | map($0[1] ;) | inspect(firsts);',
    'bad_join.ddp': `
      let a = input 0 | key($0[0] ; $0[1]);
      let b = input 1 | key($0[0] ; $0[1]);
      export "joined" = a | join(b, ($1[0] ; $2[1])) | arrange;`,
    'bad_loop.ddp': `
      let seeds = input 0 | key($0[0] ;);
      grow: { var n = seeds + (n | filter($0[0] < 6) | map($0[0] + 1 ;)) | map($0[0] + if($0[0] == 4, $0[5], 0) ;) | distinct; }
      export "grown" = grow::n;`,
  };
  const script = [
    'install m bad_map.ddp',
    'install j bad_join.ddp',
    'install l bad_loop.ddp',
    // Fed in descending order: the least failing row, (3), is not the first one processed.
    ...Array.from({ length: 40 }, (_, k) => 39 - k).map(
      (i) => `feed m 0 ${i % 7 === 3 ? `${i}` : `${i},${i}`}`,
    ),
    ...Array.from({ length: 30 }, (_, i) => `feed j 0 tuple(${i % 5},tuple(${i}))`),
    ...Array.from(
      { length: 30 },
      (_, i) => `feed j 1 tuple(${i % 5},${i % 4 === 0 ? 'tuple()' : `tuple(${i},${i})`})`,
    ),
    'feed l 0 0',
    'feed l 0 2',
    'tick',
    'peek firsts',
    'tick',
    'list',
  ].join('\n');

  it('reports the same failures whatever the number of workers', async () => {
    const readFile = (p: string): string | undefined => files[p];
    const outputs: string[][] = [];
    for (const workers of [1, 2, 3, 4, 8]) {
      const pool = await Pool.start(inProcessTransport, {
        workers,
        maxIterations: 1000,
        maxSeconds: 60,
        readFile,
      });
      outputs.push(await runLines(pool, script));
      await pool.close();
    }
    const errors = (outputs[0] ?? [])
      .map((l) => JSON.parse(l) as { event: string; message: string })
      .filter((e) => e.event === 'error')
      .map((e) => e.message);
    expect(errors).toHaveLength(7);
    expect(errors[0]).toMatch(/program "m" failed.*on row \(tuple\(3\) ; tuple\(\)\) at time \[0, 0\]/);
    expect(errors[1]).toMatch(/program "j" failed.*on row \(tuple\(0\) ;/);
    expect(errors[2]).toMatch(/program "l" failed.*tuple\(4\).*at time \[0, 2\]/);
    for (const out of outputs.slice(1))
      expect(normalizeEvents(out.join('\n'))).toEqual(normalizeEvents((outputs[0] ?? []).join('\n')));
  });
});
