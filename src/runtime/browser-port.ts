/**
 * A DOM `MessagePort` as a data-mesh `Endpoint` (shared by the browser pool and its
 * worker entry): posts transfer their buffers, messages are delivered in order once a
 * handler listens (setting `onmessage` starts the port).
 */
import type { PeerMessage } from './protocol.js';
import type { Endpoint } from './transport.js';

/** The endpoint over one end of a `MessageChannel`. */
export function domPortEndpoint(port: MessagePort): Endpoint {
  return {
    post: (message, transfer) => port.postMessage(message, [...transfer]),
    listen: (handler) => {
      port.onmessage = (event: MessageEvent<PeerMessage>) => handler(event.data);
    },
    close: () => port.close(),
  };
}
