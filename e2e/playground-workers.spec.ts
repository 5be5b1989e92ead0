/**
 * The playground on the sharded worker pool (PLAYGROUND.md part 6), through the real
 * page: the default demo's trace tables and `peek` results stay the same when the
 * `Workers` combobox goes from 1 to 4 (a rebuild by replay onto 4 Web Workers), feeding
 * and ticking on 4 workers gives what a fresh 1-worker run gives, and the Programs tab
 * shows how the program's records are spread over the workers.
 */
import { expect, test } from '@playwright/test';
import { Playground } from './pages.js';
import type { Row } from './pages.js';

/** Commands fed after the demo: a longer path, then a retraction that cuts it. */
const MORE = ['feed reach 0 4,7', 'feed reach 0 6,8', 'feed reach 0 2,5', 'tick', 'peek reach'];
const CUT = ['feed reach 0 2,5 diff=-1', 'feed reach 0 3,4', 'tick', 'peek reach'];

test('the Workers setting runs the playground on that many Web Workers, with the same results @smoke', async ({
  page,
  browser,
}) => {
  const app = new Playground(page);
  await app.openAndWaitForScript();
  await app.idle();
  await expect(app.workers).toHaveValue('1');
  await expect.poll(() => app.poolWorkers()).toBe(1);
  const before = await app.traceTables({ waitForRows: true });
  expect(before['reach']).toEqual([
    [[1], [], 1],
    [[2], [], 1],
    [[3], [], 1],
  ]);

  // 4 Web Workers, rebuilt by replay: the same tables, the same peek.
  await app.setWorkers(4);
  await app.showTab('Console');
  await expect(app.console).toContainText('Now 4 workers');
  expect(await app.traceTables({ waitForRows: true })).toEqual(before);
  await app.runEach(['peek reach']);
  const peeks = await app.peeks('reach', { showConsole: true });
  expect(peeks.at(-1)).toEqual(peeks.at(-2));
  expect(peeks.at(-1)).toEqual(before['reach']);

  // Feed and tick on 4 workers.
  await app.runEach(MORE);
  const fourMore = await app.traceTables({ waitForRows: true });
  await app.runEach(CUT);
  const fourCut = await app.traceTables({ waitForRows: true });
  const fourPeeks = (await app.peeks('reach', { showConsole: true })).slice(-2);
  const reached = (nodes: number[]): Row[] => nodes.map((n) => [[n], [], 1]);
  // From 1: 1 → 2 → 3, 2 → 5 → 6 → 8; then 2 → 5 cut and 3 → 4 → 7 back.
  expect(fourMore['reach']).toEqual(reached([1, 2, 3, 5, 6, 8]));
  expect(fourCut['reach']).toEqual(reached([1, 2, 3, 4, 7]));
  expect(fourPeeks).toEqual([reached([1, 2, 3, 5, 6, 8]), reached([1, 2, 3, 4, 7])]);

  // The Programs tab: one bar per worker; the records are spread over them.
  await app.showTab('Programs');
  const shares = page.getByRole('list', { name: 'records per worker of reach' }).getByRole('listitem');
  await expect(shares).toHaveCount(4);
  const held = (await shares.evaluateAll((els) =>
    els.map((e) => Number(e.getAttribute('data-records'))),
  )) as number[];
  expect(held.filter((n) => n > 0).length).toBeGreaterThan(1);

  // The same commands in a fresh page on 1 worker.
  const context = await browser.newContext();
  const one = new Playground(await context.newPage());
  await one.openAndWaitForScript();
  await one.idle();
  await expect(one.workers).toHaveValue('1');
  await one.runEach(MORE);
  expect(await one.traceTables({ waitForRows: true })).toEqual(fourMore);
  await one.runEach(CUT);
  expect(await one.traceTables({ waitForRows: true })).toEqual(fourCut);
  expect((await one.peeks('reach', { showConsole: true })).slice(-2)).toEqual(fourPeeks);
  expect(one.consoleErrors).toEqual([]);
  await context.close();

  // Back to 1 worker on the first page: rebuilt by replay, the same state.
  await app.setWorkers(1);
  expect(await app.traceTables({ waitForRows: true })).toEqual(fourCut);
  expect(app.consoleErrors).toEqual([]);
});
