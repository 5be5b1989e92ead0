/**
 * The plan layout worker: ELK's bundled build, run inside this module worker so that
 * layouts never block the page. Exposes `layout(input)` through Comlink.
 *
 * The bundled build, when it finds itself in a worker, installs its own
 * `self.onmessage` dispatcher; this module's imports run first, so the body below
 * removes that handler and Comlink alone answers messages. ELK contains no `eval` or
 * `new Function`, so it runs under the page's CSP (`script-src 'self'`).
 */
import { expose } from 'comlink';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutPlans } from './layout-core.js';
import { LAYOUT_OPTIONS } from './to-elk.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { LaidOutGraph, LayoutInput } from './graph-model.js';

self.onmessage = null;

const elk = new ELK();

// Warm ELK up while the page is idle: its first layouts initialize and compile much of
// its code, so lay out a small nested graph like a plan's (a loop box, a feedback edge).
const WARM_UP: ElkNode = {
  id: 'root',
  layoutOptions: LAYOUT_OPTIONS,
  children: [
    { id: 'a', width: 120, height: 38 },
    {
      id: 'loop',
      children: [
        { id: 'v', width: 120, height: 38 },
        { id: 'b', width: 120, height: 38 },
        { id: 'c', width: 120, height: 38 },
      ],
      edges: [
        { id: 'e2', sources: ['v'], targets: ['b'] },
        { id: 'e3', sources: ['b'], targets: ['c'], labels: [{ text: 'feedback', width: 50, height: 14 }] },
      ],
    },
    { id: 'd', width: 120, height: 38 },
  ],
  edges: [
    { id: 'e1', sources: ['a'], targets: ['b'] },
    { id: 'e4', sources: ['c'], targets: ['d'] },
  ],
};
const warm = (async () => {
  for (let i = 0; i < 3; i++) await elk.layout(structuredClone(WARM_UP));
})().catch(() => undefined);

/** The worker's API. */
export const layoutApi = {
  async layout(input: LayoutInput): Promise<LaidOutGraph> {
    await warm;
    return layoutPlans(elk, input);
  },
};

export type LayoutApi = typeof layoutApi;

expose(layoutApi);
