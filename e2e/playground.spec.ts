/**
 * The playground shell, driven the way a person uses it: the demo's results on first
 * load; writing a program (mistake marked, then fixed); installing, feeding, ticking,
 * peeking and dropping from the console and the Programs tab; stopping a runaway tick
 * with the page responsive; and finding everything again after a reload.
 */
import { expect, test } from '@playwright/test';
import { Playground } from './pages.js';

const REACH_ROWS = [
  [[1], [], 1],
  [[2], [], 1],
  [[3], [], 1],
];

test('the demo runs on first load and shows its results @smoke', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.epoch).toHaveText('2', { timeout: 5000 });
  await expect
    .poll(() => app.last('peek'))
    .toEqual({ event: 'peek', trace: 'reach', key: null, rows: REACH_ROWS });
  await expect(app.console.getByRole('table', { name: 'peek reach' }).last()).toBeVisible();
  // Inspect updates show their time and a signed diff.
  await expect(app.console.locator('.console-inspect .minus').first()).toContainText('-1');
  await expect(app.summary).toHaveText('No errors');
  await page.screenshot({ path: 'e2e/screenshots/playground-light.png' });

  await app.tab('Traces').click();
  await expect(page.getByRole('table', { name: 'trace reach' })).toBeVisible();
  await app.tab('Programs').click();
  await expect(page.getByRole('article', { name: 'program reach' })).toContainText('inputs');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.tab('Console').click();
  await page.screenshot({ path: 'e2e/screenshots/playground-dark.png' });
  expect(app.consoleErrors).toEqual([]);
});

test('write a program, fix its mistake, install, feed, tick, peek and drop it @smoke', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.epoch).toHaveText('2');

  // A mistake is marked where it is, then fixed.
  await app.newFile('hops.ddp', 'let r = import "reach";\nexport "hops" = q;\n');
  await expect(app.summary).toHaveText('1 error');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await app.replaceText('hops.ddp', 'let r = import "reach";\nexport "hops" = r | key($0[0] + 100 ;);\n');
  await expect(app.summary).toHaveText('No errors');

  // Install from the console (Tab completes the file name).
  await app.command.fill('install hops ho');
  await app.command.press('Tab');
  await expect(app.command).toHaveValue('install hops hops.ddp ');
  await app.command.press('Enter');
  await expect.poll(() => app.last('installed')).toEqual({ event: 'installed', name: 'hops' });

  // Feed and tick: the epoch moves and both traces grow.
  await app.run('feed reach 0 3,4');
  await app.button('Tick').click();
  await expect(app.epoch).toHaveText('3');
  await app.run('peek hops');
  await expect
    .poll(() => app.last('peek'))
    .toMatchObject({
      trace: 'hops',
      rows: [
        [[101], [], 1],
        [[102], [], 1],
        [[103], [], 1],
        [[104], [], 1],
      ],
    });

  // reach cannot be dropped while hops imports it: the button says why, the command is refused.
  await app.tab('Programs').click();
  const reachCard = page.getByRole('article', { name: 'program reach' });
  const dropReach = reachCard.getByRole('button', { name: 'Drop' });
  await expect(dropReach).toBeDisabled();
  await expect(dropReach).toHaveAccessibleDescription(/import "reach" \(1 importer\)/);
  await app.run('drop reach');
  await expect
    .poll(() => app.last('error'))
    .toMatchObject({ event: 'error', message: expect.stringMatching(/reach/) });
  await app.tab('Programs').click();

  // Feed through the form, then drop the importer and the producer.
  await reachCard.getByRole('textbox', { name: 'key for reach input 0' }).fill('4,5');
  await reachCard.getByRole('button', { name: 'Feed' }).first().click();
  await page.getByRole('article', { name: 'program hops' }).getByRole('button', { name: 'Drop' }).click();
  await expect(dropReach).toBeEnabled();
  await dropReach.click();
  await expect(page.getByRole('article', { name: 'program reach' })).toHaveCount(0);
  await app.tab('Console').click();
  const dropped = (await app.events()).filter((e) => e.event === 'dropped');
  expect(dropped).toEqual([
    { event: 'dropped', name: 'hops' },
    { event: 'dropped', name: 'reach' },
  ]);
  expect(app.consoleErrors).toEqual([]);
});

