/**
 * The side-by-side workloads (issue #9): their inputs, derived deterministically from the
 * `random:` generator of SERVER.md so every implementation sees identical rows, and the
 * plain oracles every result is checked against (a BFS, a join count).
 *
 * - W1: reachability from node 0 over N nodes and 2N edges: edge `e` is row `e` of
 *   `random:nodes=N,edges=2N,seed=0`, i.e. `(randomEdgeField(e, 0, N, 0), randomEdgeField(e, 1, N, 0))`.
 * - W2: after W1, `W2_TICKS` ticks; tick `t` retracts the current edge at slot
 *   `randomEdgeField(t, 0, 2N, 1)` and adds row `2N + t` of the same generator in its place.
 * - W3: inputs A and B of M rows `(key ; i)`, key = `randomEdgeField(i, 0, M/10, 2)` for A and
 *   seed 3 for B; join on key, count per key. Then `W3_CHANGES` single-row changes
 *   alternating between A and B: two inserts (row `M + c`) then two retractions (the
 *   current row at slot `randomEdgeField(c, 1, len, 4)`), repeating.
 *
 * Pure: no Node or DOM APIs (the browser bench imports it too).
 */
import { randomEdgeField } from '../../src/lang/hash.js';

/** A directed edge `[src, dst]`. */
export type Edge = readonly [src: number, dst: number];
/** A W3 row `[key, i]`. */
export type KeyRow = readonly [key: number, id: number];

/** Ticks of W2 (the issue asks for 50+). */
export const W2_TICKS = 60;
/** Single-row changes of W3. */
export const W3_CHANGES = 50;
/** The root of the reachability workloads. */
export const ROOT = 0;

/** Row `e` of `random:nodes=N,edges=…,seed=S` as an edge. */
export function randomEdge(e: number, nodes: number, seed = 0): Edge {
  return [randomEdgeField(e, 0, nodes, seed), randomEdgeField(e, 1, nodes, seed)];
}

/** W1's edges: rows 0..2N-1 of `random:nodes=N,edges=2N,seed=0`. */
export function w1Edges(nodes: number): Edge[] {
  const edges: Edge[] = new Array<Edge>(2 * nodes);
  for (let e = 0; e < 2 * nodes; e++) edges[e] = randomEdge(e, nodes);
  return edges;
}

/** One W2 tick: the edge retracted and the one added. */
export interface EdgeChange {
  readonly removed: Edge;
  readonly added: Edge;
}

/**
 * W2's ticks, applied to `edges` in place (so `edges` ends as the final graph). Each tick
 * retracts one existing edge and adds one new one.
 */
export function w2Changes(edges: Edge[], nodes: number, ticks = W2_TICKS): EdgeChange[] {
  const changes: EdgeChange[] = [];
  for (let t = 0; t < ticks; t++) {
    const slot = randomEdgeField(t, 0, edges.length, 1);
    const removed = edges[slot] as Edge;
    const added = randomEdge(edges.length + t, nodes);
    edges[slot] = added;
    changes.push({ removed, added });
  }
  return changes;
}

/** The nodes reachable from `root` (a plain BFS): the oracle of W1/W2. */
export function bfs(nodes: number, edges: readonly Edge[], root = ROOT): Set<number> {
  const degree = new Int32Array(nodes + 1);
  for (const [s] of edges) degree[s + 1] = (degree[s + 1] ?? 0) + 1;
  for (let i = 0; i < nodes; i++) degree[i + 1] = (degree[i + 1] ?? 0) + (degree[i] ?? 0);
  const fill = degree.slice(0, nodes);
  const targets = new Int32Array(edges.length);
  for (const [s, d] of edges) targets[(fill[s] as number)++] = d;
  const seen = new Uint8Array(nodes);
  const queue = [root];
  seen[root] = 1;
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q] as number;
    for (let i = degree[n] as number; i < (degree[n + 1] as number); i++) {
      const d = targets[i] as number;
      if (seen[d] === 0) {
        seen[d] = 1;
        queue.push(d);
      }
    }
  }
  return new Set(queue);
}

/** True when `got` holds exactly the nodes of `want`. */
export function sameNodes(got: Iterable<number>, want: ReadonlySet<number>): boolean {
  let n = 0;
  for (const x of got) {
    if (!want.has(x)) return false;
    n++;
  }
  return n === want.size;
}

/** W3's input sides. */
export type Side = 0 | 1;

/** W3's inputs A and B. */
export function w3Rows(m: number): [KeyRow[], KeyRow[]] {
  const keys = Math.max(1, Math.floor(m / 10));
  const side = (seed: number): KeyRow[] =>
    Array.from({ length: m }, (_, i): KeyRow => [randomEdgeField(i, 0, keys, seed), i]);
  return [side(2), side(3)];
}

/** One W3 change: a row inserted (+1) or retracted (-1) on one side. */
export interface RowChange {
  readonly side: Side;
  readonly row: KeyRow;
  readonly diff: 1 | -1;
}

/** W3's changes, applied to `rows` in place (so `rows` ends as the final inputs). */
export function w3Changes(rows: [KeyRow[], KeyRow[]], m: number, count = W3_CHANGES): RowChange[] {
  const keys = Math.max(1, Math.floor(m / 10));
  const changes: RowChange[] = [];
  for (let c = 0; c < count; c++) {
    const side: Side = c % 2 === 0 ? 0 : 1;
    const list = rows[side];
    if (c % 4 < 2) {
      const row: KeyRow = [randomEdgeField(m + c, 0, keys, 2 + side), m + c];
      list.push(row);
      changes.push({ side, row, diff: 1 });
    } else {
      const slot = randomEdgeField(c, 1, list.length, 4);
      const row = list[slot] as KeyRow;
      list[slot] = list[list.length - 1] as KeyRow;
      list.pop();
      changes.push({ side, row, diff: -1 });
    }
  }
  return changes;
}

/** The oracle of W3: per key, the number of joined pairs (keys with none are absent). */
export function joinCounts(a: readonly KeyRow[], b: readonly KeyRow[]): Map<number, number> {
  const left = new Map<number, number>();
  for (const [k] of a) left.set(k, (left.get(k) ?? 0) + 1);
  const out = new Map<number, number>();
  for (const [k] of b) {
    const l = left.get(k);
    if (l !== undefined) out.set(k, (out.get(k) ?? 0) + l);
  }
  return out;
}

/** True when two count maps agree (absent and 0 are the same). */
export function sameCounts(got: ReadonlyMap<number, number>, want: ReadonlyMap<number, number>): boolean {
  for (const [k, v] of got) if (v !== 0 && want.get(k) !== v) return false;
  for (const [k, v] of want) if (got.get(k) !== v) return false;
  return true;
}

/** The median and 90th percentile of some times. */
export function summarize(times: readonly number[]): { median: number; p90: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { median: at(0.5), p90: at(0.9) };
}
