/**
 * The one page object of the e2e specs: the built playground seen the way a person uses
 * it, through accessible names and the test hooks of PLAYGROUND.md (`data-testid="epoch"`,
 * the console's `data-event`s, the trace tables' `data-row`s, the plan's `data-operator`s,
 * `window.ddirPlayground.idle()`). It offers
 *  - the page's errors: `consoleErrors` (console errors and uncaught exceptions),
 *    `loggedErrors` (console errors only) and `pageErrors` (uncaught exceptions only);
 *  - opening the page (`open`, `openAndWaitForScript`, `openEditor`) and a share link to
 *    a workspace (`linkTo`, the documented "Share URL format");
 *  - the shell: buttons, result tabs (`tab`, `showTab`), the epoch, the file tabs, the
 *    editor (`replaceText`, `newFile`, `moveToEnd`, `token`, `shownText`) and its
 *    diagnostics, the console (`run`, `runEach`, `events`, `last`, `peeks`);
 *  - the Traces tab (`traceSection`, `traceTable`, `traceRows`, `traceTables`), the Plan
 *    tab (`plan`, `operators`, `scopeBox`), the `Workers` setting (`setWorkers`,
 *    `poolWorkers`), Share (`share`, `shareLink`), the demo narrative and notices.
 */
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type * as LZString from 'lz-string';

export type Json = number | string | Json[] | { [key: string]: Json };
export type Row = [Json, Json, number];
export interface Event {
  readonly event: string;
  readonly [field: string]: unknown;
}

// lz-string is CommonJS without named exports under Node's ESM loader.
const { compressToEncodedURIComponent } = createRequire(import.meta.url)('lz-string') as typeof LZString;

/** A share link to `workspace`, built exactly as PLAYGROUND.md "Share URL format" documents it. */
export function linkTo(workspace: unknown): string {
  return `/#s=${compressToEncodedURIComponent(JSON.stringify(workspace))}`;
}

