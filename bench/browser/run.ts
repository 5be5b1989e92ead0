/**
 * W1 in the browser: builds the bench page (this folder's vite.config.ts), serves it,
 * opens it in headless Chromium (Playwright with Debian's /usr/bin/chromium) and runs W1
 * in a Web Worker per size. Results are reported as impl `ddir-browser` (rss_mb null: the
 * browser does not expose it), to compare with Node's `ddir` row. Run alone with
 * `node --import tsx bench/browser/run.ts [SIZE…]`.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { LIMIT_MS } from '../peers/spawn.js';
import type { Result } from '../peers/result.js';
import type { W1Reply } from './protocol.js';

const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

/** Chromium as the e2e tests launch it. */
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

function row(size: number, ms: number | null, correct: boolean | null, status: Result['status']): Result {
  return {
    workload: 'W1',
    size,
    impl: 'ddir-browser',
    workers: 1,
    ms,
    p90_ms: null,
    rss_mb: null,
    correct,
    status,
  };
}

/** Runs W1 at each size in headless Chromium. */
export async function measureBrowser(sizes: readonly number[]): Promise<Result[]> {
  if (sizes.length === 0) return [];
  await build({ configFile: CONFIG });
  const server = await preview({ configFile: CONFIG, preview: { port: 0, host: '127.0.0.1' } });
  const browser = await chromium.launch(LAUNCH);
  const results: Result[] = [];
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the bench page server has no URL');
    for (const size of sizes) {
      const page = await browser.newPage();
      await page.goto(url);
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), LIMIT_MS)),
      );
      const reply: W1Reply | 'timeout' = await Promise.race([
        page.evaluate((n: number) => window.runW1(n), size),
        limit,
      ]);
      clearTimeout(timer);
      await page.close();
      if (reply === 'timeout') results.push(row(size, null, null, 'did not finish'));
      else if (!reply.ok) {
        process.stderr.write(`ddir-browser W1 ${size} failed: ${reply.error}\n`);
        results.push(row(size, null, null, 'error'));
      } else results.push(row(size, Number(reply.ms.toPrecision(3)), reply.correct, 'ok'));
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return results;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const sizes = process.argv.slice(2).map(Number);
  const results = await measureBrowser(sizes.length > 0 ? sizes : [10_000, 100_000]);
  for (const r of results) console.log(JSON.stringify(r));
}
