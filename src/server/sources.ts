/**
 * Generated sources as tiny internal programs (SERVER.md "Generated sources").
 *
 * A generated source — a `random:`/`iota:` recipe or the clock — is realized as a
 * one-input program that publishes its input 0, arranged, under the source's canonical
 * name. `installSource` installs it in the engine with its rows in place: a recipe's rows
 * at time 0 (also when installed at a later epoch, as the reference does), the clock's
 * single row `(t)` at the open epoch t. The session advances the clock at every tick with
 * `advanceClock`. Nothing here reports errors: recipes are validated before installing.
 */
import { clockRow, recipeKeys } from './generated.js';
import type { Recipe } from './generated.js';
import type { DataflowId, EngineApi, InitialRows, TraceId } from '../engine/api.js';
import { BatchBuilder } from '../engine/batch.js';
import { ownsRow } from '../engine/cluster.js';
import type { Steps } from '../engine/cluster.js';
import type { ProgramIr } from '../lang/ir.js';
import { UNIT } from '../lang/value.js';

const NO_SPAN = { start: 0, end: 0 };

/** The program `export "NAME" = input 0 | arrange;`, built directly as IR. */
export function sourceProgram(name: string): ProgramIr {
  return {
    syntax: 'ddp',
    scopes: [
      {
        id: 0,
        name: '',
        parent: null,
        depth: 0,
        items: [
          { id: 0, op: 'input', index: 0, span: NO_SPAN },
          { id: 1, op: 'arrange', input: 0, span: NO_SPAN },
        ],
        vars: [],
        names: new Map(),
        children: [],
        span: NO_SPAN,
      },
    ],
    inputs: [0],
    imports: [],
    exports: [{ name, item: 1, span: NO_SPAN }],
  };
}

/** An installed generated source: its dataflow and its one published trace. */
export interface InstalledSource {
  readonly dataflow: DataflowId;
  readonly trace: TraceId;
}

/** What to generate: a recipe's fixed rows, or the clock. */
export type SourceKind = { readonly kind: 'recipe'; readonly recipe: Recipe } | { readonly kind: 'clock' };

/**
 * Installs a generated source under its canonical `name` with its rows in place
 * (resumably). A sharded engine gets only its share: a recipe's rows by row index (each
 * worker generates only its own; nothing ever retracts them), the clock's row on the
 * worker that owns it (where the tick that retracts it will feed the retraction).
 */
export function* installSource(engine: EngineApi, name: string, source: SourceKind): Steps<InstalledSource> {
  const rows = new BatchBuilder();
  let time = 0;
  if (source.kind === 'clock') {
    const [key, val] = clockRow(engine.epoch);
    if (ownsRow(engine.cluster, key, val)) rows.push(key, val, 1);
    time = engine.epoch;
  } else {
    for (const key of recipeKeys(source.recipe, engine.cluster)) rows.push(key, UNIT, 1);
  }
  // Built straight into one batch: a million-row source makes no object per row here.
  const initial: InitialRows[] = rows.size === 0 ? [] : [{ input: 0, time, rows: rows.build() }];
  const installed = yield* engine.installSteps(sourceProgram(name), new Map(), initial);
  const trace = installed.exports.get(name);
  if (trace === undefined) throw new Error(`engine did not publish the generated source "${name}"`);
  return { dataflow: installed.dataflow, trace };
}

/** Stages the clock's change for a tick that moved the open epoch from `epoch − 1` to `epoch`. */
export function advanceClock(engine: EngineApi, clock: DataflowId, epoch: number): void {
  const [oldKey, val] = clockRow(epoch - 1);
  const [newKey] = clockRow(epoch);
  engine.feed(clock, 0, oldKey, val, epoch, -1);
  engine.feed(clock, 0, newKey, val, epoch, 1);
}