test('Stop interrupts a runaway tick; the page stays responsive and the state is restored', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.epoch).toHaveText('2');

  // A generous budget, so only Stop can end the loop quickly.
  await app.button('Budget').click();
  await page.getByRole('spinbutton', { name: 'Max seconds per tick' }).fill('120');
  await page.getByRole('spinbutton', { name: 'Max iterations per scope' }).fill('100000000');
  await page.getByRole('button', { name: 'Apply' }).click();

  await app.newFile(
    'grow.ddp',
    'let seed = input 0 | key($0[0] ;);\ngrow: {\n    var n = seed + (n | key($0[0] + 1 ;)) | distinct;\n}\nexport "n" = grow::n;\n',
  );
  await expect(app.summary).toHaveText('No errors');
  await app.run('install grow grow.ddp');
  await app.run('feed grow 0 1');
  await app.run('tick');
  await expect(app.button('Stop')).toBeEnabled();

  // The page answers while the tick runs: another tab opens at once.
  await app.tab('Programs').click();
  await expect(app.tab('Programs')).toHaveAttribute('aria-selected', 'true', { timeout: 1000 });
  await expect(page.getByRole('article', { name: 'program grow' })).toBeVisible({ timeout: 1000 });
  await app.tab('Console').click();
  await page.screenshot({ path: 'e2e/screenshots/playground-running.png' });

  // Stop returns control within a second: the workers are terminated and the state
  // before the tick is rebuilt by replay in that time.
  const started = Date.now();
  await app.button('Stop').click();
  await expect(app.console).toContainText('Stopped "tick"', { timeout: 1000 });
  expect(Date.now() - started).toBeLessThan(1000);
  await expect(app.button('Stop')).toBeDisabled();
  await expect(app.epoch).toHaveText('2');
  // The state before the tick is back: reach still answers, grow is installed with its row staged.
  await app.run('peek reach');
  await expect.poll(() => app.last('peek')).toMatchObject({ trace: 'reach', rows: REACH_ROWS });
  await app.run('list');
  await expect
    .poll(() => app.last('list'))
    .toMatchObject({ epoch: 2, programs: [{ name: 'grow' }, { name: 'reach' }] });
  // The diagnosis names the loop.
  await expect(app.console).toContainText(/Why "tick" ran long: .*grow/, { timeout: 15_000 });
  expect(app.consoleErrors).toEqual([]);
});

test('a reload finds the files and the results as they were', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.epoch).toHaveText('2');
  await app.newFile('notes.txt', '# my notes\npeek reach\n');
  await app.run('feed reach 0 3,4');
  await app.run('tick');
  await expect(app.epoch).toHaveText('3');
  await app.idle();
  await page.waitForTimeout(500); // autosave settles

  await page.reload();
  await expect(app.page.getByRole('tab', { name: 'notes.txt' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.epoch).toHaveText('3');
  await expect(app.console).toContainText('Restored the session: 11 commands replayed, epoch 3');
  await app.run('peek reach');
  await expect.poll(() => app.last('peek')).toMatchObject({ rows: [...REACH_ROWS, [[4], [], 1]] });
  expect(app.consoleErrors).toEqual([]);
});

test('Step walks through the script, highlighting each line; errors link to their source', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.epoch).toHaveText('2');
  await app.tab('session.txt').click();
  await app.button('Step').click();
  await expect.poll(() => app.last('installed')).toEqual({ event: 'installed', name: 'reach' });
  await expect(page.locator('.monaco-editor .ddir-step-line')).toHaveCount(1);
  await app.button('Step').click();
  await app.idle();
  await expect(app.console.locator('.console-command').last()).toContainText('feed reach 0 1,2 (line 3)');

  // An install error links to the program's line.
  await app.newFile('bad.ddp', 'let a = input 0 | key($0 ;);\nexport "x" = nope;\n');
  await app.run('install bad bad.ddp');
  const error = app.console.locator('.console-error').last();
  await expect(error).toContainText('not installed');
  await app.tab('reach.ddp').click();
  await error.getByRole('button', { name: /bad\.ddp:2:/ }).click();
  await expect(app.tab('bad.ddp')).toHaveAttribute('aria-selected', 'true');

  // A phone-sized screen shows one side at a time.
  await page.setViewportSize({ width: 390, height: 760 });
  await app.button('Results').click();
  await expect(app.console).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/playground-narrow.png' });
  await app.button('Editor').click();
  await expect(app.editor('bad.ddp')).toBeAttached();
  await expect(app.console).toBeHidden();
  expect(app.consoleErrors).toEqual([]);
});
