/**
 * The Monaco code editor in the playground (the demo's reach.ddp): live diagnostics as markers, hover docs,
 * completion, Ctrl+Enter, Format, leaving the editor with the keyboard, both themes —
 * all in the production build, with no console errors.
 */
import { expect, test } from '@playwright/test';
import { Playground } from './pages.js';

test('the editor marks a typed mistake where it is and clears it once fixed @smoke', async ({ page }) => {
  const app = new Playground(page);
  await app.openEditor();
  // Keywords take the theme's colour (light, then dark once the system says so).
  await expect(app.token('let').first()).toHaveCSS('color', 'rgb(207, 34, 46)');
  await page.screenshot({ path: 'e2e/screenshots/editor-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(app.token('let').first()).toHaveCSS('color', 'rgb(255, 123, 114)');
  await page.screenshot({ path: 'e2e/screenshots/editor-dark.png' });

  await app.replaceText('reach.ddp', 'let a = input 0 | key($0 ;);\nexport "x" = b;\n');
  await expect(app.summary).toHaveText('1 error');
  await expect(app.diagnostics).toContainText('2:14');
  await expect(app.diagnostics).toContainText('unknown name');
  await expect(app.codeEditor.locator('.squiggly-error')).toHaveCount(1);
  // The squiggle sits under `b` (line 2, column 14), not elsewhere.
  const squiggle = await app.codeEditor.locator('.squiggly-error').boundingBox();
  const b = await app.token('b').boundingBox();
  expect(squiggle).not.toBeNull();
  expect(b).not.toBeNull();
  if (squiggle !== null && b !== null) {
    // The token's box may start with the space before `b`; its right edge is `b`'s.
    expect(Math.abs(squiggle.x + squiggle.width - (b.x + b.width))).toBeLessThan(2);
    expect(Math.abs(squiggle.y - b.y)).toBeLessThan(b.height);
  }
  await page.mouse.move(b?.x ?? 0, (b?.y ?? 0) + 4);
  await expect(page.locator('.monaco-hover').filter({ hasText: 'unknown name' }).first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/editor-dark-error.png' });

  await app.replaceText('reach.ddp', 'let a = input 0 | key($0 ;);\nexport "x" = a;\n');
  await expect(app.summary).toHaveText('No errors');
  await expect(app.codeEditor.locator('.squiggly-error')).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('hovering an operator or a name explains it', async ({ page }) => {
  const app = new Playground(page);
  await app.openEditor();
  await app.token('distinct').hover();
  const hover = page.locator('.monaco-hover:visible');
  await expect(hover).toContainText('Reducer');
  await page.mouse.move(0, 0);
  await expect(hover).toHaveCount(0);
  await app.token('edges').hover();
  await expect(page.locator('.monaco-hover:visible')).toContainText(
    'let edges = input 0 | key($0[0] ; $0[1]);',
  );
  await page.screenshot({ path: 'e2e/screenshots/editor-hover.png' });
  expect(app.consoleErrors).toEqual([]);
});

test('completion offers operators after a pipe, names in scope and generated sources', async ({ page }) => {
  const app = new Playground(page);
  await app.openEditor();
  await app.moveToEnd('reach.ddp');
  // At a person's pace: completion re-triggers on each word boundary.
  const type = (text: string) => page.keyboard.type(text, { delay: 40 });
  await type('let z = ');
  const suggest = page.locator('.suggest-widget.visible');
  await expect(suggest).toContainText('edges');
  await expect(suggest).toContainText('reach::next');
  await type('edges | ');
  await expect(suggest).toContainText('join');
  await expect(suggest).toContainText('distinct');
  await page.screenshot({ path: 'e2e/screenshots/editor-completion.png' });
  await type('disti');
  await page.keyboard.press('Enter');
  await type(';\nlet t = import "');
  await expect(suggest).toContainText('clock');
  await page.keyboard.press('Escape');
  expect(await app.shownText()).toContain('let z = edges | distinct;');
  expect(app.consoleErrors).toEqual([]);
});

test('Ctrl+Enter runs, Shift+Alt+F formats, Ctrl+M lets Tab leave the editor', async ({ page }) => {
  const app = new Playground(page);
  await app.openEditor();
  await app.editor('reach.ddp').focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(app.console).toContainText('Run script session.txt: a fresh session');

  await app.replaceText('reach.ddp', 'let a=input 0|key($0;);   -- keep me\nexport "x"=a;\n');
  await expect(app.summary).toHaveText('No errors');
  await page.keyboard.press('Shift+Alt+F');
  await expect.poll(() => app.shownText()).toBe('let a = input 0 | key($0 ;); -- keep me\nexport "x" = a;');

  // A broken file is left alone.
  await app.replaceText('reach.ddp', 'let a = ;\n');
  await expect(app.summary).toHaveText(/error/);
  await page.keyboard.press('Shift+Alt+F');
  expect(await app.shownText()).toBe('let a = ;');

  await expect(app.editor('reach.ddp')).toHaveAccessibleDescription(/Ctrl\+M .* lets Tab leave the editor/);
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  const inEditor = await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null);
  expect(inEditor).toBe(false);
  expect(app.consoleErrors).toEqual([]);
});
