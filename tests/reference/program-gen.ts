/**
 * fast-check arbitraries for engine property tests: valid, terminating `.ddp` programs
 * over two inputs of small-int pair rows, and update sequences for them.
 *
 * A program is generated as a *recipe* (plain data that fast-check can shrink) and then
 * written out as text by `writeProgram`. Every input row is `((a, b) ; ())` with a, b in
 * 0..5; the program re-keys it as `(a ; b)`. Root statements mix every operator freely
 * (filter, map, negation, concat, joins, the four reducers, collect/flatmap round trips,
 * root `enter_at` and `lift_iter`, inspect) and export many intermediates.
 *
 * Termination is by construction: loop nests (loop-gen.ts) read only *loop-safe* root
 * collections (gen-writer.ts) and are monotone over a finite domain; namespaces (scopes
 * without vars) lift_iter a root collection, possibly after an `enter_at`.
 *
 * Updates: per epoch a few inserts (some at future times `epoch + 1..3`, some with
 * multiplicity 2 or -1) and retractions of earlier inserts at the open epoch (which can
 * leave rows net-negative while their insert is still in the future).
 */
import fc from 'fast-check';
import type { Value } from '../../src/lang/value.js';
import { DELAYS, Writer, loopSafe, monotoneAlong, pick } from './gen-writer.js';
import { KINDS, writeLoop } from './loop-gen.js';
import type { Level, LoopNest } from './loop-gen.js';

/** One `feed` call: staged while epoch `epoch` is open, at logical time `time` ≥ epoch. */
export interface Feed {
  readonly epoch: number;
  readonly input: number;
  readonly key: Value;
  readonly val: Value;
  readonly time: number;
  readonly diff: number;
}

/** A program text with the feeds to run it on, over epochs `0..epochs-1`. */
export interface GeneratedCase {
  readonly text: string;
  readonly feeds: readonly Feed[];
  readonly epochs: number;
}

// ---- recipes -----------------------------------------------------------------------------

const ROOT_OPS = [
  'filter',
  'map',
  'negate',
  'concat',
  'minus',
  'join',
  'min',
  'distinct',
  'count',
  'collect',
  'roundtrip',
  'enter_at',
  'lift_iter',
  'inspect',
] as const;

/** One root `let`: operator `op` on pool entries picked by `x`/`y`, variant `v`. */
export interface RootStep {
  readonly k: 'step';
  readonly op: (typeof ROOT_OPS)[number];
  readonly x: number;
  readonly y: number;
  readonly v: number;
  readonly exported: boolean;
}

/** A depth-1 scope with no var: lift_iter (after an optional enter_at) of a root entry. */
export interface Namespace {
  readonly k: 'namespace';
  readonly x: number;
  readonly delay: number | null;
}

/** A whole program: statements in order; each may read what came before it. */
export interface Recipe {
  readonly parts: readonly (RootStep | LoopNest | Namespace)[];
}

const delayArb = fc.option(
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 6 },
    { arbitrary: fc.constant(4), weight: 1 },
  ),
  { freq: 3 },
);

const stepArb: fc.Arbitrary<RootStep> = fc.record({
  k: fc.constant('step' as const),
  op: fc.constantFrom(...ROOT_OPS),
  x: fc.nat({ max: 30 }),
  y: fc.nat({ max: 30 }),
  v: fc.nat({ max: 30 }),
  exported: fc.boolean(),
});

const levelArb: fc.Arbitrary<Level> = fc.record({
  kind: fc.constantFrom(...KINDS),
  seed: fc.nat({ max: 30 }),
  edges: fc.nat({ max: 30 }),
  edges2: fc.nat({ max: 30 }),
  twin: fc.boolean(),
  seedDelay: delayArb,
  stepDelay: delayArb,
  extras: fc.nat({ max: 15 }),
});

const loopArb: fc.Arbitrary<LoopNest> = fc.record({
  k: fc.constant('loop' as const),
  levels: fc.array(levelArb, { minLength: 1, maxLength: 3 }),
});

