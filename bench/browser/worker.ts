/**
 * The browser bench's Web Worker: runs W1 with the same adapter as Node's `ddir`
 * measurement (bench/peers/impls/ddir.ts: compile() + Engine, one worker), times the
 * load and first tick, and checks the result against the BFS.
 */
import { ddir } from '../peers/impls/ddir.js';
import { ROOT, bfs, sameNodes, w1Edges } from '../peers/workloads.js';
import type { W1Reply, W1Request } from './protocol.js';

self.onmessage = (event: MessageEvent<W1Request>) => {
  const reply = (r: W1Reply) => self.postMessage(r);
  try {
    const { nodes } = event.data;
    if (!ddir.reach) throw new Error('ddir has no reachability');
    const r = ddir.reach();
    const edges = w1Edges(nodes);
    const t0 = performance.now();
    r.load(nodes, edges, ROOT);
    const ms = performance.now() - t0;
    const got = [...r.reachable()];
    reply({ ok: true, ms, reached: got.length, correct: sameNodes(got, bfs(nodes, edges)) });
  } catch (e) {
    reply({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
};
