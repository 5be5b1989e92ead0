/**
 * The `worker_threads` transport, as `npx ddir` runs it: the CLI is compiled once
 * (`tsc -p tsconfig.cli.json`, into node_modules/.cache so the shared dist/ is left
 * alone) and then
 * - `ddir run --json --workers N` prints the golden events of some sessions;
 * - a pool whose worker thread is terminated in the middle of a tick rebuilds it from
 *   the journal and prints what an undisturbed pool prints;
 * - `stop` abandons a runaway tick at once and the session goes on from before it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeEvents, readFrom, runLines } from './sharding-kit.js';
import type * as PoolModule from '../src/runtime/pool.js';
import type * as NodeWorkersModule from '../src/runtime/node-workers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'node_modules', '.cache', 'ddir-test-dist');
const sessions = join(root, 'tests', 'sessions');

let Pool: typeof PoolModule.Pool;
let nodeTransport: typeof NodeWorkersModule.nodeTransport;

beforeAll(async () => {
  // Incremental: a later run recompiles only what changed.
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const info = join(dist, '.tsbuildinfo');
  execFileSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.cli.json', '--outDir', dist, '--incremental', '--tsBuildInfoFile', info],
    {
      cwd: root,
    },
  );
  Pool = ((await import(pathToFileURL(join(dist, 'runtime', 'pool.js')).href)) as typeof PoolModule).Pool;
  nodeTransport = (
    (await import(pathToFileURL(join(dist, 'runtime', 'node-workers.js')).href)) as typeof NodeWorkersModule
  ).nodeTransport;
}, 120_000);

function ddir(args: string[]): string {
  return execFileSync(process.execPath, [join(dist, 'cli', 'main.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('ddir run --workers N over worker_threads', () => {
  for (const [script, workers] of [
    ['shared_trace', 3],
    ['term_error', 4],
    ['generated', 2],
    ['runaway', 2],
  ] as const) {
    it(`prints the golden events of ${script}.txt with ${workers} workers`, () => {
      const text = readFileSync(join(sessions, `${script}.txt`), 'utf8');
      const options = /^# options: (.*)$/m.exec(text.split('\n')[0] ?? '')?.[1]?.split(/\s+/) ?? [];
      const out = ddir([
        'run',
        join('tests', 'sessions', `${script}.txt`),
        '--json',
        '--workers',
        String(workers),
        ...options,
      ]);
      const golden = readFileSync(join(sessions, `${script}.jsonl`), 'utf8');
      expect(normalizeEvents(out)).toEqual(normalizeEvents(golden));
    });
  }
});

const FILES = {
  'gen.ddp': `
    let roots = input 0 | key($0[0] ;);
    let edges = import "random:nodes=5000,edges=10000" | key($0[0] ; $0[1]);
    reach: {
      let next = reach | join(edges, ($2 ;));
      var reach = roots + next | distinct;
    }
    export "reached" = reach::reach | count | map(;$1) | count;`,
  'forever.ddp':
    'let s = input 0 | key($0[0] ;); up: { var n = s + (n | map($0[0] + 1 ;)) | distinct; } export "n" = up::n;',
};
const readFile = (p: string): string | undefined =>
  (FILES as Record<string, string>)[p] ?? readFrom([sessions])(p);

describe('a pool of worker threads', () => {
  const script = [
    'install g gen.ddp',
    'feed g 0 0',
    'tick',
    'peek reached',
    'feed g 0 1',
    'tick',
    'peek reached',
  ];

  it('rebuilds a worker thread terminated in the middle of a tick from the journal', async () => {
    const calm = await Pool.start(nodeTransport, {
      workers: 3,
      maxIterations: 1000,
      maxSeconds: 60,
      readFile,
    });
    const expected = await runLines(calm, script.join('\n'));
    await calm.close();

    const pool = await Pool.start(nodeTransport, {
      workers: 3,
      maxIterations: 1000,
      maxSeconds: 60,
      readFile,
    });
    const out = await runLines(pool, script.slice(0, 4).join('\n'));
    await pool.execute('feed g 0 1');
    const tick = pool.execute('tick');
    setTimeout(() => void pool.worker(1).terminate(), 30);
    out.push(...(await tick).map((e) => JSON.stringify(e)));
    out.push(...(await runLines(pool, 'peek reached')));
    expect(pool.rebuilds).toBe(1);
    expect(out).toEqual(expected);
    await pool.close();
  });

  it('abandons a runaway tick on stop and goes on from the state before it', async () => {
    const pool = await Pool.start(nodeTransport, {
      workers: 2,
      maxIterations: 1e9,
      maxSeconds: 600,
      readFile,
    });
    await runLines(
      pool,
      'install f forever.ddp\ninstall s programs/steady.ddp\nfeed s 0 1\ntick\nfeed f 0 0',
    );
    const running = pool.execute('tick');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await pool.stop();
    const [stopped] = await running;
    expect(stopped).toMatchObject({
      event: 'error',
      message: 'stopped "tick"; the session was rebuilt without it',
    });
    expect(pool.journalLines()).toEqual([
      'install f forever.ddp',
      'install s programs/steady.ddp',
      'feed s 0 1',
      'tick',
      'feed f 0 0',
    ]);
    expect(await runLines(pool, 'peek steady\nlist')).toEqual([
      '{"event":"peek","trace":"steady","key":null,"rows":[[[1],[],1]]}',
      expect.stringContaining('"epoch":1,') as unknown,
    ]);
    await pool.close();
  });
});
