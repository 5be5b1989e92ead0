/**
 * Sharing (PLAYGROUND.md part 7 and "Share URL format"), as a person does it: Share a
 * changed workspace, open the link in a fresh browser (same files, same tables, the hash
 * gone from the address); a link built by hand from the documented format runs; a
 * damaged link says so and opens the default demo; a shared runaway program stops at the
 * run budget with the page responsive; Export downloads a zip the reference server runs.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Playground, linkTo as handMadeLink } from './pages.js';
import { readZip } from '../tests/zip-reader.js';

test('Share, then open the link in a fresh browser: same files, same tables @smoke', async ({
  page,
  browser,
}) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.epoch).toHaveText('2', { timeout: 15_000 });
  // Make the workspace the user's own: one more edge, then run again.
  await app.run('feed reach 0 3,4');
  await app.newFile('notes.txt');
  await expect.poll(() => app.fileNames()).toEqual(['notes.txt', 'reach.ddp', 'session.txt']);
  await app.idle();
  const tables = await app.traceTables();
  expect(Object.keys(tables)).toEqual(['reach']);

  const link = await app.share();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#s=[A-Za-z0-9+\-$]+$/);
  await expect(page.getByTestId('share-length')).toHaveText(`${link.length} characters`);
  await page.screenshot({ path: 'e2e/screenshots/share-popover.png' });

  const fresh = await browser.newContext();
  const other = new Playground(await fresh.newPage());
  await other.open(link);
  await expect(other.epoch).toHaveText('2', { timeout: 15_000 });
  await other.idle();
  expect(await other.fileNames()).toEqual(['notes.txt', 'reach.ddp', 'session.txt']);
  expect(await other.traceTables()).toEqual(tables);
  expect(await other.page.evaluate(() => location.hash)).toBe('');
  // The same workspace shares as the same link.
  expect(await other.share()).toBe(link);
  // A reload restores the autosaved workspace, not the link.
  await other.page.reload();
  await expect(other.epoch).toHaveText('2', { timeout: 15_000 });
  expect(await other.fileNames()).toEqual(['notes.txt', 'reach.ddp', 'session.txt']);
  expect(other.consoleErrors).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
  await fresh.close();
});

test('a link built by hand to the documented format opens and runs', async ({ page }) => {
  const app = new Playground(page);
  await app.open(
    handMadeLink({
      v: 1,
      files: {
        'count.ddp': 'export "counts" = input 0 | key($0[0] ;) | count;\n',
        'go.txt': 'install c count.ddp\nfeed c 0 7\nfeed c 0 7\nfeed c 0 9\ntick\npeek counts\n',
        'a.txt': 'tick\n',
      },
      script: 'go.txt',
      workers: 2,
      run: true,
      comment: 'unknown fields are ignored',
    }),
  );
  await expect(app.epoch).toHaveText('1', { timeout: 15_000 });
  await app.idle();
  expect(await app.traceTables()).toEqual({
    counts: [
      [[7], [2], 1],
      [[9], [1], 1],
    ],
  });
  await expect(page.getByRole('combobox', { name: 'Workers' })).toHaveValue('2');
  await expect(page.getByRole('tab', { name: /go\.txt/ })).toContainText('▶');
  expect(await page.evaluate(() => location.hash)).toBe('');
  expect(app.consoleErrors).toEqual([]);
});

test('a link without run: true opens the files and offers to run them', async ({ page }) => {
  const app = new Playground(page);
  await app.open(
    handMadeLink({ files: { 'p.ddp': 'export "p" = input 0;\n', 's.txt': 'install p p.ddp\ntick\n' } }),
  );
  await expect(app.notice).toHaveText(
    /Opened a shared workspace \(2 files\)\. Press Run script to run s\.txt\./,
  );
  await expect(app.epoch).toHaveText('0');
  await app.button('Run script').click();
  await expect(app.epoch).toHaveText('1');
});

test('a damaged link says so and opens the default demo', async ({ page }) => {
  const app = new Playground(page);
  const good = handMadeLink({ files: { 'p.ddp': 'export "p" = input 0;\n', 's.txt': 'tick\n' } });
  await app.open(good.slice(0, Math.floor(good.length * 0.6)));
  await expect(app.notice).toContainText('This share link could not be opened: the link is damaged');
  await expect(app.notice).toContainText('Opened the default demo instead.');
  await expect(app.epoch).toHaveText('2', { timeout: 15_000 });
  expect(await app.fileNames()).toEqual(['reach.ddp', 'session.txt']);
  await page.screenshot({ path: 'e2e/screenshots/share-damaged.png' });

  await app.open(handMadeLink({ v: 7, files: {} }));
  await expect(app.notice).toContainText('made by a newer playground (format v7');
  expect(app.consoleErrors).toEqual([]);
});

test('a shared runaway program stops at the run budget and the page stays responsive', async ({ page }) => {
  const app = new Playground(page);
  await app.open(
    handMadeLink({
      files: {
        'runaway.ddp':
          'count_up: {\n    var n = seeds + (n | map($0[0] + 1 ;)) | distinct;\n}\nlet seeds = input 0 | key($0[0] ;);\nexport "numbers" = count_up::n;\n',
        'go.txt': 'install counter runaway.ddp\nfeed counter 0 0\ntick\n',
      },
      run: true,
    }),
  );
  // While the tick runs, the page answers: the file tabs switch.
  await page.getByRole('tab', { name: /go\.txt/ }).click();
  await expect(page.getByRole('tab', { name: /go\.txt/ })).toHaveAttribute('aria-selected', 'true');
  await expect(app.epoch).toHaveText('1', { timeout: 30_000 });
  const error = (await app.events()).find((e) => e.event === 'error');
  expect(String(error?.message)).toMatch(/program "counter" failed .* did not converge within|seconds/);
});

test('Export downloads a zip with the programs, the script and a README', async ({ page }) => {
  const app = new Playground(page);
  await app.open('/#demo=sharing');
  const download = page.waitForEvent('download');
  await app.button('Export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('sharing.zip');
  const entries = readZip(new Uint8Array(readFileSync(await file.path())));
  expect(entries.map((e) => e.path).sort()).toEqual([
    'sharing/README.md',
    'sharing/busy.ddir',
    'sharing/roads.ddp',
    'sharing/session.txt',
    'sharing/trip.ddp',
  ]);
  const script = entries.find((e) => e.path === 'sharing/session.txt')?.text ?? '';
  expect(script).toContain('install trip trip.ddp');
  expect(entries.find((e) => e.path === 'sharing/README.md')?.text).toContain(
    '--example ddir_server -- session.txt',
  );
});

test('an unchanged demo shares by name; a long link is offered as a file', async ({ page }) => {
  const app = new Playground(page);
  await app.open('/#demo=values');
  expect(await app.share()).toBe('http://127.0.0.1:4173/#demo=values');
  await expect(app.button('Download link')).toHaveCount(0);

  // Text that does not compress: a link far past 2,000 characters.
  let seed = 7;
  const noise = Array.from({ length: 4000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return String.fromCharCode(97 + (seed % 26));
  }).join('');
  await app.open(
    handMadeLink({ files: { 'p.ddp': `-- ${noise}\nexport "p" = input 0;\n`, 's.txt': 'tick\n' } }),
  );
  await expect(app.notice).toContainText('Opened a shared workspace');
  const link = await app.share();
  expect(link.length).toBeGreaterThan(2000);
  const download = page.waitForEvent('download');
  await app.button('Download link').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ddir-share-link.txt');
  expect(readFileSync(await file.path(), 'utf8')).toBe(`${link}\n`);
});