const namespaceArb: fc.Arbitrary<Namespace> = fc.record({
  k: fc.constant('namespace' as const),
  x: fc.nat({ max: 30 }),
  delay: delayArb,
});

/** Program recipes: mostly root steps, some loop nests, a few namespaces. */
export const recipeArb: fc.Arbitrary<Recipe> = fc.record({
  parts: fc.array(
    fc.oneof(
      { arbitrary: stepArb, weight: 6 },
      { arbitrary: loopArb, weight: 2 },
      { arbitrary: namespaceArb, weight: 1 },
    ),
    { minLength: 1, maxLength: 10 },
  ),
});

// ---- writing a recipe as text ------------------------------------------------------------

const KEY_CONDS = ['$0[0] < 3', '$0[0] != 2', '$0[0] >= 1'];
const VAL_CONDS = ['$1[0] < 3', '$0[0] <= $1[0]', '$0[0] + $1[0] > 4', 'not($1[0] == 1)'];

/** Maps by the least val arity they need: text and resulting arity. */
const MAPS: readonly { min: number; text: string; arity: number }[] = [
  { min: 0, text: '$0[0] ;', arity: 0 },
  { min: 0, text: '$0[0] ; $0[0]', arity: 1 },
  { min: 0, text: '$0 ; $1', arity: -2 },
  { min: 1, text: '$1[0] ; $0[0]', arity: 1 },
  { min: 1, text: '$0[0] ; $1[0] + 1', arity: 1 },
  { min: 1, text: '$0[0] ; $1[0], $0[0]', arity: 2 },
  { min: 1, text: '$0[0] ; $0[0] * 2 - $1[0]', arity: 1 },
  { min: 2, text: '$0[0] ; $1[1]', arity: 1 },
];

function writeStep(w: Writer, s: RootStep): void {
  const plain = w.pool.filter((c) => c.arity >= 0);
  const x = pick(plain, s.x);
  const keep = { arity: x.arity, positive: x.positive, delayed: x.delayed, growing: x.growing };
  const lost = { ...keep, growing: false };
  switch (s.op) {
    case 'filter': {
      const conds = x.arity >= 1 ? [...KEY_CONDS, ...VAL_CONDS] : KEY_CONDS;
      w.bind(`${x.name} | filter(${pick(conds, s.v)})`, keep, s.exported);
      return;
    }
    case 'map': {
      const m = pick(
        MAPS.filter((c) => c.min <= x.arity),
        s.v,
      );
      w.bind(
        `${x.name} | map(${m.text})`,
        { ...keep, arity: m.arity === -2 ? x.arity : m.arity },
        s.exported,
      );
      return;
    }
    case 'negate':
      w.bind(`${x.name} | negate`, { ...lost, positive: false }, s.exported);
      return;
    case 'concat':
    case 'minus': {
      const y = pick(
        plain.filter((c) => c.arity === x.arity),
        s.y,
      );
      const positive = s.op === 'concat' && x.positive && y.positive;
      const growing = positive && monotoneAlong(x) && monotoneAlong(y);
      const op = s.op === 'concat' ? '+' : '-';
      w.bind(
        `${x.name} ${op} ${y.name}`,
        { ...keep, positive, delayed: x.delayed || y.delayed, growing },
        s.exported,
      );
      return;
    }
    case 'join': {
      const y = pick(plain, s.y);
      const projs: { text: string; arity: number }[] = [
        { text: '$0[0] ;', arity: 0 },
        { text: '$0 ; $1, $2', arity: x.arity + y.arity },
      ];
      if (y.arity >= 1) projs.push({ text: '$2[0] ; $0[0]', arity: 1 });
      if (x.arity >= 1 && y.arity >= 1) projs.push({ text: '$0[0] ; $1[0], $2[0]', arity: 2 });
      const p = pick(projs, s.v);
      const positive = x.positive && y.positive;
      const growing = positive && monotoneAlong(x) && monotoneAlong(y);
      const other = s.v % 3 === 2 && y.arity >= 0 ? `${y.name} | filter($0[0] != 4)` : y.name;
      w.bind(
        `${x.name} | join(${other}, (${p.text}))`,
        { arity: p.arity, positive, delayed: x.delayed || y.delayed, growing },
        s.exported,
      );
      return;
    }
    case 'min':
      w.bind(`${x.name} | min`, { ...lost, positive: true }, s.exported);
      return;
    case 'distinct':
      w.bind(
        `${x.name} | distinct`,
        { ...keep, arity: 0, positive: true, growing: monotoneAlong(x) },
        s.exported,
      );
      return;
    case 'count':
      w.bind(`${x.name} | count`, { ...lost, arity: 1, positive: true }, s.exported);
      return;
    case 'collect':
      w.bind(`${x.name} | collect`, { ...lost, arity: -1, positive: true }, s.exported);
      return;
    case 'roundtrip': {
      const back = x.arity >= 1 && s.v % 2 === 0 ? '$0[0] ; $1[1][0]' : '$0[0] ; $1[0]';
      w.bind(
        `${x.name} | collect | flatmap($1) | map(${back})`,
        { ...lost, arity: 1, positive: true },
        s.exported,
      );
      return;
    }
    case 'enter_at':
      w.bind(
        `${x.name} | enter_at(${pick(DELAYS, s.v)})`,
        { ...keep, delayed: true, growing: loopSafe(x) },
        s.exported,
      );
      return;
    case 'lift_iter':
      w.bind(`${x.name} | lift_iter`, { ...keep, arity: x.arity + 1 }, s.exported);
      return;
    case 'inspect':
      w.bind(`${x.name} | inspect(${w.fresh('probe')})`, keep, s.exported);
      return;
  }
}

