/**
 * Runs one generated or hand-written case on the engine and on the reference evaluator,
 * and compares what they publish — shared by the property tests and the regressions.
 *
 * A run yields, for each epoch, every export's rows as text lines
 * `KEY ; VAL ×MULT` (values in the compact form of value-print.ts, rows in the order
 * they were read), so differences print readably. The engine runs the *optimized* IR,
 * the reference the *unoptimized* one, so the optimizer is checked along the way.
 * Engine failures during a tick (term errors, runaway loops) throw `CaseError`.
 */
import { Engine } from '../../src/engine/engine.js';
import { compile } from '../../src/lang/compile.js';
import type { ProgramIr } from '../../src/lang/ir.js';
import { rowText } from './multiset.js';
import { evaluate, inputsAt } from './naive-eval.js';
import type { Feed } from './program-gen.js';

/** Each export's rows at one epoch, as text lines. */
export type Contents = Readonly<Record<string, readonly string[]>>;

/** A case could not be run (compile errors, engine failure). */
export class CaseError extends Error {
  override name = 'CaseError';
}

/** Compiles program text; throws `CaseError` listing the errors if it does not compile. */
export function compileCase(text: string): { ir: ProgramIr; optimized: ProgramIr } {
  const r = compile(text, 'gen.ddp');
  if (!r.ir || !r.optimized) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw new CaseError(`the program does not compile:\n${errors.join('\n')}\n${text}`);
  }
  return { ir: r.ir, optimized: r.optimized };
}

/** The reference evaluator's exports at each epoch `0..epochs-1`. */
export function referenceRun(ir: ProgramIr, feeds: readonly Feed[], epochs: number): Contents[] {
  const out: Contents[] = [];
  for (let e = 0; e < epochs; e++) {
    const result = evaluate(ir, inputsAt(feeds, e));
    out.push(
      Object.fromEntries(
        [...result].map(([name, rows]) => [name, rows.map((r) => rowText(r.key, r.val, r.mult))]),
      ),
    );
  }
  return out;
}

/** Iterations per scope per tick the engine may take in these tests (delays reach 16 384). */
const MAX_ITERATIONS = 100_000;

/**
 * The engine's exports after each of `epochs` ticks: before tick `e`, every feed staged
 * while epoch `e` is open (`feed.epoch === e`) is fed. Only inputs the program reads are fed.
 */
export function engineRun(optimized: ProgramIr, feeds: readonly Feed[], epochs: number): Contents[] {
  const engine = new Engine({ maxIterations: MAX_ITERATIONS, maxSeconds: 60 });
  const installed = engine.install(optimized, new Map());
  const reads = new Set(optimized.inputs);
  const out: Contents[] = [];
  for (let e = 0; e < epochs; e++) {
    for (const f of feeds) {
      if (f.epoch === e && reads.has(f.input))
        engine.feed(installed.dataflow, f.input, f.key, f.val, f.time, f.diff);
    }
    const tick = engine.tick();
    if (tick.failures.length > 0) {
      throw new CaseError(`tick ${e} failed: ${tick.failures.map((f) => f.message).join('; ')}`);
    }
    const contents: Record<string, readonly string[]> = {};
    for (const [name, trace] of installed.exports) {
      contents[name] = engine.read(trace).map(([key, val, mult]) => rowText(key, val, mult));
    }
    out.push(contents);
  }
  return out;
}

/** Feeds regrouped `g` epochs to one: staged at ⌊epoch/g⌋, at time ⌊time/g⌋. */
export function coarsen(feeds: readonly Feed[], g: number): Feed[] {
  return feeds.map((f) => ({ ...f, epoch: Math.floor(f.epoch / g), time: Math.floor(f.time / g) }));
}

/** Every feed staged up front, while epoch 0 is open (times unchanged). */
export function upfront(feeds: readonly Feed[]): Feed[] {
  return feeds.map((f) => ({ ...f, epoch: 0 }));
}

/** Describes the first difference between two runs at the given epoch pairs, or null. */
export function firstDifference(
  expected: readonly Contents[],
  actual: readonly Contents[],
  pairs: readonly (readonly [expectedEpoch: number, actualEpoch: number])[] = expected.map((_, e) => [e, e]),
): string | null {
  for (const [ee, ae] of pairs) {
    const want = expected[ee] ?? {};
    const got = actual[ae] ?? {};
    const names = new Set([...Object.keys(want), ...Object.keys(got)]);
    for (const name of [...names].sort()) {
      const w = want[name] ?? ['<no such export>'];
      const g = got[name] ?? ['<no such export>'];
      if (w.length === g.length && w.every((row, i) => row === g[i])) continue;
      return `export "${name}" differs at epoch ${ee}${ee === ae ? '' : ` (vs ${ae})`}:\n  expected: ${w.join(' | ') || '(empty)'}\n  actual:   ${g.join(' | ') || '(empty)'}`;
    }
  }
  return null;
}
