/**
 * The playground on the sharded worker pool (PLAYGROUND.md part 6), through the real
 * page: the default demo's trace tables and `peek` results stay the same when the
 * `Workers` combobox goes from 1 to 4 (a rebuild by replay onto 4 Web Workers), feeding
 * and ticking on 4 workers gives what a fresh 1-worker run gives, and the Programs tab
 * shows how the program's records are spread over the workers.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

type Json = number | string | Json[] | { [key: string]: Json };
type Row = [Json, Json, number];

/** Commands fed after the demo: a longer path, then a retraction that cuts it. */
const MORE = ['feed reach 0 4,7', 'feed reach 0 6,8', 'feed reach 0 2,5', 'tick', 'peek reach'];
const CUT = ['feed reach 0 2,5 diff=-1', 'feed reach 0 3,4', 'tick', 'peek reach'];

/** The playground of one page, through its accessible names and test hooks. */
class App {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  get workers(): Locator {
    return this.page.getByRole('combobox', { name: 'Workers' });
  }

  /** Opens the default demo and waits for its script (two ticks). */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('epoch')).toHaveText('2', { timeout: 15_000 });
    await this.idle();
  }

  async idle(): Promise<void> {
    await this.page.evaluate(() => window.ddirPlayground?.idle());
  }

  /** The pool's Web Workers now alive in the page. */
  poolWorkers(): number {
    return this.page.workers().filter((w) => w.url().includes('browser-worker-entry')).length;
  }

  async setWorkers(n: number): Promise<void> {
    await this.workers.selectOption(String(n));
    await expect(this.workers).toHaveValue(String(n));
    await this.idle();
    await expect.poll(() => this.poolWorkers(), { timeout: 15_000 }).toBe(n);
  }

  /** Runs commands on the console's command line, one after the other. */
  async run(commands: readonly string[]): Promise<void> {
    await this.page.getByRole('tab', { name: /^Console/ }).click();
    const line = this.page.getByRole('textbox', { name: 'Command' });
    for (const command of commands) {
      await line.fill(command);
      await line.press('Enter');
      await this.idle();
    }
  }

  /** Every trace table's rows (`data-row`), by trace name. */
  async tables(): Promise<Record<string, Row[]>> {
    await this.page.getByRole('tab', { name: /^Traces/ }).click();
    const tables = this.page.getByRole('table', { name: /^trace / });
    await expect(tables.first()).toBeVisible();
    // Every trace of this test has rows; a freshly shown (virtualized) table renders them a frame later.
    await expect(tables.first().locator('tr[data-row]').first()).toBeAttached();
    const out: Record<string, Row[]> = {};
    for (const table of await tables.all()) {
      const name = ((await table.getAttribute('aria-label')) ?? '').replace(/^trace /, '');
      const rows = await table
        .locator('tr[data-row]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-row') ?? ''));
      out[name] = rows.map((r) => JSON.parse(r) as Row);
    }
    return out;
  }

  /** The rows of every `peek` of `trace` in the console, oldest first. */
  async peeks(trace: string): Promise<Row[][]> {
    await this.page.getByRole('tab', { name: /^Console/ }).click();
    const texts = await this.page
      .getByRole('region', { name: 'Console' })
      .locator('[data-event]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
    return texts
      .map((t) => JSON.parse(t) as { event: string; trace?: string; rows?: Row[] })
      .filter((e) => e.event === 'peek' && e.trace === trace)
      .map((e) => e.rows ?? []);
  }
}

test('the Workers setting runs the playground on that many Web Workers, with the same results @smoke', async ({
  page,
  browser,
}) => {
  const app = new App(page);
  await app.open();
  await expect(app.workers).toHaveValue('1');
  await expect.poll(() => app.poolWorkers()).toBe(1);
  const before = await app.tables();
  expect(before['reach']).toEqual([
    [[1], [], 1],
    [[2], [], 1],
    [[3], [], 1],
  ]);

  // 4 Web Workers, rebuilt by replay: the same tables, the same peek.
  await app.setWorkers(4);
  await page.getByRole('tab', { name: /^Console/ }).click();
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('Now 4 workers');
  expect(await app.tables()).toEqual(before);
  await app.run(['peek reach']);
  const peeks = await app.peeks('reach');
  expect(peeks.at(-1)).toEqual(peeks.at(-2));
  expect(peeks.at(-1)).toEqual(before['reach']);

  // Feed and tick on 4 workers.
  await app.run(MORE);
  const fourMore = await app.tables();
  await app.run(CUT);
  const fourCut = await app.tables();
  const fourPeeks = (await app.peeks('reach')).slice(-2);
  const reached = (nodes: number[]): Row[] => nodes.map((n) => [[n], [], 1]);
  // From 1: 1 → 2 → 3, 2 → 5 → 6 → 8; then 2 → 5 cut and 3 → 4 → 7 back.
  expect(fourMore['reach']).toEqual(reached([1, 2, 3, 5, 6, 8]));
  expect(fourCut['reach']).toEqual(reached([1, 2, 3, 4, 7]));
  expect(fourPeeks).toEqual([reached([1, 2, 3, 5, 6, 8]), reached([1, 2, 3, 4, 7])]);

  // The Programs tab: one bar per worker; the records are spread over them.
  await page.getByRole('tab', { name: /^Programs/ }).click();
  const shares = page.getByRole('list', { name: 'records per worker of reach' }).getByRole('listitem');
  await expect(shares).toHaveCount(4);
  const held = (await shares.evaluateAll((els) =>
    els.map((e) => Number(e.getAttribute('data-records'))),
  )) as number[];
  expect(held.filter((n) => n > 0).length).toBeGreaterThan(1);

  // The same commands in a fresh page on 1 worker.
  const context = await browser.newContext();
  const one = new App(await context.newPage());
  await one.open();
  await expect(one.workers).toHaveValue('1');
  await one.run(MORE);
  expect(await one.tables()).toEqual(fourMore);
  await one.run(CUT);
  expect(await one.tables()).toEqual(fourCut);
  expect((await one.peeks('reach')).slice(-2)).toEqual(fourPeeks);
  expect(one.errors).toEqual([]);
  await context.close();

  // Back to 1 worker on the first page: rebuilt by replay, the same state.
  await app.setWorkers(1);
  expect(await app.tables()).toEqual(fourCut);
  expect(app.errors).toEqual([]);
});
