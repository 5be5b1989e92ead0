/**
 * Smoke: the built playground loads in Chromium, checks the demo program without
 * errors, and reports a mistake the user types at the right place.
 */
import { expect, test } from '@playwright/test';

test('the first page checks the sample and reports a typed mistake @smoke', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'DDIR Playground' })).toBeVisible();
  await expect(page.getByTestId('diagnostic-summary')).toHaveText('No errors');
  await expect(page.getByTestId('epoch')).toHaveText('2');
  await page.screenshot({ path: 'e2e/screenshots/first-page.png' });

  await page.getByRole('textbox', { name: 'reach.ddp' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('let a = input 0 | key($0 ;);\nexport "x" = b;\n');
  await expect(page.getByTestId('diagnostic-summary')).toHaveText('1 error');
  await expect(page.getByRole('list', { name: 'Diagnostics' })).toContainText('2:14');
  await expect(page.getByRole('list', { name: 'Diagnostics' })).toContainText('unknown name');
  expect(consoleErrors).toEqual([]);
});
