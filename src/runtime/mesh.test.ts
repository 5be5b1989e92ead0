import { describe, expect, it } from 'vitest';
import { loopbackMesh } from './in-process.js';
import { Mesh, OutOfStepError } from './mesh.js';
import { Batch } from '../engine/batch.js';
import { PeerAbort } from '../engine/cluster.js';
import type { Collective, Steps } from '../engine/cluster.js';
import type { RankedFailure } from '../engine/failure-rank.js';
import type { Time } from '../engine/time.js';

function meshes(n: number): Mesh[] {
  return loopbackMesh(n).map((peers, i) => new Mesh(i, peers));
}

function* agree(time: Time | undefined): Steps<Time | undefined> {
  const reply = yield { kind: 'agree', scope: 1, time };
  return reply.kind === 'time' ? reply.time : undefined;
}

const failure = (row: number, position: number[]): RankedFailure => ({
  position,
  failure: { kind: 'term', message: `row ${row}`, row: { key: [row], val: [] } },
});

describe('the data mesh', () => {
  it('agrees on the least candidate time of all workers', async () => {
    const ms = meshes(3);
    const got = await Promise.all([
      ms[0]?.run(agree([1, 5])),
      ms[1]?.run(agree(undefined)),
      ms[2]?.run(agree([1, 3])),
    ]);
    expect(got).toEqual([
      [1, 3],
      [1, 3],
      [1, 3],
    ]);
  });

  it('delivers each worker the batches sent to it, senders in worker order', async () => {
    const ms = meshes(3);
    function* exchange(i: number): Steps<number[]> {
      const parts = [0, 1, 2].map((to) => [new Batch([[i * 10 + to]], [[]], [1])]);
      const reply = yield {
        kind: 'exchange',
        site: { scope: 0, item: 4 },
        time: [0, 0],
        parts,
      } as Collective;
      return reply.kind === 'batches'
        ? reply.batches.flatMap((b) => b.keys.map((k) => (k as number[])[0] ?? -1))
        : [];
    }
    const got = await Promise.all(ms.map((m, i) => m.run(exchange(i))));
    expect(got).toEqual([
      [0, 10, 20],
      [1, 11, 21],
      [2, 12, 22],
    ]);
    expect(ms[0]?.snapshot()).toMatchObject({ rounds: 1, exchanges: 1, rowsSent: 2, rowsKept: 1 });
  });

  it('ends a run on every worker with the least failure any of them reported', async () => {
    const ms = meshes(3);
    function* run(own: RankedFailure | null): Steps<string> {
      try {
        const reply = yield own === null ? { kind: 'done' } : { kind: 'abort', failure: own };
        return reply.kind === 'failed' ? `failed: ${reply.failure.failure.message}` : reply.kind;
      } catch (e) {
        if (e instanceof PeerAbort) return `peer: ${e.failure.failure.message}`;
        throw e;
      }
    }
    const got = await Promise.all([
      ms[0]?.run(run(failure(7, [2, 0, 0]))),
      ms[1]?.run(run(null)),
      ms[2]?.run(run(failure(3, [2, 0, 0]))),
    ]);
    expect(got).toEqual(['failed: row 3', 'peer: row 3', 'failed: row 3']);
  });

  it('refuses to answer workers that ask for different collectives', async () => {
    const ms = meshes(2);
    function* done(): Steps<void> {
      yield { kind: 'done' };
    }
    const results = await Promise.allSettled([ms[0]?.run(agree([0])), ms[1]?.run(done())]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : 'ok'))).toEqual([
      OutOfStepError.name,
      OutOfStepError.name,
    ]);
  });
});
