import { loadImpl } from './impls/index.js';
import { bfs, w1Edges, w2Changes } from './workloads.js';
const impl = await loadImpl(process.argv[2] ?? 'd2ts');
for (const n of [10, 100, 1000, 3000]) {
  const r = impl.reach!();
  const edges = w1Edges(n);
  const t0 = performance.now();
  r.load(n, edges, 0);
  const got = [...r.reachable()].length;
  console.log(n, 'load', (performance.now() - t0).toFixed(0), 'ms', got, bfs(n, edges).size);
  const ch = w2Changes(edges, n, 20);
  const t1 = performance.now();
  for (const c of ch) r.change(c);
  console.log(
    '  ticks',
    ((performance.now() - t1) / 20).toFixed(1),
    'ms',
    [...r.reachable()].length,
    bfs(n, edges).size,
  );
}
