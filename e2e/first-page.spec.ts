/**
 * Smoke: the built playground loads in Chromium, checks the demo program without
 * errors, and reports a mistake the user types at the right place.
 */
import { expect, test } from '@playwright/test';
import { Playground } from './pages.js';

test('the first page checks the sample and reports a typed mistake @smoke', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.summary).toHaveText('No errors');
  await expect(app.epoch).toHaveText('2');
  await page.screenshot({ path: 'e2e/screenshots/first-page.png' });

  await app.replaceText('reach.ddp', 'let a = input 0 | key($0 ;);\nexport "x" = b;\n');
  await expect(app.summary).toHaveText('1 error');
  await expect(app.diagnostics).toContainText('2:14');
  await expect(app.diagnostics).toContainText('unknown name');
  expect(app.loggedErrors).toEqual([]);
});
