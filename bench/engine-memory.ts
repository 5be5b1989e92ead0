/**
 * Benchmark: memory over time (issue "engine": compaction keeps memory flat; dropping a
 * dataflow returns its memory).
 *
 * Loads reachability over 10,000 edges (5,000 nodes), then runs 1,000 epochs that each
 * retract one random edge and add another, sampling the records held by all operators
 * and the JS heap (after a forced GC) every 100 epochs; finally drops the dataflow and
 * samples again. Run with `node --expose-gc --import tsx bench/engine-memory.ts`
 * (`npm run bench:memory`).
 */
import { Engine } from '../src/engine/engine.js';
import { reachProgram } from './engine-reach.js';

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const NODES = 5_000;
let seed = 99;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

const before = heapMb();
const engine = new Engine({ maxIterations: 1_000_000, maxSeconds: 600 });
const { dataflow } = engine.install(reachProgram(), new Map());
const edges: [number, number][] = [];
for (let i = 0; i < 2 * NODES; i++) edges.push([rand(NODES), rand(NODES)]);
for (const e of edges) engine.feed(dataflow, 0, e, [], engine.epoch, 1);
engine.feed(dataflow, 1, [0], [], engine.epoch, 1);
engine.tick();
const held = () => engine.stats(dataflow).reduce((s, o) => s + o.recordsHeld, 0);
console.log(
  `${gc ? '' : '(run with --expose-gc for exact heap figures) '}heap before install ${before.toFixed(1)} MB`,
);
console.log(
  `epoch ${String(engine.epoch).padStart(5)}: records held ${held()}, heap ${heapMb().toFixed(1)} MB`,
);
for (let k = 1; k <= 1000; k++) {
  const i = rand(edges.length);
  engine.feed(dataflow, 0, edges[i] as [number, number], [], engine.epoch, -1);
  edges[i] = [rand(NODES), rand(NODES)];
  engine.feed(dataflow, 0, edges[i], [], engine.epoch, 1);
  engine.tick();
  if (k % 100 === 0)
    console.log(
      `epoch ${String(engine.epoch).padStart(5)}: records held ${held()}, heap ${heapMb().toFixed(1)} MB`,
    );
}
engine.drop(dataflow);
console.log(`after drop: heap ${heapMb().toFixed(1)} MB (before install: ${before.toFixed(1)} MB)`);
