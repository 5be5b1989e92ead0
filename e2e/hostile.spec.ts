/**
 * Hostile input is data, never code (issue #10): program names, export names, file names,
 * values and error messages holding `<img onerror>` and `<script>` payloads are shown as
 * literal text in the console and the Programs tab, and nothing they carry ever runs
 * (`window.__pwned` stays undefined). The built page's Content Security Policy allows no
 * remote origin and no eval.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Playground } from './pages.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const IMG = '<img/src=x/onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';

/** What the payloads would have set, had any of them run. */
async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => window.__pwned);
}

test('names, values and error messages with HTML payloads render as text and never run', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.epoch).toHaveText('2', { timeout: 5000 });

  // A program whose export name and comment carry payloads, installed under a payload name.
  await app.newFile(
    'hostile.ddp',
    `-- ${SCRIPT}\nexport "${IMG}" = input 0 | key($0[0] ;) | inspect(seen);\n`,
  );
  await app.run(`install ${IMG} hostile.ddp`);
  await app.run(`feed ${IMG} 0 7`);
  await app.run('tick');
  await app.run(`peek ${IMG}`);
  await expect(app.console.getByText(IMG).first()).toBeVisible();

  // Error messages quoting payloads: a second install under the same name, an unknown
  // file and an unknown trace.
  await app.run(`install ${IMG} hostile.ddp`);
  await app.run(`install x ${SCRIPT}`);
  await app.run(`peek ${SCRIPT}`);
  await app.run(`feed ${SCRIPT} 0 1`);
  await expect.poll(async () => (await app.errorMessages()).length).toBeGreaterThanOrEqual(4);
  const errors = await app.errorMessages();
  expect(errors).toContain(`a program named "${IMG}" is already installed`);
  expect(errors).toContain(`cannot read program file "${SCRIPT}"`);
  expect(errors).toContain(`unknown trace "${SCRIPT}"`);
  await expect(app.console.getByText(`unknown trace "${SCRIPT}"`).first()).toBeVisible();

  // The Programs tab names the program literally too.
  await app.tab('Programs').click();
  await expect(page.getByRole('article', { name: `program ${IMG}` })).toBeVisible();

  // Nothing was parsed as HTML: no such elements exist, and nothing ran.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('body script').count()).toBe(0);
  expect(await pwned(page)).toBeUndefined();
  expect(app.pageErrors).toEqual([]);
});

test('the built page has a CSP meta that forbids eval and remote origins', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const csp =
    (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toMatch(/unsafe-eval/);
  expect(csp).not.toMatch(/https?:|\*/);

  // The policy is in force: an injected inline script is refused and does not run.
  const violated = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__pwned = 3';
        document.head.append(script);
        setTimeout(() => resolve('none'), 2000);
      }),
  );
  expect(violated).toBe('script-src-elem');
  expect(await pwned(page)).toBeUndefined();
});
