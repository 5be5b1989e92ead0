/**
 * Seeing the dataflow (issue #8) in the built playground, driven the way a person does:
 * the SCC demo (nested loops) opened from a share link and run; the plan graph with both
 * inner loops nested in the outer one and their feedback edges; an edge changed and a
 * tick, after which exactly the operators that did work are highlighted; an operator
 * clicked (details, and the editor on its line); the time grid of the `cut` inspect
 * label with its iteration columns and a cell's accumulated contents; the timeline
 * rewound, forked and two runs compared; a 30-operator program laid out in the page.
 * Screenshots of the graph and the grid (light and dark) go to docs/.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Playground, linkTo } from './pages.js';

const SCC = {
  'scc.ddp': readFileSync('demos/scc/scc.ddp', 'utf8'),
  'session.txt': readFileSync('demos/scc/session.txt', 'utf8'),
};

/** A share link that opens these files and runs the script. */
function link(files: Record<string, string>, script: string): string {
  return linkTo({ v: 1, files, script, run: true });
}

/** Opens the SCC demo from a link and waits for its script (three ticks). */
async function openScc(page: Page): Promise<Playground> {
  const app = new Playground(page);
  await app.openAndWaitForScript(link(SCC, 'session.txt'), '3', 20_000);
  return app;
}

function inside(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return (
    a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5
  );
}

