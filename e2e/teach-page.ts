/**
 * A page object for the sharing and teaching tests (share.spec.ts, demos.spec.ts): the
 * playground seen through the accessible names and hooks of PLAYGROUND.md — Share and
 * its `Share link` textbox, the `Demos` list, the narrative, `Export`, the console's
 * `data-event`s and the trace tables' `data-row`s.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export type Json = number | string | Json[] | { [key: string]: Json };
export type Row = [Json, Json, number];
export interface Event {
  readonly event: string;
  readonly [field: string]: unknown;
}

/** The playground of one page. */
export class TeachPage {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(e.message));
  }

  get epoch(): Locator {
    return this.page.getByTestId('epoch');
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
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Opens `path` (a hash link, say) and waits for the page. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole('heading', { name: 'DDIR Playground' })).toBeVisible();
  }

  async idle(): Promise<void> {
    await this.page.evaluate(() => window.ddirPlayground?.idle());
  }

  /** The file tab names, in order. */
  async fileNames(): Promise<string[]> {
    const tabs = this.page.getByRole('tablist', { name: 'Files' }).getByRole('tab');
    return (await tabs.allTextContents()).map((t) => t.replace('▶', '').trim());
  }

  async showTab(name: 'Console' | 'Traces'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** The JSON events in the console, oldest first. */
  async events(): Promise<Event[]> {
    const texts = await this.page
      .getByRole('region', { name: 'Console' })
      .locator('[data-event]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-event') ?? ''));
    return texts.map((t) => JSON.parse(t) as Event);
  }

  /** Every trace table's rows, by trace name (the Traces tab is opened). */
  async traceTables(): Promise<Record<string, Row[]>> {
    await this.showTab('Traces');
    const tables = this.page.getByRole('table', { name: /^trace / });
    await expect(tables.first()).toBeVisible();
    const out: Record<string, Row[]> = {};
    for (const table of await tables.all()) {
      const name = ((await table.getAttribute('aria-label')) ?? '').replace(/^trace /, '');
      const rows = await table
        .locator('tr[data-row]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-row') ?? ''));
      out[name] = rows.map((r) => JSON.parse(r) as Row);
    }
    return out;
  }

  /** Clicks Share and answers the link it shows. */
  async share(): Promise<string> {
    await this.button('Share').click();
    await expect(this.shareLink).toBeVisible();
    await expect(this.shareLink).toHaveValue(/#(s|demo)=/);
    return this.shareLink.inputValue();
  }
}
