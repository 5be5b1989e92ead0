/**
 * The main-thread side of the checker worker: `openChecker(onReport)` gives one editor
 * model a channel to the shared worker (started on first use, kept for the page's
 * life). `check(text, fileName, version)` sends a text; `onReport(version, report)` is
 * called only for the newest version sent on that channel — answers about older texts
 * are dropped. A worker failure is reported once as a console warning, never thrown.
 */
import CheckWorker from './check.worker.js?worker';
import { CHECK_PROTOCOL } from './check-protocol.js';
import type { CheckReport, CheckRequest, CheckResponse } from './check-protocol.js';

/** One editor model's connection to the checker. */
export interface Checker {
  /** Checks `text`; its report arrives through `onReport` unless a newer text is sent first. */
  check(text: string, fileName: string, version: number): void;
  /** Stops listening; later answers for this channel are ignored. */
  close(): void;
}

type Listener = { latest: number; onReport: (version: number, report: CheckReport) => void };

let worker: Worker | null = null;
let nextChannel = 1;
const listeners = new Map<number, Listener>();

function receive(event: MessageEvent<CheckResponse>): void {
  const response = event.data;
  if (response.v !== CHECK_PROTOCOL) return;
  const listener = listeners.get(response.channel);
  if (listener === undefined || response.version !== listener.latest) return;
  if (response.kind === 'checked') listener.onReport(response.version, response.report);
  else console.warn(`DDIR checker failed: ${response.error.name}: ${response.error.message}`);
}

function sharedWorker(): Worker {
  if (worker === null) {
    worker = new CheckWorker({ name: 'ddir-check' });
    worker.addEventListener('message', receive);
    worker.addEventListener('error', (event) => {
      console.warn(`DDIR checker worker error: ${event.message}`);
    });
  }
  return worker;
}

/** Opens a channel to the checker for one model (see the module header). */
export function openChecker(onReport: (version: number, report: CheckReport) => void): Checker {
  const channel = nextChannel++;
  const listener: Listener = { latest: -1, onReport };
  listeners.set(channel, listener);
  return {
    check(text, fileName, version) {
      listener.latest = version;
      const request: CheckRequest = { v: CHECK_PROTOCOL, kind: 'check', channel, version, fileName, text };
      sharedWorker().postMessage(request);
    },
    close() {
      listeners.delete(channel);
    },
  };
}
