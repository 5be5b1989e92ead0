/**
 * The side-by-side benchmark's own correctness (bench/peers): the inputs are the
 * `random:` generator's rows, the oracles are right, every implementation agrees with
 * them on small sizes (db-ivm excepted where its missing timestamps make it wrong, which
 * the bench must report), d2ts runs patched in a child process as the bench runs it, and
 * the CI ratio check compares the best rounds of one run, and `--runs N` tables medians of runs.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine.js';
import { randomEdgeFieldBig } from '../src/lang/hash.js';
import { Session } from '../src/server/session.js';
import { dbIvm } from '../bench/peers/impls/db-ivm.js';
import { ddir, ddirScratch, ddirSession } from '../bench/peers/impls/ddir.js';
import { mergeRuns } from '../bench/peers/merge.js';
import { compare } from '../bench/peers/ratio.js';
import { measure } from '../bench/peers/spawn.js';
import {
  bfs,
  joinCounts,
  sameCounts,
  sameNodes,
  w1Edges,
  w2Changes,
  w3Changes,
  w3Rows,
} from '../bench/peers/workloads.js';
import type { Impl } from '../bench/peers/impl.js';
import type { Result } from '../bench/peers/result.js';
import type { Edge } from '../bench/peers/workloads.js';

describe('workloads', () => {
  it('W1 edges are the rows of random:nodes=N,edges=2N', () => {
    const nodes = 50;
    const edges = w1Edges(nodes);
    edges.forEach(([s, d], e) => {
      expect(s).toBe(randomEdgeFieldBig(e, 0, nodes, 0));
      expect(d).toBe(randomEdgeFieldBig(e, 1, nodes, 0));
    });
    const session = new Session({
      engine: new Engine({ maxIterations: 1000, maxSeconds: 5 }),
      readFile: () => `export "e" = import "random:nodes=${nodes},edges=${2 * nodes}";`,
    });
    session.executeLine('install g g.ddp');
    session.executeLine('tick');
    const peek = session.executeLine(`peek random:nodes=${nodes},edges=${2 * nodes},arity=2,seed=0`)[0];
    const rows = peek?.event === 'peek' ? peek.rows.flatMap(([k, , m]) => Array<unknown>(m).fill(k)) : [];
    const sorted = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(sorted(rows)).toEqual(sorted(edges));
  });

  it('the oracles', () => {
    expect(
      [
        ...bfs(5, [
          [0, 1],
          [1, 2],
          [3, 4],
          [2, 0],
        ]),
      ].sort(),
    ).toEqual([0, 1, 2]);
    expect(
      joinCounts(
        [
          [1, 0],
          [1, 1],
          [2, 2],
        ],
        [
          [1, 5],
          [3, 6],
        ],
      ),
    ).toEqual(new Map([[1, 2]]));
    expect(
      sameCounts(
        new Map([
          [1, 2],
          [7, 0],
        ]),
        new Map([[1, 2]]),
      ),
    ).toBe(true);
    expect(sameNodes([0, 1], new Set([0, 1, 2]))).toBe(false);
  });
});

function reachCorrect(impl: Impl, nodes: number, ticks: number): boolean {
  const r = impl.reach?.();
  if (!r) throw new Error('no reach');
  const edges = w1Edges(nodes);
  r.load(nodes, edges, 0);
  if (!sameNodes(r.reachable(), bfs(nodes, edges))) return false;
  for (const c of w2Changes(edges, nodes, ticks)) r.change(c);
  return sameNodes(r.reachable(), bfs(nodes, edges));
}

function joinCountCorrect(impl: Impl, m: number): boolean {
  const j = impl.joinCount?.();
  if (!j) throw new Error('no join count');
  const rows = w3Rows(m);
  j.load(rows[0], rows[1]);
  if (!sameCounts(j.counts(), joinCounts(rows[0], rows[1]))) return false;
  for (const c of w3Changes(rows, m)) j.change(c);
  return sameCounts(j.counts(), joinCounts(rows[0], rows[1]));
}

describe('implementations agree with the oracles', () => {
  for (const impl of [ddir, ddirScratch, dbIvm])
    it(`${impl.name}: W1 + W2 at 2k nodes, W3 at 2k rows`, () => {
      expect(reachCorrect(impl, 2000, 20)).toBe(true);
      expect(joinCountCorrect(impl, 2000)).toBe(true);
    });

  it('ddir-session: W1 at 2k nodes', () => {
    const r = ddirSession.reach?.();
    const edges = w1Edges(2000);
    r?.load(2000, edges, 0);
    expect(sameNodes(r?.reachable() ?? [], bfs(2000, edges))).toBe(true);
  });

  it('db-ivm keeps a cycle that lost its support (no timestamps): wrong under retractions', () => {
    const r = dbIvm.reach?.();
    const edges: Edge[] = [
      [0, 1],
      [1, 2],
      [2, 1],
    ];
    r?.load(3, edges, 0);
    r?.change({ removed: [0, 1], added: [0, 0] });
    expect([...(r?.reachable() ?? [])].sort()).toEqual([0, 1, 2]); // the truth is [0]
    const ours = ddir.reach?.();
    ours?.load(3, edges, 0);
    ours?.change({ removed: [0, 1], added: [0, 0] });
    expect([...(ours?.reachable() ?? [])]).toEqual([0]);
  });

  it('d2ts (patched at load time, in its own process as the bench runs it): W2 at 2k nodes', async () => {
    const [w2] = await measure('W2', 2000, 'd2ts');
    expect(w2?.status).toBe('ok');
    expect(w2?.correct).toBe(true);
  });
});

/** A W1 10k result of `impl` (null ms: did not finish). */
const r = (impl: string, ms: number | null, correct = true, rss: number | null = 100): Result => ({
  workload: 'W1',
  size: 10_000,
  impl,
  workers: 1,
  ms,
  p90_ms: null,
  rss_mb: rss,
  correct: ms === null ? null : correct,
  status: ms === null ? 'did not finish' : 'ok',
});

