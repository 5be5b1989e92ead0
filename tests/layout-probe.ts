/**
 * Run by layouts.test.ts in its own Node process (`--allow-natives-syntax --expose-gc`):
 * a trace, a batch builder and an emitter are used, a hot method of each is optimized
 * against them, they are let go and a full collection runs. Prints, per method, whether
 * its optimized code survived (`find: true`, …) — with the engine's layouts kept
 * (src/engine/layouts.ts), it does.
 */
import { BatchBuilder } from '../src/engine/batch.js';
import { Emitter } from '../src/engine/node.js';
import { Trace } from '../src/engine/trace.js';
import { hashValue } from '../src/lang/value-order.js';
import { UNIT, tuple1 } from '../src/lang/value.js';

// V8's test intrinsics, reachable only through code compiled at run time.
// eslint-disable-next-line no-new-func -- `%` intrinsics parse only in run-time code
const natives = new Function(
  'f',
  'op',
  'return op === 0 ? %PrepareFunctionForOptimization(f) : op === 1 ? %OptimizeFunctionOnNextCall(f) : %GetOptimizationStatus(f);',
) as (f: unknown, op: number) => number;
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
