/**
 * `@electric-sql/d2ts` 0.1.8 (differential dataflow with partially ordered versions),
 * written the way its README shows: inputs, `pipe` of operators, `iterate` for the loop,
 * `sendData(version, …)` + `sendFrontier(version + 1)` + `graph.run()` per tick.
 *
 * Import `d2ts-patch.ts` first (the runner does): it patches two upstream bugs at load
 * time, see `d2ts-hooks.ts`. `iterate` has no way to bring another collection into the
 * loop (its ingress keeps data for iteration 0 only), so the edges travel around the
 * loop with the reachable set, tagged: an edge is `[src, dst]` (dst ≥ 0), a reached node
 * `[node, -1]`, and the body ends with `distinct()`.
 *
 * Worked around: `consolidate()` (which the README's loop example ends with) is left out,
 * in the loop and after it, because `MultiSet.consolidate()` identifies records by a
 * 32-bit murmur hash of their JSON: in a batch of ~300k records some collide and are
 * merged, and W1 at 100k nodes came out wrong. Without it the results are exact (the
 * adapter sums the output's multiplicities itself).
 */
import {
  D2,
  MessageType,
  concat,
  count,
  distinct,
  filter,
  iterate,
  join,
  map,
  output,
} from '@electric-sql/d2ts';
import type { IStreamBuilder, Message, RootStreamBuilder } from '@electric-sql/d2ts';
import type { Impl, JoinCountImpl, ReachImpl } from '../impl.js';
import type { Edge, EdgeChange, KeyRow, RowChange } from '../workloads.js';

/** An edge `[src, dst]` or a reached node `[node, -1]`. */
type Tagged = [number, number];

/** Net multiplicities of output rows, keyed by `[key, val]`. */
class Collected {
  readonly rows = new Map<number, Map<number, number>>();
  add(key: number, val: number, diff: number): void {
    let vals = this.rows.get(key);
    if (vals === undefined) this.rows.set(key, (vals = new Map()));
    const n = (vals.get(val) ?? 0) + diff;
    if (n === 0) vals.delete(val);
    else vals.set(val, n);
    if (vals.size === 0) this.rows.delete(key);
  }
  /** A sink for `output()`. */
  sink(): (message: Message<[number, number]>) => void {
    return (message) => {
      if (message.type !== MessageType.DATA) return;
      for (const [[k, v], diff] of message.data.collection.getInner()) this.add(k, v, diff);
    };
  }
}

class D2tsReach implements ReachImpl {
  private readonly graph = new D2({ initialFrontier: 0 });
  private readonly edges: RootStreamBuilder<Tagged> = this.graph.newInput<Tagged>();
  private readonly roots: RootStreamBuilder<Tagged> = this.graph.newInput<Tagged>();
  private readonly out = new Collected();
  private version = 0;

  constructor() {
    const loop = (s: IStreamBuilder<Tagged>): IStreamBuilder<Tagged> => {
      const edges = s.pipe(filter(([, d]: Tagged) => d >= 0));
      const reach = s.pipe(filter(([, d]: Tagged) => d < 0));
      const next = reach.pipe(
        join(edges),
        map(([, [, dst]]: [number, [number | null, number | null]]): Tagged => [dst ?? -1, -1]),
      );
      // Everything goes through `distinct` (a duplicate edge counts once, which does not
      // change reachability): letting the edges bypass it sends empty batches around the
      // loop at every iteration, which d2ts counts as data in flight, so it never closes.
      return s.pipe(concat(next), distinct());
    };
    this.edges.pipe(
      concat(this.roots),
      iterate(loop),
      filter(([, d]: Tagged) => d < 0),
      output(this.out.sink()),
    );
    this.graph.finalize();
  }

  private tick(): void {
    this.version++;
    this.edges.sendFrontier(this.version);
    this.roots.sendFrontier(this.version);
    this.graph.run();
  }

  load(_nodes: number, edges: readonly Edge[], root: number): void {
    this.edges.sendData(
      this.version,
      edges.map(([s, d]): [Tagged, number] => [[s, d], 1]),
    );
    this.roots.sendData(this.version, [[[root, -1], 1]]);
    this.tick();
  }

  change({ removed, added }: EdgeChange): void {
    this.edges.sendData(this.version, [
      [[removed[0], removed[1]], -1],
      [[added[0], added[1]], 1],
    ]);
    this.tick();
  }

  reachable(): number[] {
    return [...this.out.rows].filter(([, vals]) => (vals.get(-1) ?? 0) > 0).map(([n]) => n);
  }
}

class D2tsJoinCount implements JoinCountImpl {
  private readonly graph = new D2({ initialFrontier: 0 });
  private readonly a: RootStreamBuilder<[number, number]> = this.graph.newInput<[number, number]>();
  private readonly b: RootStreamBuilder<[number, number]> = this.graph.newInput<[number, number]>();
  private readonly out = new Collected();
  private version = 0;

  constructor() {
    this.a.pipe(
      join(this.b),
      map(([k]: [number, unknown]): [number, null] => [k, null]),
      count(),
      output(this.out.sink()),
    );
    this.graph.finalize();
  }

  private tick(): void {
    this.version++;
    this.a.sendFrontier(this.version);
    this.b.sendFrontier(this.version);
    this.graph.run();
  }

  load(a: readonly KeyRow[], b: readonly KeyRow[]): void {
    this.a.sendData(
      this.version,
      a.map(([k, i]): [[number, number], number] => [[k, i], 1]),
    );
    this.b.sendData(
      this.version,
      b.map(([k, i]): [[number, number], number] => [[k, i], 1]),
    );
    this.tick();
  }

  change({ side, row, diff }: RowChange): void {
    (side === 0 ? this.a : this.b).sendData(this.version, [[[row[0], row[1]], diff]]);
    this.tick();
  }

  counts(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const [k, vals] of this.out.rows) for (const [n, mult] of vals) if (mult > 0) counts.set(k, n);
    return counts;
  }
}

export const d2ts: Impl = {
  name: 'd2ts',
  reach: () => new D2tsReach(),
  joinCount: () => new D2tsJoinCount(),
};
