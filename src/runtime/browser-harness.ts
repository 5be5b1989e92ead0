/**
 * The script of pool.html, a bare page for browser tests of the worker pool: it puts
 * `window.ddirPool.run(files, script, workers)` on the page, which runs a session script
 * on a fresh pool of that many Web Workers and resolves to every event as a JSON line
 * (errors tagged with their script line), plus each worker's records held.
 */
import { createBrowserPool } from './browser-workers.js';
import { scriptLines, withLine } from '../server/script.js';

/** What a harness run returns. */
export interface HarnessRun {
  readonly events: string[];
  readonly recordsPerWorker: number[];
}

async function run(files: Record<string, string>, script: string, workers: number): Promise<HarnessRun> {
  const pool = await createBrowserPool(workers, { readFile: (path) => files[path] });
  try {
    const events: string[] = [];
    for (const line of scriptLines(script)) {
      if (pool.finished) break;
      for (const e of await pool.execute(line.text)) {
        events.push(JSON.stringify(e.event === 'error' ? withLine(e, line.line) : e));
      }
    }
    const stats = await pool.stats();
    const recordsPerWorker = stats.map((s) =>
      s.programs.reduce((n, p) => n + p.operators.reduce((m, o) => m + o.recordsHeld, 0), 0),
    );
    return { events, recordsPerWorker };
  } finally {
    await pool.close();
  }
}

declare global {
  interface Window {
    ddirPool?: { run: typeof run };
  }
}

window.ddirPool = { run };
document.body.dataset.ready = 'true';
