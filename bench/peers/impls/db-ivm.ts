/**
 * `@tanstack/db-ivm` 0.2.0 (TanStack DB's incremental view maintenance, forked from d2ts
 * without versions), written the way its README shows: inputs, `pipe`, `sendData` +
 * `graph.run()` per tick.
 *
 * It has no `iterate`: a loop is built by feeding an operator's output back into an
 * input (`output(m => feedback.sendData(m))`); `graph.run()` runs until no operator has
 * work, i.e. to the fixed point. Without timestamps the loop cannot tell a derivation
 * from its own feedback, so a cycle of reached nodes that loses its support from the
 * root keeps itself alive: results under retractions (W2) are wrong, which the oracle
 * reports. Its `distinct` outputs `[hash(value), value[1]]`, so reached nodes travel
 * as `[node, node]` and are re-keyed after it.
 */
import { D2, distinct, join, map, output, reduce, concat } from '@tanstack/db-ivm';
import type { MultiSet, RootStreamBuilder } from '@tanstack/db-ivm';
import type { Impl, JoinCountImpl, ReachImpl } from '../impl.js';
import type { Edge, EdgeChange, KeyRow, RowChange } from '../workloads.js';

type Pair = [number, number];

/** Net multiplicities of output rows, keyed by `[key, val]`. */
class Collected {
  readonly rows = new Map<number, Map<number, number>>();
  sink(): (message: MultiSet<Pair>) => void {
    return (message) => {
      for (const [[k, v], diff] of message.getInner()) {
        let vals = this.rows.get(k);
        if (vals === undefined) this.rows.set(k, (vals = new Map()));
        const n = (vals.get(v) ?? 0) + diff;
        if (n === 0) vals.delete(v);
        else vals.set(v, n);
        if (vals.size === 0) this.rows.delete(k);
      }
    };
  }
}

class DbIvmReach implements ReachImpl {
  private readonly graph = new D2();
  private readonly edges: RootStreamBuilder<Pair> = this.graph.newInput<Pair>();
  private readonly roots: RootStreamBuilder<Pair> = this.graph.newInput<Pair>();
  private readonly feedback: RootStreamBuilder<Pair> = this.graph.newInput<Pair>();
  private readonly out = new Collected();

  constructor() {
    const reached = this.roots.pipe(
      concat(this.feedback),
      distinct(([n]: Pair) => n),
      map(([, n]: [number, number]): Pair => [n, n]),
    );
    reached.pipe(output(this.out.sink()));
    reached.pipe(
      join(this.edges),
      map(([, [, dst]]: [number, [number | null, number | null]]): Pair => [dst ?? -1, dst ?? -1]),
      output((m: MultiSet<Pair>) => this.feedback.sendData(m)),
    );
    this.graph.finalize();
  }

  load(_nodes: number, edges: readonly Edge[], root: number): void {
    this.edges.sendData(edges.map(([s, d]): [Pair, number] => [[s, d], 1]));
    this.roots.sendData([[[root, root], 1]]);
    this.graph.run();
  }

  change({ removed, added }: EdgeChange): void {
    this.edges.sendData([
      [[removed[0], removed[1]], -1],
      [[added[0], added[1]], 1],
    ]);
    this.graph.run();
  }

  reachable(): number[] {
    return [...this.out.rows.keys()];
  }
}

class DbIvmJoinCount implements JoinCountImpl {
  private readonly graph = new D2();
  private readonly a: RootStreamBuilder<Pair> = this.graph.newInput<Pair>();
  private readonly b: RootStreamBuilder<Pair> = this.graph.newInput<Pair>();
  private readonly out = new Collected();

  constructor() {
    this.a.pipe(
      join(this.b),
      map(([k]: [number, unknown]): [number, null] => [k, null]),
      reduce((vals: [null, number][]): [number, number][] => {
        let n = 0;
        for (const [, m] of vals) n += m;
        return n > 0 ? [[n, 1]] : [];
      }),
      output(this.out.sink()),
    );
    this.graph.finalize();
  }

  load(a: readonly KeyRow[], b: readonly KeyRow[]): void {
    this.a.sendData(a.map(([k, i]): [Pair, number] => [[k, i], 1]));
    this.b.sendData(b.map(([k, i]): [Pair, number] => [[k, i], 1]));
    this.graph.run();
  }

  change({ side, row, diff }: RowChange): void {
    (side === 0 ? this.a : this.b).sendData([[[row[0], row[1]], diff]]);
    this.graph.run();
  }

  counts(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const [k, vals] of this.out.rows) for (const [n, mult] of vals) if (mult > 0) counts.set(k, n);
    return counts;
  }
}

export const dbIvm: Impl = {
  name: 'db-ivm',
  reach: () => new DbIvmReach(),
  joinCount: () => new DbIvmJoinCount(),
};