describe('several runs of the bench (--runs N)', () => {
  it('takes the median time, the largest RSS and all-correct per row', () => {
    const merged = mergeRuns([
      r('a', 30, true, 100),
      r('b', 5),
      r('a', 10, true, 300),
      r('a', 20, false, 200),
    ]);
    expect(merged.map((m) => [m.impl, m.ms, m.rss_mb, m.correct])).toEqual([
      ['a', 20, 300, false],
      ['b', 5, 100, true],
    ]);
  });

  it('keeps "did not finish" only when no run finished', () => {
    expect(mergeRuns([r('a', null), r('a', null)])[0]?.status).toBe('did not finish');
    expect(mergeRuns([r('a', null), r('a', 40)])[0]).toMatchObject({ status: 'ok', ms: 40 });
  });
});

describe('the CI ratio check', () => {
  it('compares best rounds, so slow rounds do not decide', () => {
    const results = [
      r('ddir', 100),
      r('ddir', 900),
      r('ddir', 110),
      r('peer', 200),
      r('peer', 190),
      r('peer', 210),
    ];
    const [c] = compare(results);
    expect(c).toMatchObject({ peer: 'peer', ours: 100, theirs: 190, ok: true });
    expect(c?.ratio).toBeCloseTo(1.9);
  });

  it("fails when a peer's best round beats ours, however its other rounds went", () => {
    const results = [r('ddir', 120), r('ddir', 130), r('peer', 110), r('peer', 400), r('peer', 500)];
    expect(compare(results)[0]).toMatchObject({ ours: 120, theirs: 110, ok: false });
  });

  it('fails when ours is slower, wrong, or did not finish; a peer that did not finish loses', () => {
    expect(compare([r('ddir', 300), r('peer', 200)])[0]?.ok).toBe(false);
    expect(compare([r('ddir', 100, false), r('peer', 200)])[0]?.ok).toBe(false);
    expect(compare([r('ddir', null), r('peer', 200)])[0]?.ok).toBe(false);
    expect(compare([r('ddir', 100), r('peer', null)])[0]?.ok).toBe(true);
  });
});
