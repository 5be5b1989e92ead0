import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findCycles } from './cycles.js';

const graph = (edges: Record<string, string[]>) => (n: string) => edges[n] ?? [];

describe('findCycles', () => {
  it('finds nothing in an acyclic graph', () => {
    expect(findCycles(['a', 'b', 'c'], graph({ a: ['b'], b: ['c'] }))).toEqual([]);
  });

  it('reports a self-loop as a one-node cycle', () => {
    expect(findCycles(['a', 'b'], graph({ a: ['a'], b: ['a'] }))).toEqual([['a']]);
  });

  it('starts each cycle at its earliest member and follows the edges', () => {
    expect(findCycles(['a', 'b', 'c'], graph({ a: ['c'], c: ['b'], b: ['a'] }))).toEqual([['a', 'c', 'b']]);
  });

  it('reports one cycle per strongly connected component, in order', () => {
    const g = graph({ x: ['y'], y: ['x'], p: ['q'], q: ['p'] });
    expect(findCycles(['p', 'q', 'x', 'y'], g)).toEqual([
      ['p', 'q'],
      ['x', 'y'],
    ]);
  });

  it('ignores successors outside the node list', () => {
    expect(findCycles(['a'], graph({ a: ['outside'], outside: ['a'] }))).toEqual([]);
  });

  it('returns only real cycles whose members are pairwise distinct', () => {
    const arbGraph = fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { maxLength: 20 });
    fc.assert(
      fc.property(arbGraph, (pairs) => {
        const nodes = [0, 1, 2, 3, 4, 5, 6];
        const succ = (n: number) => pairs.filter(([a]) => a === n).map(([, b]) => b);
        for (const cycle of findCycles(nodes, succ)) {
          expect(new Set(cycle).size).toBe(cycle.length);
          cycle.forEach((n, i) => {
            const next = cycle[(i + 1) % cycle.length] as number;
            expect(succ(n)).toContain(next);
          });
        }
      }),
    );
  });
});
