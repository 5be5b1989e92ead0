/**
 * Run by layouts.test.ts in its own Node process (`--allow-natives-syntax --expose-gc`):
 * a trace, a batch builder and an emitter are used, a hot method of each is optimized
 * against them, they are let go and a full collection runs. Prints, per method, whether
 * its optimized code survived (`find: true`, …) — with the engine's layouts kept
 * (src/engine/layouts.ts), it does. Then prints whether the outlets of a dataflow's
 * nodes, of every kind, share one layout (outlet.ts: `outlets: one layout`).
 */
import { BatchBuilder } from '../src/engine/batch.js';
import { Budget } from '../src/engine/budget.js';
import { SINGLE_WORKER } from '../src/engine/cluster.js';
import { DataflowInstance } from '../src/engine/dataflow.js';
import { Emitter } from '../src/engine/node.js';
import { Trace } from '../src/engine/trace.js';
import { compile } from '../src/lang/compile.js';
import { hashValue } from '../src/lang/value-order.js';
import { UNIT, tuple1 } from '../src/lang/value.js';

// V8's test intrinsics, reachable only through code compiled at run time.
// eslint-disable-next-line no-new-func -- `%` intrinsics parse only in run-time code
const natives = new Function(
  'f',
  'op',
  'return op === 0 ? %PrepareFunctionForOptimization(f) : op === 1 ? %OptimizeFunctionOnNextCall(f) : %GetOptimizationStatus(f);',
) as (f: unknown, op: number) => number;
// eslint-disable-next-line no-new-func -- as above
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b);') as (a: unknown, b: unknown) => boolean;
const OPTIMIZED = 16;

// Runs `use` to collect type feedback for `method`, optimizes it, runs `use` again.
function optimize(method: unknown, use: () => void): void {
  natives(method, 0);
  use();
  natives(method, 1);
  use();
}

const methods = {
  find: Trace.prototype.find,
  pushMerging: BatchBuilder.prototype.pushMerging,
  push: Emitter.prototype.push,
};

// Uses fresh objects of each class as the engine does and optimizes their methods; keeps nothing.
function runOnce(): void {
  const trace = new Trace();
  trace.openBatch();
  for (let i = 0; i < 50; i++) {
    const key = tuple1(i);
    trace.add(trace.obtain(key, hashValue(key)), UNIT, [0], 1);
  }
  trace.closeBatch();
  optimize(methods.find, () => {
    for (let i = 0; i < 50; i++) trace.find(tuple1(i), hashValue(tuple1(i)));
  });
  const builder = new BatchBuilder();
  optimize(methods.pushMerging, () => {
    for (let i = 0; i < 50; i++) builder.pushMerging(tuple1(i), UNIT, 1);
  });
  const emitter = new Emitter();
  optimize(methods.push, () => {
    for (let i = 0; i < 50; i++) emitter.push([0], tuple1(i), UNIT, 1);
  });
}

runOnce();
const before = Object.values(methods).every((m) => (natives(m, 2) & OPTIMIZED) !== 0);
if (!before) throw new Error('the probe could not optimize its methods');
(globalThis as unknown as { gc: () => void }).gc();
console.log(
  Object.entries(methods)
    .map(([name, m]) => `${name}: ${(natives(m, 2) & OPTIMIZED) !== 0}`)
    .join(', '),
);

// A dataflow with input, map, arrange, join, reduce, loop variable, scope and inspect nodes.
const LOOP = `
let edges = input 0 | key($0[0] ; $0[1]);
let roots = input 1 | key($0[0] ;);
reach: {
    let next = reach | join(edges, ($2 ;)) | inspect(next);
    var reach = roots + next | distinct;
}
export "reach" = reach::reach | count;
`;
const program = compile(LOOP, 'loop.ddp').optimized;
if (program === null) throw new Error('the probe program does not compile');
const instance = new DataflowInstance(program, {
  dataflow: 0,
  budget: new Budget(100, 10, () => 0),
  cluster: SINGLE_WORKER,
  imports: new Map(),
  exports: new Map([['reach', new Trace()]]),
});
const nodes = instance.allNodes();
const kinds = new Set(nodes.map((n) => n.constructor.name));
if (kinds.size < 6) throw new Error(`the probe dataflow has only ${kinds.size} node classes`);
const first = nodes[0]?.out;
console.log(`outlets: ${nodes.every((n) => sameMap(n.out, first)) ? 'one layout' : 'several layouts'}`);