/** The playground of one page. */
export class Playground {
  /** Console errors and uncaught exceptions, in order. */
  readonly consoleErrors: string[] = [];
  /** Console errors only. */
  readonly loggedErrors: string[] = [];
  /** Uncaught exceptions only. */
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      this.consoleErrors.push(m.text());
      this.loggedErrors.push(m.text());
    });
    page.on('pageerror', (e) => {
      this.consoleErrors.push(e.message);
      this.pageErrors.push(e.message);
    });
  }

  // ---- what a person sees -------------------------------------------------------------

  get epoch(): Locator {
    return this.page.getByTestId('epoch');
  }
  get summary(): Locator {
    return this.page.getByTestId('diagnostic-summary');
  }
  get diagnostics(): Locator {
    return this.page.getByRole('list', { name: 'Diagnostics' });
  }
  get command(): Locator {
    return this.page.getByRole('textbox', { name: 'Command' });
  }
  get console(): Locator {
    return this.page.getByRole('region', { name: 'Console' });
  }
  get plan(): Locator {
    return this.page.getByRole('region', { name: 'Plan', exact: true });
  }
  get workers(): Locator {
    return this.page.getByRole('combobox', { name: 'Workers' });
  }
  get notice(): Locator {
    return this.page.locator('.notice[role="alert"]');
  }
  get narrative(): Locator {
    return this.page.getByRole('region', { name: 'Demo narrative' });
  }
  get shareLink(): Locator {
    return this.page.getByRole('textbox', { name: 'Share link' });
  }
  /** The Monaco editor showing the current file. */
  get codeEditor(): Locator {
    return this.page.locator('.code-editor .monaco-editor');
  }
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }
  /** The editor's text input for `file`. */
  editor(file: string): Locator {
    return this.page.getByRole('textbox', { name: file });
  }

  // ---- opening the page ---------------------------------------------------------------

  /** Opens `path` (a hash link, say) and waits for the page. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole('heading', { name: 'DDIR Playground' })).toBeVisible();
  }

  /** Opens `path` and waits for its script to reach `epoch` (the default demo: two ticks). */
  async openAndWaitForScript(path = '/', epoch = '2', timeout = 15_000): Promise<void> {
    await this.page.goto(path);
    await expect(this.epoch).toHaveText(epoch, { timeout });
  }

  /** Opens the first page and waits for the editor to have checked the sample. */
  async openEditor(): Promise<void> {
    await this.page.goto('/');
    await expect(this.codeEditor).toBeVisible();
    await expect(this.summary).toHaveText('No errors');
  }

  /** Waits until the playground has nothing left to do. */
  async idle(): Promise<void> {
    await this.page.evaluate(() => window.ddirPlayground?.idle());
  }

  // ---- files and the editor -----------------------------------------------------------

  /** The file tab names, in order. */
  async fileNames(): Promise<string[]> {
    const tabs = this.page.getByRole('tablist', { name: 'Files' }).getByRole('tab');
    return (await tabs.allTextContents()).map((t) => t.replace('▶', '').trim());
  }

  /** Creates a file through the New dialog and, given `text`, types it. */
  async newFile(name: string, text?: string): Promise<void> {
    await this.button('New').click();
    const dialog = this.page.getByRole('dialog', { name: 'New file' });
    await dialog.getByRole('textbox', { name: 'File name' }).fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    if (text !== undefined) await this.replaceText(name, text);
  }

  /** Replaces the whole text of `file`, as a paste would. */
  async replaceText(file: string, text: string): Promise<void> {
    const input = this.editor(file);
    await expect(input).toBeAttached();
    await input.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }

  /** Puts the cursor at the end of the text of `file`. */
  async moveToEnd(file: string): Promise<void> {
    await this.editor(file).focus();
    await this.page.keyboard.press('ControlOrMeta+End');
  }

  /** The text the editor shows (its rendered lines). */
  async shownText(): Promise<string> {
    const text = await this.codeEditor.locator('.view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** A token of the rendered text, by its exact text. */
  token(text: string): Locator {
    return this.codeEditor
      .locator('.view-line span span', { hasText: new RegExp(`^\\s*${text}\\s*$`) })
      .first();
  }

  // ---- the results tabs and the console -----------------------------------------------

  /** Shows the results tab whose name starts with `name`. */
  async showTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** Types a command into the console (opening the Console tab if needed). */
  async run(command: string): Promise<void> {
    if (!(await this.command.isVisible())) await this.showTab('Console');
    await this.command.fill(command);
    await this.command.press('Enter');
  }

  /** Shows the console and runs commands one after the other, each to the end. */
  async runEach(commands: readonly string[]): Promise<void> {
    await this.showTab('Console');
    for (const command of commands) {
      await this.command.fill(command);
      await this.command.press('Enter');
      await this.idle();
    }
  }

  /** The JSON events the console shows, oldest first (none while it is hidden). */
  async events(): Promise<Event[]> {
    return readEvents(this.console);
  }

  /** The JSON events of the console, oldest first, even while another tab is shown. */
  async allEvents(): Promise<Event[]> {
    return readEvents(this.page.locator('body'));
  }

  /** The last event of a kind the console shows. */
  async last(kind: string): Promise<Event | undefined> {
    return (await this.events()).filter((e) => e.event === kind).at(-1);
  }

  /** The messages of the error events the console shows, oldest first. */
  async errorMessages(): Promise<string[]> {
    return (await this.events()).flatMap((e) =>
      e.event === 'error' && e.message !== undefined ? [e.message as string] : [],
    );
  }

  /**
   * The rows of every `peek` of `trace` in the console, oldest first; with `showConsole`
   * the Console tab is shown first and read as shown.
   */
  async peeks(trace: string, { showConsole = false } = {}): Promise<Row[][]> {
    let events: Event[];
    if (showConsole) {
      await this.showTab('Console');
      events = await this.events();
    } else {
      events = await this.allEvents();
    }
    return events
      .filter((e) => e.event === 'peek' && e.trace === trace)
      .map((e) => (e.rows as Row[] | undefined) ?? []);
  }

  // ---- the Traces tab -----------------------------------------------------------------

  /** The section of one trace (its table, toolbar and slider). */
  traceSection(name: string): Locator {
    return this.page.getByRole('region', { name: `${name} trace`, exact: true });
  }

  traceTable(name: string): Locator {
    return this.page.getByRole('table', { name: `trace ${name}`, exact: true });
  }

  /** The `data-row` hooks of a trace table's rendered rows, parsed. */
  async traceRows(name: string): Promise<Row[]> {
    return readRows(this.traceTable(name));
  }

  /**
   * Every trace table's rows, by trace name (the Traces tab is shown); with `waitForRows`,
   * first waits for the first table to render a row (a freshly shown, virtualized table
   * renders them a frame later).
   */
  async traceTables({ waitForRows = false } = {}): Promise<Record<string, Row[]>> {
    await this.showTab('Traces');
    const tables = this.page.getByRole('table', { name: /^trace / });
    await expect(tables.first()).toBeVisible();
    if (waitForRows) await expect(tables.first().locator('tr[data-row]').first()).toBeAttached();
    const out: Record<string, Row[]> = {};
    for (const table of await tables.all()) {
      const name = ((await table.getAttribute('aria-label')) ?? '').replace(/^trace /, '');
      out[name] = await readRows(table);
    }
    return out;
  }

  // ---- the Plan tab -------------------------------------------------------------------

  /** Every operator node's kind, work and highlight. */
  async operators(): Promise<{ op: string; work: number; busy: boolean; id: string }[]> {
    return this.plan.locator('[data-operator]').evaluateAll((els) =>
      els.map((e) => ({
        op: e.getAttribute('data-operator') ?? '',
        work: Number(e.getAttribute('data-work')),
        busy: e.classList.contains('is-busy'),
        id: e.getAttribute('data-id') ?? '',
      })),
    );
  }

  /** The screen rectangle of a scope box. */
  async scopeBox(scope: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const rect = await this.plan.locator(`[data-scope="${scope}"] > rect`).first().boundingBox();
    if (rect === null) throw new Error(`no box for scope ${scope}`);
    return rect;
  }

  // ---- workers and sharing ------------------------------------------------------------

  /** The pool's Web Workers now alive in the page. */
  poolWorkers(): number {
    return this.page.workers().filter((w) => w.url().includes('browser-worker-entry')).length;
  }

  /** Chooses `n` in the Workers setting and waits for the pool to have that many. */
  async setWorkers(n: number): Promise<void> {
    await this.workers.selectOption(String(n));
    await expect(this.workers).toHaveValue(String(n));
    await this.idle();
    await expect.poll(() => this.poolWorkers(), { timeout: 15_000 }).toBe(n);
  }

  /** Clicks Share and answers the link it shows. */
  async share(): Promise<string> {
    await this.button('Share').click();
    await expect(this.shareLink).toBeVisible();
    await expect(this.shareLink).toHaveValue(/#(s|demo)=/);
    return this.shareLink.inputValue();
  }
}

async function readEvents(scope: Locator): Promise<Event[]> {
  const texts = await scope
    .locator('[data-event]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
  return texts.map((t) => JSON.parse(t) as Event);
}

async function readRows(table: Locator): Promise<Row[]> {
  const texts = await table
    .locator('tr[data-row]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-row') ?? ''));
  return texts.map((t) => JSON.parse(t) as Row);
}
