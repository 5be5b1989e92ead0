/**
 * Smoke (issue #9): the default demo's first results are visible at most 1.5 s after the
 * page starts loading, on a cold load (a fresh browser context: no HTTP cache, no saved
 * workspace, so the demo script runs on open).
 *
 * "Results" are the first `peek` table of the default demo's session in the Console
 * region (an entry whose `data-event` is a `peek` event with rows) — the first thing the
 * page shows as the outcome of running the script; the Console is the tab shown on open.
 * An init script installs a MutationObserver before any of the page's own scripts run and
 * stores the page's `performance.now()` (milliseconds since navigation start,
 * `performance.timeOrigin`) the moment such an entry is in the document and rendered, so
 * the figure includes no Playwright polling. It also stores the next animation frame
 * after it and a few milestones (the shell, the first console entry, the editor) that
 * explain a slow load.
 *
 * A noisy machine gets one more cold load, and the better of the two counts; the limit
 * itself never moves.
 */
import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { Playground } from './pages.js';

/** The requirement of issue #9. */
const LIMIT_MS = 1500;

/** What the init script records, in milliseconds since navigation start. */
interface Marks {
  shell?: number;
  firstEntry?: number;
  results?: number;
  resultsFrame?: number;
  editor?: number;
}

/** Installed in the page before its scripts run: records when each milestone first appears. */
function recordMarks(): void {
  const marks: Marks = {};
  (window as unknown as { __firstResults: Marks }).__firstResults = marks;
  const visible = (el: Element): boolean => el.checkVisibility();
  const check = (): void => {
    const now = performance.now();
    if (marks.shell === undefined) {
      const h1 = document.querySelector('h1');
      if (h1 !== null && h1.textContent === 'DDIR Playground' && visible(h1)) marks.shell = now;
    }
    const log = document.querySelector('section[aria-label="Console"]');
    const entries = log === null ? [] : Array.from(log.querySelectorAll('[data-event]'));
    if (marks.firstEntry === undefined && entries.some(visible)) marks.firstEntry = now;
    if (marks.results === undefined) {
      const peek = entries.find((el) => {
        const event = JSON.parse(el.getAttribute('data-event') ?? '{}') as {
          event?: string;
          rows?: unknown[];
        };
        return event.event === 'peek' && (event.rows?.length ?? 0) > 0 && visible(el);
      });
      if (peek !== undefined) {
        marks.results = now;
        requestAnimationFrame(() => {
          marks.resultsFrame = performance.now();
        });
      }
    }
    if (marks.editor === undefined) {
      const editor = document.querySelector('.code-editor .monaco-editor');
      if (editor !== null && visible(editor)) marks.editor = now;
    }
    if (marks.results !== undefined && marks.editor !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** One cold load of the first page in a fresh context: its marks, after a screenshot. */
async function coldLoad(browser: Browser, screenshot: string): Promise<Marks> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(recordMarks);
    const app = new Playground(page);
    await app.open();
    await page.waitForFunction(
      () => (window as unknown as { __firstResults: Marks }).__firstResults.resultsFrame !== undefined,
      undefined,
      { timeout: 15_000 },
    );
    await expect(app.console.locator('[data-event*="\\"event\\":\\"peek\\""]').first()).toBeVisible();
    await page.screenshot({ path: screenshot });
    // Let the rest of the first page finish (the editor, the second tick) before closing.
    await expect(app.epoch).toHaveText('2', { timeout: 15_000 });
    await expect(app.codeEditor).toBeVisible({ timeout: 15_000 });
    const marks = await page.evaluate(() => (window as unknown as { __firstResults: Marks }).__firstResults);
    expect(app.loggedErrors).toEqual([]);
    return marks;
  } finally {
    await context.close();
  }
}

const ms = (n: number | undefined): string => (n === undefined ? '—' : `${Math.round(n)} ms`);

test('the first demo results are visible within 1.5 s of navigation start @smoke', async ({ browser }) => {
  const loads: Marks[] = [];
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const marks = await coldLoad(browser, 'e2e/screenshots/first-results.png');
    loads.push(marks);
    console.log(
      `first results, cold load ${attempt}: ${ms(marks.results)} (next frame ${ms(marks.resultsFrame)}; ` +
        `shell ${ms(marks.shell)}, first console entry ${ms(marks.firstEntry)}, editor ${ms(marks.editor)})`,
    );
    if ((marks.results ?? Infinity) <= LIMIT_MS) break;
  }
  const best = Math.min(...loads.map((m) => m.results ?? Infinity));
  console.log(`first results: ${ms(best)} (limit ${LIMIT_MS} ms, best of ${loads.length})`);
  expect(best).toBeLessThanOrEqual(LIMIT_MS);
});
