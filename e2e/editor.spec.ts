/**
 * The Monaco code editor in the playground (the demo's reach.ddp): live diagnostics as markers, hover docs,
 * completion, Ctrl+Enter, Format, leaving the editor with the keyboard, both themes —
 * all in the production build, with no console errors.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The first page, seen through what a person uses. */
class EditorPage {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
  }

  get input(): Locator {
    return this.page.getByRole('textbox', { name: 'reach.ddp' });
  }

  get editor(): Locator {
    return this.page.locator('.code-editor .monaco-editor');
  }

  get summary(): Locator {
    return this.page.getByTestId('diagnostic-summary');
  }

  get diagnostics(): Locator {
    return this.page.getByRole('list', { name: 'Diagnostics' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.editor).toBeVisible();
    await expect(this.summary).toHaveText('No errors');
  }

  /** Replaces the whole text, as a paste would. */
  async replaceText(text: string): Promise<void> {
    await this.input.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }

  /** Puts the cursor at the end of the text. */
  async toEnd(): Promise<void> {
    await this.input.focus();
    await this.page.keyboard.press('ControlOrMeta+End');
  }

  /** The text the editor shows (its rendered lines). */
  async shownText(): Promise<string> {
    const text = await this.editor.locator('.view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** A token of the rendered text, by its exact text. */
  token(text: string): Locator {
    return this.editor.locator('.view-line span span', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).first();
  }
}

test('the editor marks a typed mistake where it is and clears it once fixed @smoke', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  // Keywords take the theme's colour (light, then dark once the system says so).
  await expect(app.token('let').first()).toHaveCSS('color', 'rgb(207, 34, 46)');
  await page.screenshot({ path: 'e2e/screenshots/editor-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(app.token('let').first()).toHaveCSS('color', 'rgb(255, 123, 114)');
  await page.screenshot({ path: 'e2e/screenshots/editor-dark.png' });

  await app.replaceText('let a = input 0 | key($0 ;);\nexport "x" = b;\n');
  await expect(app.summary).toHaveText('1 error');
  await expect(app.diagnostics).toContainText('2:14');
  await expect(app.diagnostics).toContainText('unknown name');
  await expect(app.editor.locator('.squiggly-error')).toHaveCount(1);
  // The squiggle sits under `b` (line 2, column 14), not elsewhere.
  const squiggle = await app.editor.locator('.squiggly-error').boundingBox();
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

  await app.replaceText('let a = input 0 | key($0 ;);\nexport "x" = a;\n');
  await expect(app.summary).toHaveText('No errors');
  await expect(app.editor.locator('.squiggly-error')).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('hovering an operator or a name explains it', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
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
  const app = new EditorPage(page);
  await app.open();
  await app.toEnd();
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
  const app = new EditorPage(page);
  await app.open();
  await app.input.focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('region', { name: 'Console' })).toContainText(
    'Run script session.txt: a fresh session',
  );

  await app.replaceText('let a=input 0|key($0;);   -- keep me\nexport "x"=a;\n');
  await expect(app.summary).toHaveText('No errors');
  await page.keyboard.press('Shift+Alt+F');
  await expect.poll(() => app.shownText()).toBe('let a = input 0 | key($0 ;); -- keep me\nexport "x" = a;');

  // A broken file is left alone.
  await app.replaceText('let a = ;\n');
  await expect(app.summary).toHaveText(/error/);
  await page.keyboard.press('Shift+Alt+F');
  expect(await app.shownText()).toBe('let a = ;');

  await expect(app.input).toHaveAccessibleDescription(/Ctrl\+M .* lets Tab leave the editor/);
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  const inEditor = await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null);
  expect(inEditor).toBe(false);
  expect(app.consoleErrors).toEqual([]);
});
