/**
 * The checker worker: compiles program texts off the main thread so typing never waits.
 *
 * Takes `CheckRequest`s and answers each with a `CheckResponse`. Requests that arrive
 * while it is busy are coalesced per channel: only the newest text of each editor is
 * checked, older ones get no answer (the editor would drop it anyway). An exception in
 * the front end is answered as `failed`, never left to kill the worker.
 */
import { checkText } from './check-text.js';
import { CHECK_PROTOCOL } from './check-protocol.js';
import type { CheckRequest, CheckResponse } from './check-protocol.js';

const pending = new Map<number, CheckRequest>();
let scheduled = false;

function reply(response: CheckResponse): void {
  self.postMessage(response);
}

function drain(): void {
  scheduled = false;
  const batch = [...pending.values()];
  pending.clear();
  for (const request of batch) {
    const { channel, version } = request;
    try {
      reply({
        v: CHECK_PROTOCOL,
        kind: 'checked',
        channel,
        version,
        report: checkText(request.text, request.fileName),
      });
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      reply({
        v: CHECK_PROTOCOL,
        kind: 'failed',
        channel,
        version,
        error: {
          name: error.name,
          message: error.message,
          ...(error.stack === undefined ? {} : { stack: error.stack }),
        },
      });
    }
  }
}

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const request = event.data;
  if (request.v !== CHECK_PROTOCOL || request.kind !== 'check') return;
  pending.set(request.channel, request);
  if (!scheduled) {
    scheduled = true;
    // Let messages already queued arrive first, so a burst is checked once.
    setTimeout(drain, 0);
  }
});
