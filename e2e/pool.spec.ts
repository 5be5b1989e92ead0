// The sharded worker pool in a real browser (pool.html, a bare harness page): a session
// through 1 and through 4 Web Workers prints the same events, with the expected results,
// and 4 workers really share the data.
import { expect, test } from '@playwright/test';

const FILES = {
  'edges.ddp': 'export "edges" = input 0 | key($0[0] ; $0[1]) | arrange;',
  'reach.ddp': `
    let roots = input 0 | key($0[0] ;);
    let edges = import "edges";
    reach: {
      let next = reach | join(edges, ($2 ;));
      var reach = roots + next | distinct;
    }
    export "reached" = reach::reach | inspect(reached);`,
  'gen.ddp': `export "deg" = import "random:nodes=2000,edges=8000" | key($0[0] ;) | count;`,
};

const SCRIPT = [
  'install e edges.ddp',
  'install r reach.ddp',
  ...Array.from({ length: 20 }, (_, i) => `feed e 0 ${i},${(i * 7 + 1) % 20}`),
  'feed r 0 0',
  'tick',
  'peek reached',
  'feed e 0 1,8 diff=-1',
  'tick',
  'peek reached',
  'install g gen.ddp',
  'tick',
  'list',
].join('\n');

/** JSON lines with each run of inspect events sorted (their order may differ). */
function normalize(lines: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const line of lines) {
    if (line.startsWith('{"event":"inspect"')) run.push(line);
    else {
      out.push(...run.sort(), line);
      run = [];
    }
  }
  return [...out, ...run.sort()];
}

test('a session runs the same on 1 and on 4 Web Workers @smoke', async ({ page }) => {
  await page.goto('/pool.html');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const runs = await page.evaluate(
    async ({ files, script }) => {
      const pool = window.ddirPool;
      if (pool === undefined) throw new Error('no pool harness');
      return [await pool.run(files, script, 1), await pool.run(files, script, 4)];
    },
    { files: FILES, script: SCRIPT },
  );
  const [one, four] = runs;
  expect(normalize(four?.events ?? [])).toEqual(normalize(one?.events ?? []));
  // 0 → 1 → 8 → 17 (→ 0), then cutting 1 → 8 leaves {0, 1}.
  expect(one?.events).toContain(
    '{"event":"peek","trace":"reached","key":null,"rows":[[[0],[],1],[[1],[],1],[[8],[],1],[[17],[],1]]}',
  );
  expect(one?.events).toContain(
    '{"event":"peek","trace":"reached","key":null,"rows":[[[0],[],1],[[1],[],1]]}',
  );
  expect(four?.recordsPerWorker).toHaveLength(4);
  const held = four?.recordsPerWorker ?? [];
  const average = held.reduce((a, b) => a + b, 0) / held.length;
  expect(Math.max(...held)).toBeLessThanOrEqual(1.5 * average);
});