test.describe('see the dataflow', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1500, height: 950 });
  });

  test('the plan graph of the SCC demo shows both loops nested in the outer one, with feedback edges @smoke', async ({
    page,
  }) => {
    const app = await openScc(page);
    await app.showTab('Plan');
    await expect(app.plan.locator('[data-operator]').first()).toBeVisible();
    const ops = await app.operators();
    const kinds = new Set(ops.map((o) => o.op));
    for (const kind of [
      'input',
      'map',
      'concat',
      'arrange',
      'join',
      'min',
      'distinct',
      'inspect',
      'variable',
      'export',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(ops.filter((o) => o.op === 'variable')).toHaveLength(4);
    // Scopes as nested boxes: fwd and bwd inside scc.
    const scc = await app.scopeBox('scc');
    expect(inside(await app.scopeBox('fwd'), scc)).toBe(true);
    expect(inside(await app.scopeBox('bwd'), scc)).toBe(true);
    // One feedback edge per loop variable, dashed and labelled.
    const feedback = app.plan.locator('[data-edge="feedback"]');
    await expect(feedback).toHaveCount(4);
    await expect(feedback.first().locator('text')).toHaveText('feedback');
    const dash = await feedback
      .first()
      .locator('path')
      .evaluate((p) => getComputedStyle(p).strokeDasharray);
    expect(dash).not.toBe('none');
    // Shared arrangements appear once, with an edge to each reader.
    const shared = app.plan.locator('[data-operator].is-shared');
    expect(await shared.count()).toBeGreaterThan(0);
    // Every operator shows its work of the last tick.
    expect(ops.every((o) => Number.isInteger(o.work) && o.work >= 0)).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });

  test('after changing one edge and a tick, exactly the operators that did work are highlighted', async ({
    page,
  }) => {
    const app = await openScc(page);
    await app.run('feed scc 0 2,1');
    await app.run('tick');
    await expect(app.epoch).toHaveText('4');
    await app.showTab('Plan');
    await expect(app.plan.getByText(/did work in the last tick \(to epoch 4\)/)).toBeVisible();
    const ops = await app.operators();
    const busy = ops.filter((o) => o.work > 0);
    const idle = ops.filter((o) => o.work === 0);
    expect(busy.length).toBeGreaterThan(0);
    expect(idle.length).toBeGreaterThan(0);
    expect(ops.every((o) => o.busy === o.work > 0)).toBe(true);
    // Idle operators are drawn grey (dimmer text than busy ones).
    const colour = (id: string) =>
      app.plan.locator(`[data-id="${id}"] .plan-node-title`).evaluate((t) => getComputedStyle(t).fill);
    expect(await colour(idle[0]?.id ?? '')).not.toBe(await colour(busy[0]?.id ?? ''));

    // Clicking an operator shows its details and puts the editor on its line (focusing
    // it first brings it into view, as Tab does).
    const inspect = app.plan.locator('[data-operator="inspect"]');
    await inspect.focus();
    await inspect.click();
    const details = page.getByRole('region', { name: 'Operator details' });
    await expect(details).toContainText('scc.ddp line 42');
    await expect(details).toContainText('var cut = edges - both_ok | inspect(cut);');
    await expect(details).toContainText(/in \d+ · out \d+/);
    await expect(page.locator('.monaco-editor .active-line-number').first()).toHaveText('42');
    await page.screenshot({ path: 'e2e/screenshots/plan-details.png' });

    // Any busy operator (here a join) lists updates that crossed it in the last tick.
    const busyJoin = app.plan.locator('[data-operator="join"]:not([data-work="0"])').first();
    await busyJoin.focus();
    await busyJoin.click();
    const updates = details.getByRole('table', { name: 'updates in the last tick' });
    await expect(updates.locator('tbody tr').first()).toBeVisible();
    await expect(updates.locator('tbody tr').first()).toContainText(/\[3,/);
  });

  test('the time grid of an inspect label shows epochs × iterations and a cell’s accumulated contents', async ({
    page,
  }) => {
    const app = await openScc(page);
    await app.showTab('Time grid');
    const grid = page.getByRole('table', { name: 'time grid cut', exact: true });
    await expect(grid).toBeVisible();
    await expect(grid.locator('thead th')).toHaveText(['epoch \\ iteration', '0', '1']);
    const cell = (time: string) => grid.locator(`td[data-time="${time}"]`);
    await expect(cell('[0,0]')).toHaveAttribute('data-count', '1');
    await expect(cell('[0,1]')).toHaveAttribute('data-count', '2');
    await expect(cell('[0,1]')).toHaveAttribute('data-diff', '2');
    await expect(cell('[1,1]')).toHaveAttribute('data-diff', '-2');
    await expect(cell('[1,0]')).toHaveAttribute('data-count', '0');
    await cell('[0,1]').getByRole('button').click();
    const contents = page.getByRole('table', { name: 'contents at [0,1]' });
    const rows = await contents
      .locator('tr[data-row]')
      .evaluateAll((els) => els.map((e) => JSON.parse(e.getAttribute('data-row') ?? '[]') as unknown));
    expect(rows).toEqual([
      [[1], [3], 1],
      [[4], [5], 1],
      [[6], [2], 1],
    ]);
    // At [1,1] the two cuts of round 1 are undone: only the first remains.
    await cell('[1,1]').getByRole('button').click();
    await expect(page.getByRole('table', { name: 'contents at [1,1]' }).locator('tr[data-row]')).toHaveCount(
      1,
    );
  });

  test('the timeline rewinds to an earlier command, forks from there, and compares two runs', async ({
    page,
  }) => {
    const app = await openScc(page);
    await app.showTab('Timeline');
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem')).toHaveCount(13);
    // Rewind to just after the first tick (command 9): epoch 1, the rest kept but undone.
    await timeline.getByRole('button', { name: /command 9: tick/ }).click();
    await expect(app.epoch).toHaveText('1');
    await expect(timeline.locator('li[data-state="ahead"]')).toHaveCount(4);
    await expect(timeline.locator('li[data-state="current"]')).toContainText('tick');
    await page.getByRole('button', { name: 'Fork from here' }).click();
    await expect(timeline.getByRole('listitem')).toHaveCount(9);
    // A different future: 1 -> 2 closes no cycle, but 3 -> 1 joins 1 into {3, 4}.
    await app.run('feed scc 0 3,1');
    await app.run('tick');
    await expect(app.epoch).toHaveText('2');
    await app.showTab('Timeline');
    await expect(timeline.getByRole('listitem')).toHaveCount(11);
    const compare = page.getByRole('region', { name: 'Compare runs' });
    await expect(compare.getByRole('combobox', { name: 'Before' })).toHaveValue('1');
    await expect(compare.getByRole('combobox', { name: 'After' })).toHaveValue('current');
    const changes = compare.locator('[data-trace="scc/component"] li');
    const rows = await changes.evaluateAll((els) =>
      els.map(
        (e) => [e.getAttribute('data-change'), JSON.parse(e.getAttribute('data-row') ?? '[]')] as unknown,
      ),
    );
    // Run 1 ended with {1} {2} {3,4} {5,6}; now 1 is in 3's component and labels it.
    expect(rows).toEqual([
      ['added', [[3], [1], 1]],
      ['added', [[4], [1], 1]],
      ['removed', [[3], [3], 1]],
      ['removed', [[4], [3], 1]],
    ]);
  });

  test('screenshots of the plan graph and the time grid, light and dark', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    const app = await openScc(page);
    await app.run('feed scc 0 2,1');
    await app.run('tick');
    // Give the results most of the width.
    await page.getByRole('separator', { name: 'Resize editor and results' }).focus();
    await page.keyboard.press('Home');
    await app.showTab('Plan');
    await expect(app.plan.locator('[data-operator]').first()).toBeVisible();
    // Bring the top of the outer loop and the inner fwd loop into view.
    await app.plan.locator('[data-id="scc|1.10"]').focus();
    await app.plan.locator('[data-id="scc|2.7"]').focus();
    await app.plan.locator('[data-id="scc|2.7"]').blur();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await app.plan.screenshot({ path: `docs/plan-graph${scheme === 'dark' ? '-dark' : ''}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await app.showTab('Time grid');
    const grid = page.getByRole('table', { name: 'time grid cut', exact: true });
    await grid.locator('td[data-time="[0,1]"] button').click();
    const box = await page.locator('.tg-panel').boundingBox();
    if (box === null) throw new Error('no time grid panel');
    const clip = { x: box.x, y: box.y, width: Math.min(box.width, 820), height: box.height };
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `docs/time-grid${scheme === 'dark' ? '-dark' : ''}.png`, clip });
    }
  });
});

test.describe('plan layout time', () => {
  // Wall time on a shared 2-core machine: one retry absorbs a burst of other load.
  test.describe.configure({ retries: 1 });

  test('a 30-operator program lays out in under 500 ms in the layout worker, the page staying responsive', async ({
    page,
  }) => {
    const app = new Playground(page);
    const files = {
      'cc.ddp': readFileSync('examples/programs/congruence-closure.ddp', 'utf8'),
      'session.txt': 'install cc cc.ddp\n',
    };
    await page.goto(link(files, 'session.txt'));
    await expect(app.console.locator('[data-event*="installed"]')).toHaveCount(1, {
      timeout: 20_000,
    });
    await app.showTab('Plan');
    // Measure the page's frames while the layout runs: the main thread never stalls.
    await page.evaluate(() => {
      const w = window as unknown as { maxGap: number };
      w.maxGap = 0;
      let last = performance.now();
      const frame = (now: number): void => {
        w.maxGap = Math.max(w.maxGap, now - last);
        last = now;
        if (document.querySelectorAll('[data-operator]').length === 0) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await expect(app.plan.locator('[data-operator]').first()).toBeVisible({ timeout: 10_000 });
    const operators = await app.plan.locator('[data-operator]').count();
    expect(operators).toBeGreaterThanOrEqual(30);
    const status = (await app.plan.locator('.plan-status').textContent()) ?? '';
    const ms = Number(/layout (\d+) ms/.exec(status)?.[1] ?? NaN);
    const maxGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    console.log(
      `plan layout of ${operators} operators: ${ms} ms in the worker; longest frame gap ${maxGap.toFixed(0)} ms`,
    );
    expect(ms).toBeLessThan(500);
    expect(app.consoleErrors).toEqual([]);
  });
});
