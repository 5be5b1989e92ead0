/**
 * `layoutPlans(elk, input)`: plans → a laid-out picture, with whatever ELK instance the
 * caller has (the bundled one inside the layout worker, or in Node for tests). The
 * caller decides the thread; this module only converts and awaits.
 */
import { fromElk } from './from-elk.js';
import { toElk } from './to-elk.js';
import type { ELK } from 'elkjs/lib/elk-api.js';
import type { LaidOutGraph, LayoutInput } from './graph-model.js';

/** Lays out every program's plan as one hierarchical picture. */
export async function layoutPlans(elk: ELK, input: LayoutInput): Promise<LaidOutGraph> {
  const started = performance.now();
  const model = toElk(input);
  const laid = await elk.layout(model.graph);
  return fromElk(model, laid, performance.now() - started);
}
