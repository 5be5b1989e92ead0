/**
 * Benchmark: memory over time (issue "engine": compaction keeps memory flat; dropping a
 * dataflow returns its memory).
 *
 * Loads reachability over 10,000 edges (5,000 nodes), then runs 1,000 epochs that each
 * retract one random edge and add another, sampling the records held by all operators
 * and the JS heap (after a forced GC) every 100 epochs; finally drops the dataflow and
 * samples again. `--rounds N` repeats install, epochs and drop N times in one engine (a
 * fresh random graph each round), printing each round's last sample and the heap after
 * its drop: what a long session of reinstalls keeps. Run with
 * `node --expose-gc --import tsx bench/engine-memory.ts [--rounds N]`
 * (`npm run bench:memory -- --rounds N`).
 */
import { Engine } from '../src/engine/engine.js';
import { reachProgram } from './engine-reach.js';

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The value of `--rounds N` (default 1). */
function roundsArg(args: readonly string[]): number {
  const at = args.indexOf('--rounds');
  if (at < 0) return 1;
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--rounds needs a positive integer, got ${args[at + 1]}`);
  return n;
}

const NODES = 5_000;
const EPOCHS = 1_000;
let seed = 99;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

const rounds = roundsArg(process.argv.slice(2));
const before = heapMb();
console.log(
  `${gc ? '' : '(run with --expose-gc for exact heap figures) '}heap before install ${before.toFixed(1)} MB`,
);
const engine = new Engine({ maxIterations: 1_000_000, maxSeconds: 600 });
const reach = reachProgram();

// One round: install, load, EPOCHS single-edge epochs (sampled every 100 when `verbose`), drop.
function round(r: number, verbose: boolean): void {
  const { dataflow } = engine.install(reach, new Map());
  const held = () => engine.stats(dataflow).reduce((s, o) => s + o.recordsHeld, 0);
  const sample = () =>
    `epoch ${String(engine.epoch).padStart(5)}: records held ${held()}, heap ${heapMb().toFixed(1)} MB`;
  const edges: [number, number][] = [];
  for (let i = 0; i < 2 * NODES; i++) edges.push([rand(NODES), rand(NODES)]);
  for (const e of edges) engine.feed(dataflow, 0, e, [], engine.epoch, 1);
  engine.feed(dataflow, 1, [0], [], engine.epoch, 1);
  engine.tick();
  if (verbose) console.log(sample());
  for (let k = 1; k <= EPOCHS; k++) {
    const i = rand(edges.length);
    engine.feed(dataflow, 0, edges[i] as [number, number], [], engine.epoch, -1);
    edges[i] = [rand(NODES), rand(NODES)];
    engine.feed(dataflow, 0, edges[i], [], engine.epoch, 1);
    engine.tick();
    if (verbose ? k % 100 === 0 : k === EPOCHS) console.log(`${rounds > 1 ? `round ${r}, ` : ''}${sample()}`);
  }
  engine.drop(dataflow);
  const label = rounds > 1 ? `round ${r}: after drop` : 'after drop';
  console.log(`${label}: heap ${heapMb().toFixed(1)} MB (before install: ${before.toFixed(1)} MB)`);
}

for (let r = 1; r <= rounds; r++) round(r, r === 1);