function writeNamespace(w: Writer, ns: Namespace): void {
  const x = pick(
    w.pool.filter((c) => c.arity >= 0),
    ns.x,
  );
  const scope = w.fresh('ns');
  const delay = ns.delay === null ? '' : ` | enter_at(${pick(DELAYS, ns.delay)})`;
  w.lines.push(`${scope}: {`, `    let tagged = ${x.name}${delay} | lift_iter;`, `}`);
  w.lines.push(`export "${scope}" = ${scope}::tagged;`);
}

/** The program text of a recipe (always valid; reads inputs 0 and 1). */
export function writeProgram(recipe: Recipe): string {
  const w = new Writer();
  const base = { arity: 1, delayed: false, growing: true };
  w.bind('input 0 | key($0[0] ; $0[1])', { ...base, positive: false }, true);
  w.bind('input 1 | key($0[0] ; $0[1])', { ...base, positive: false }, false);
  w.bind('input 0 | distinct | key($0[0] ; $0[1])', { ...base, positive: true }, false);
  w.bind('input 1 | distinct | key($0[0] ; $0[1])', { ...base, positive: true }, true);
  for (const part of recipe.parts) {
    if (part.k === 'step') writeStep(w, part);
    else if (part.k === 'loop') writeLoop(w, part);
    else writeNamespace(w, part);
  }
  return `${w.lines.join('\n')}\n`;
}

// ---- updates -----------------------------------------------------------------------------

/** One generated update before interpretation: an insert, or a retraction of an earlier one. */
interface FeedSpec {
  readonly epoch: number;
  readonly input: number;
  readonly a: number;
  readonly b: number;
  /** Epochs ahead of the open one for an insert's time. */
  readonly ahead: number;
  readonly diff: number;
  readonly retract: boolean;
  readonly which: number;
}

/** How big generated update sequences get. */
export interface UpdateLimits {
  /** Epochs per case: 1..maxEpochs. */
  readonly maxEpochs: number;
  /** Row fields range over 0..maxValue. */
  readonly maxValue: number;
  /** Generated updates per case (before retractions are resolved). */
  readonly maxUpdates: number;
}

