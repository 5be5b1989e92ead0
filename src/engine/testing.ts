/**
 * A small driver for tests (the engine's own, and the reference-evaluator property
 * tests): run one optimized program over a sequence of epochs and collect what it shows.
 *
 * `runEpochs(program, epochs)` installs the program in a fresh engine, then for each
 * epoch feeds that epoch's updates at the open epoch, ticks, and reads every export. It
 * returns one result per epoch: each export's consolidated rows (sorted by key, val), the
 * tick's inspect updates and its failures. The program may not import traces.
 */
import type { DataflowFailure, EngineOptions, InspectUpdate, Row } from './api.js';
import { Engine } from './engine.js';
import type { ProgramIr } from '../lang/ir.js';
import type { Value } from '../lang/value.js';

/** One input change: `(key ; val)` with multiplicity `diff` into positional input `input`. */
export interface TestUpdate {
  readonly input: number;
  readonly key: Value;
  readonly val: Value;
  readonly diff: number;
}

/** What the program shows after one epoch. */
export interface EpochResult {
  /** Each export's consolidated rows, by export name. */
  readonly exports: ReadonlyMap<string, Row[]>;
  readonly inspects: readonly InspectUpdate[];
  readonly failures: readonly DataflowFailure[];
}

/** Generous limits for tests; override per call. */
export const TEST_OPTIONS: EngineOptions = { maxIterations: 100_000, maxSeconds: 60 };

/** Runs `program` over `epochs` of input changes (see the module header). */
export function runEpochs(
  program: ProgramIr,
  epochs: readonly (readonly TestUpdate[])[],
  options: EngineOptions = TEST_OPTIONS,
): EpochResult[] {
  const engine = new Engine(options);
  const installed = engine.install(program, new Map());
  const results: EpochResult[] = [];
  for (const updates of epochs) {
    for (const u of updates) engine.feed(installed.dataflow, u.input, u.key, u.val, engine.epoch, u.diff);
    const tick = engine.tick();
    const exports = new Map<string, Row[]>();
    if (!engine.isFailed(installed.dataflow)) {
      for (const [name, trace] of installed.exports) exports.set(name, engine.read(trace));
    }
    results.push({ exports, inspects: tick.inspects, failures: tick.failures });
  }
  return results;
}
