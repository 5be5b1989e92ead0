/**
 * Run by layouts.test.ts in its own Node process (`--allow-natives-syntax --expose-gc`):
 * a trace is filled, `Trace.prototype.find` is optimized against it, the trace is let go
 * and a full collection runs. Prints `optimized before: B, after: A` — with the engine's
 * layouts kept (src/engine/layouts.ts), the optimized code survives.
 */
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
const find = Trace.prototype.find;
const isOptimized = (): boolean => (natives(find, 2) & OPTIMIZED) !== 0;

// Fills a trace as an arrangement does and optimizes `find` against it; keeps nothing.
function runOnce(): void {
  const trace = new Trace();
  trace.openBatch();
  for (let i = 0; i < 50; i++) {
    const key = tuple1(i);
    trace.add(trace.obtain(key, hashValue(key)), UNIT, [0], 1);
  }
  trace.closeBatch();
  natives(find, 0);
  for (let i = 0; i < 50; i++) trace.find(tuple1(i), hashValue(tuple1(i)));
  natives(find, 1);
  trace.find(tuple1(0), hashValue(tuple1(0)));
}

runOnce();
const before = isOptimized();
(globalThis as unknown as { gc: () => void }).gc();
console.log(`optimized before: ${before}, after: ${isOptimized()}`);
