/**
 * The page's side of plan layouts: one lazily started layout worker (Vite `?worker`),
 * and `layoutGraph(input)`, which answers from a small cache when the same structure
 * was laid out before (a tick changes counters, never structure, so it costs nothing).
 */
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import LayoutWorker from './layout.worker.js?worker';
import type { LayoutApi } from './layout.worker.js';
import type { LaidOutGraph, LayoutInput } from './graph-model.js';

let api: Remote<LayoutApi> | null = null;
const cache = new Map<string, Promise<LaidOutGraph>>();
const CACHE_SIZE = 8;

function worker(): Remote<LayoutApi> {
  api ??= wrap<LayoutApi>(new LayoutWorker({ name: 'ddir-plan-layout' }));
  return api;
}

/** Starts the layout worker ahead of need (it warms ELK up). */
export function prepareLayout(): void {
  worker();
}

/** The cache key of a layout: the plans' structure (they are plain, canonical JSON). */
export function layoutKey(input: LayoutInput): string {
  return JSON.stringify(input.programs.map((p) => [p.program, p.plan.nodes, p.plan.edges, p.plan.scopes]));
}

/** Lays out `input` off the main thread (cached by structure). */
export function layoutGraph(input: LayoutInput): Promise<LaidOutGraph> {
  const key = layoutKey(input);
  let found = cache.get(key);
  if (found === undefined) {
    found = worker().layout(input);
    found.catch(() => cache.delete(key));
    cache.set(key, found);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  }
  return found;
}