/** The default, small and fast: 1–5 epochs, values 0..5, up to 24 updates. */
export const SMALL: UpdateLimits = { maxEpochs: 5, maxValue: 5, maxUpdates: 24 };
/** A heavier setting for long fuzzing runs: 1–10 epochs, values 0..9, up to 80 updates. */
export const LARGE: UpdateLimits = { maxEpochs: 10, maxValue: 9, maxUpdates: 80 };

function feedSpecArb(epochs: number, limits: UpdateLimits): fc.Arbitrary<FeedSpec> {
  return fc.record({
    epoch: fc.integer({ min: 0, max: epochs - 1 }),
    input: fc.integer({ min: 0, max: 1 }),
    a: fc.integer({ min: 0, max: limits.maxValue }),
    b: fc.integer({ min: 0, max: limits.maxValue }),
    ahead: fc.oneof(
      { arbitrary: fc.constant(0), weight: 3 },
      { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 },
    ),
    diff: fc.oneof(
      { arbitrary: fc.constant(1), weight: 4 },
      { arbitrary: fc.constantFrom(2, -1), weight: 1 },
    ),
    retract: fc.oneof(
      { arbitrary: fc.constant(false), weight: 3 },
      { arbitrary: fc.constant(true), weight: 1 },
    ),
    which: fc.nat({ max: 30 }),
  });
}

/** Turns specs into feeds: retractions undo an earlier insert at the open epoch. */
function interpret(specs: readonly FeedSpec[]): Feed[] {
  const sorted = [...specs].sort((p, q) => p.epoch - q.epoch);
  const inserted: Feed[] = [];
  const feeds: Feed[] = [];
  for (const s of sorted) {
    if (s.retract && inserted.length > 0) {
      const t = pick(inserted, s.which);
      feeds.push({ ...t, epoch: s.epoch, time: s.epoch, diff: -t.diff });
      continue;
    }
    const f: Feed = {
      epoch: s.epoch,
      input: s.input,
      key: [s.a, s.b],
      val: [],
      time: s.epoch + s.ahead,
      diff: s.diff,
    };
    inserted.push(f);
    feeds.push(f);
  }
  return feeds;
}

/** Update sequences: inserts (some at future times), retractions, net-negative rows. */
export function updatesArbOf(limits: UpdateLimits): fc.Arbitrary<{ feeds: Feed[]; epochs: number }> {
  return fc
    .integer({ min: 1, max: limits.maxEpochs })
    .chain((epochs) =>
      fc
        .array(feedSpecArb(epochs, limits), { minLength: 3, maxLength: limits.maxUpdates, size: 'max' })
        .map((specs) => ({ feeds: interpret(specs), epochs })),
    );
}

/** Update sequences within the `SMALL` limits. */
export const updatesArb = updatesArbOf(SMALL);

/** Prints a feed as the TypeScript literal a regression test would contain. */
export function showFeed(f: Feed): string {
  return `{ epoch: ${f.epoch}, input: ${f.input}, key: ${JSON.stringify(f.key)}, val: ${JSON.stringify(f.val)}, time: ${f.time}, diff: ${f.diff} }`;
}

/** Whole cases: a program and its updates, printed readably when a property fails. */
export function caseArbOf(limits: UpdateLimits): fc.Arbitrary<GeneratedCase> {
  return fc.tuple(recipeArb.map(writeProgram), updatesArbOf(limits)).map(([text, u]) => ({
    text,
    feeds: u.feeds,
    epochs: u.epochs,
    [fc.toStringMethod]: () =>
      `\nprogram:\n${text}\nepochs: ${u.epochs}\nfeeds: [\n${u.feeds.map((f) => `  ${showFeed(f)},`).join('\n')}\n]\n`,
  }));
}

/** Cases within the `SMALL` limits. */
export const caseArb = caseArbOf(SMALL);
