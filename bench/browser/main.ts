/**
 * The browser bench page: `window.runW1(nodes)` runs W1 in a fresh module Web Worker
 * (worker.ts) and resolves with its reply. bench/browser/run.ts calls it from Playwright.
 */
import type { W1Reply, W1Request } from './protocol.js';

declare global {
  interface Window {
    runW1: (nodes: number) => Promise<W1Reply>;
  }
}

window.runW1 = (nodes: number) =>
  new Promise<W1Reply>((resolve) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<W1Reply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, error: event.message });
    };
    const request: W1Request = { nodes };
    worker.postMessage(request);
  });
