/**
 * Reachability large enough for the arrangements' hash-ordered appends (arrange.ts: big
 * batches of interned keys into big tables), on one engine and sharded over three: the
 * reached set matches a plain BFS after the load and after an epoch of edge changes, and
 * the sharded engines publish exactly what the single one does.
 */
import { describe, expect, it } from 'vitest';
import type { Feed } from './reference/program-gen.js';
import { compileCase, engineRun } from './reference/run-case.js';
import { shardedRun } from './sharding-kit.js';

const NODES = 60_000;
const EDGES = 2 * NODES;
const PROGRAM = `
let edges = input 0 | key($0[0] ; $0[1]);
let roots = input 1 | key($0[0] ;);
reach: {
    let next = reach | join(edges, ($2 ;));
    var reach = roots + next | distinct;
}
export "reached" = reach::reach | key(;) | count;
`;

// Pseudo-random edges (xorshift32), the same on every run.
function edgesOf(count: number, seed: number): [number, number][] {
  let x = seed;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % NODES;
  };
  return Array.from({ length: count }, () => [next(), next()]);
}

function reachedCount(edges: readonly [number, number][], root: number): number {
  const out = new Map<number, number[]>();
  for (const [a, b] of edges) out.set(a, [...(out.get(a) ?? []), b]);
  const seen = new Set([root]);
  const queue = [root];
  while (queue.length > 0) {
    for (const b of out.get(queue.pop() as number) ?? []) {
      if (!seen.has(b)) {
        seen.add(b);
        queue.push(b);
      }
    }
  }
  return seen.size;
}

describe('reachability over 60k nodes', () => {
  it('reaches what BFS reaches, after the load and after changes, on one engine and on three', async () => {
    const loaded = edgesOf(EDGES, 7);
    const removed = loaded.slice(-2000);
    const added = edgesOf(2000, 11);
    // The first edge's source, whose edge stays: the BFS reaches most of the graph from it.
    const root = (loaded[0] as [number, number])[0];
    const feeds: Feed[] = [
      ...loaded.map(([a, b]) => ({ epoch: 0, input: 0, key: [a, b], val: [], time: 0, diff: 1 })),
      { epoch: 0, input: 1, key: [root], val: [], time: 0, diff: 1 },
      ...removed.map(([a, b]) => ({ epoch: 1, input: 0, key: [a, b], val: [], time: 1, diff: -1 })),
      ...added.map(([a, b]) => ({ epoch: 1, input: 0, key: [a, b], val: [], time: 1, diff: 1 })),
    ];
    const { optimized } = compileCase(PROGRAM);
    const single = engineRun(optimized, feeds, 2);
    const counts = single.map((c) => c['reached']);
    expect(counts).toEqual([
      [`() ; (${reachedCount(loaded, root)}) ×1`],
      [`() ; (${reachedCount([...loaded.slice(0, -2000), ...added], root)}) ×1`],
    ]);
    expect((await shardedRun(optimized, feeds, 2, 3)).contents).toEqual(single);
  }, 60_000);
});
