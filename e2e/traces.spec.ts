/**
 * The trace tables (PLAYGROUND.md part 4) in the built playground, driven the way a
 * person does: the default demo's trace next to its `peek` events, a tick's highlight,
 * the key filter, copy as JSON, the changes log, contents as of a past epoch, 100,000
 * rows scrolled with the keyboard, and both themes (screenshots in e2e/screenshots/).
 */
import { expect, test } from '@playwright/test';
import { Playground } from './pages.js';

test.describe('trace tables', () => {
  test('the default demo shows its trace as peek does, with the retracted row as a ghost @smoke', async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.openAndWaitForScript();
    await app.showTab('Traces');
    const table = app.traceTable('reach');
    await expect(table).toBeVisible();
    await expect(table.locator('tr[data-row]')).toHaveCount(3);
    const peeks = await app.peeks('reach');
    expect(await app.traceRows('reach')).toEqual(peeks[peeks.length - 1]);
    // The last tick retracted node 4: it stays visible, struck through, but is no data row.
    const ghost = table.locator('tr[data-removed-row]');
    await expect(ghost).toHaveCount(1);
    expect(JSON.parse((await ghost.getAttribute('data-removed-row')) ?? '')).toEqual([[4], [], 1]);
    await expect(ghost).toContainText('removed');
    await expect(table.getByRole('columnheader', { name: 'mult' })).toBeVisible();
    await expect(app.traceSection('reach')).toContainText('3 rows');
    expect(app.consoleErrors).toEqual([]);
  });

  test('a tick highlights what it added, and filter, copy and the change log follow', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const app = new Playground(page);
    await app.openAndWaitForScript();
    await app.run('feed reach 0 3,9');
    await app.run('feed reach 0 9,10');
    await app.run('tick');
    await expect(app.epoch).toHaveText('3');
    await app.run('peek reach');
    await expect.poll(async () => (await app.peeks('reach')).length).toBe(3);
    const peek = (await app.peeks('reach'))[2];

    await app.showTab('Traces');
    const table = app.traceTable('reach');
    await expect(table.locator('tr[data-row]')).toHaveCount(5);
    expect(await app.traceRows('reach')).toEqual(peek);
    await expect(table.locator('tr.is-added')).toHaveCount(2);
    await expect(table.locator('tr.is-added').first()).toHaveAttribute('data-row', '[[9],[],1]');

    // The key filter matches the printed key.
    const section = app.traceSection('reach');
    await section.getByRole('searchbox', { name: 'Filter reach by key' }).fill('(1');
    expect(await app.traceRows('reach')).toEqual([
      [[1], [], 1],
      [[10], [], 1],
    ]);
    await expect(section).toContainText('2 of 5 rows');

    // Copy as JSON gives exactly the filtered rows, in the SERVER.md encoding.
    await section.getByRole('button', { name: 'Copy reach as JSON' }).click();
    await expect(section.getByRole('status')).toHaveText('Copied 2 rows as JSON');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied)).toEqual(await app.traceRows('reach'));
    await section.getByRole('searchbox', { name: 'Filter reach by key' }).fill('');

    // The change log ends with this tick's two additions, at epoch 2, in green.
    await section.getByRole('button', { name: 'Changes' }).click();
    const log = page.getByRole('table', { name: 'changes reach', exact: true });
    const last = log.locator('tr[data-change]').last();
    await expect(last).toHaveAttribute('data-change', '[[10],[],2,1]');
    await expect(last).toHaveClass(/is-plus/);
    await expect(log.locator('tr.is-minus')).toHaveCount(1); // node 4, at epoch 1
    expect(app.consoleErrors).toEqual([]);
  });

  test('contents as of a past epoch equal what peek said then', async ({ page }) => {
    const app = new Playground(page);
    await app.openAndWaitForScript();
    const [first, second] = await app.peeks('reach');
    await app.showTab('Traces');
    const slider = app.traceSection('reach').getByRole('slider');
    await expect(slider).toHaveValue('1');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider).toHaveValue('0');
    await expect(app.traceTable('reach').locator('tr[data-row]')).toHaveCount(4);
    expect(await app.traceRows('reach')).toEqual(first);
    await app.traceSection('reach').getByRole('button', { name: 'Latest' }).click();
    await expect(slider).toHaveValue('1');
    expect(await app.traceRows('reach')).toEqual(second);
  });

  test('100,000 rows render as a window and scroll to the end with the keyboard', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new Playground(page);
    await app.openAndWaitForScript();
    // Edit the program into one over a generated source of 100,000 rows and install it.
    await app.replaceText(
      'reach.ddp',
      'export "big" = import "iota:100000" | key($0[0] ; $0[0] * 3, inject(1, $0[0]));\n',
    );
    await app.run('install big reach.ddp');
    await app.run('tick');
    await expect(app.epoch).toHaveText('3', { timeout: 60_000 });
    await app.showTab('Traces');
    const table = app.traceTable('big');
    await expect(table).toHaveAttribute('aria-rowcount', '100001', { timeout: 30_000 });
    const rendered = await table.locator('tr[data-row]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect((await app.traceRows('big'))[0]).toEqual([[0], [0, { tag: 1, val: 0 }], 1]);

    await app.traceSection('big').locator('.trace-scroll').focus();
    await page.keyboard.press('End');
    await expect(table.locator('tr[data-row]').last()).toHaveAttribute(
      'data-row',
      '[[99999],[299997,{"tag":1,"val":99999}],1]',
    );
    expect(await table.locator('tr[data-row]').count()).toBeLessThan(100);
    expect(app.consoleErrors).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the traces panel in the ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 720 });
      const app = new Playground(page);
      await app.openAndWaitForScript();
      // One tick that adds a route to 4, cuts 2 -> 3 (3 goes) and adds 1 -> 7.
      await app.run('feed reach 0 1,4');
      await app.run('feed reach 0 2,3 diff=-1');
      await app.run('feed reach 0 1,7');
      await app.run('tick');
      await expect(app.epoch).toHaveText('3');
      await app.showTab('Traces');
      await expect(app.traceTable('reach').locator('tr[data-row]')).toHaveCount(4);
      await expect(app.traceTable('reach').locator('tr[data-removed-row]')).toHaveCount(1);
      await page.screenshot({ path: `e2e/screenshots/traces-${scheme}.png`, animations: 'disabled' });
      expect(app.consoleErrors).toEqual([]);
    });
  }
});
