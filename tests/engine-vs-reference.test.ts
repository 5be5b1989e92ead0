/**
 * Property tests of the engine against the naive reference evaluator
 * (tests/reference/naive-eval.ts), over generated programs and update sequences
 * (tests/reference/program-gen.ts): joins, all reducers, negation, flatmap/collect,
 * loops nested 2–3 deep, enter_at, lift_iter; inserts, retractions, net-negative
 * multiplicities and future times. Exports are compared after every tick.
 *
 * Runs: `PROP_RUNS` (default 200 for the main property, half that for batching);
 * `PROP_LARGE=1` for up to 10 epochs, values 0..9 and 80 updates per case.
 * Replay a failure: fast-check prints `seed` and `path`; run
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run tests/engine-vs-reference.test.ts
 * (FC_SEED alone re-runs the whole sequence). Shrunk failures become named tests in
 * tests/regressions/ (see tests/regressions/README.md).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { LARGE, SMALL, caseArbOf } from './reference/program-gen.js';
import type { Feed, GeneratedCase } from './reference/program-gen.js';
import {
  coarsen,
  compileCase,
  engineRun,
  firstDifference,
  referenceRun,
  upfront,
} from './reference/run-case.js';
import { expectPinned } from './reference/pinned.js';

const RUNS = Number(process.env.PROP_RUNS ?? 200);
/** `PROP_LARGE=1` generates longer, denser update sequences (for long fuzzing runs). */
const caseArb = caseArbOf(process.env.PROP_LARGE ? LARGE : SMALL);

/** fast-check parameters: the run count and, when replaying, the seed and path. */
function parameters<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env.FC_SEED;
  const path = process.env.FC_PATH;
  return {
    numRuns,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
  };
}

function fail(difference: string | null): void {
  if (difference !== null) throw new Error(difference);
}

describe('the engine against the from-scratch reference', () => {
  it('publishes exactly the reference results at every epoch', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { ir, optimized } = compileCase(c.text);
        fail(firstDifference(referenceRun(ir, c.feeds, c.epochs), engineRun(optimized, c.feeds, c.epochs)));
      }),
      parameters<[GeneratedCase]>(RUNS),
    );
  });

  it('gives the same results however the same updates are batched into ticks', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 2, max: 3 }), (c, g) => {
        const { optimized } = compileCase(c.text);
        // Round the epoch count up to a multiple of g so every coarse epoch has a fine twin.
        const epochs = Math.ceil(c.epochs / g) * g;
        const fine = engineRun(optimized, c.feeds, epochs);
        fail(firstDifference(fine, engineRun(optimized, upfront(c.feeds), epochs)));
        const coarse = engineRun(optimized, coarsen(c.feeds, g), epochs / g);
        const pairs = coarse.map((_, k) => [k * g + g - 1, k] as const);
        fail(firstDifference(fine, coarse, pairs));
      }),
      parameters<[GeneratedCase, number]>(Math.max(1, Math.floor(RUNS / 2))),
    );
  });
});

describe('corner cases of time that generated cases reach only rarely', () => {
  it('a reduce in a nested scope is corrected at the join of three delayed times', () => {
    // Row (1;1) is delayed at the root (outer coordinate 256), row (1;2) in the inner
    // scope (inner coordinate 256), row (1;0) arrives in epoch 1 and (1;1) leaves in epoch 2.
    // lift_iter at both levels exposes the [outer, inner] coordinates of every change.
    const text = `
      let a = input 0 | key($0[0] ; $0[1]);
      let da = a | enter_at(if($1[0] == 1, 1, 0));
      outer: {
        inner: {
          let b = da | enter_at(if($1[0] == 2, 1, 0));
          let cl = b | count | lift_iter;
          let ml = b | min | lift_iter;
        }
        let c = inner::cl | lift_iter;
        let m = inner::ml | lift_iter;
      }
      export "count" = outer::c;
      export "min" = outer::m;
    `;
    const feeds: Feed[] = [
      { epoch: 0, input: 0, key: [1, 1], val: [], time: 0, diff: 1 },
      { epoch: 0, input: 0, key: [1, 2], val: [], time: 0, diff: 1 },
      { epoch: 1, input: 0, key: [1, 0], val: [], time: 1, diff: 1 },
      { epoch: 2, input: 0, key: [1, 1], val: [], time: 2, diff: -1 },
    ];
    expectPinned(text, feeds, [
      {
        count: [
          '(1) ; (1, 0, 256) ×1',
          '(1) ; (1, 256, 0) ×1',
          '(1) ; (1, 256, 256) ×-2',
          '(1) ; (2, 256, 256) ×1',
        ],
        min: ['(1) ; (1, 0, 256) ×1', '(1) ; (2, 256, 0) ×1', '(1) ; (2, 256, 256) ×-1'],
      },
      {
        count: [
          '(1) ; (1, 0, 0) ×1',
          '(1) ; (1, 0, 256) ×-1',
          '(1) ; (1, 256, 0) ×-1',
          '(1) ; (1, 256, 256) ×1',
          '(1) ; (2, 0, 256) ×1',
          '(1) ; (2, 256, 0) ×1',
          '(1) ; (2, 256, 256) ×-2',
          '(1) ; (3, 256, 256) ×1',
        ],
        min: ['(1) ; (0, 0, 0) ×1'],
      },
      {
        count: ['(1) ; (1, 0, 0) ×1', '(1) ; (1, 256, 0) ×-1', '(1) ; (2, 256, 0) ×1'],
        min: ['(1) ; (0, 0, 0) ×1'],
      },
    ]);
  });

  it('a root enter_at reaches a depth-1 scope along its iteration while root exports see the limit', () => {
    const text = `
      let kv = input 0 | key($0[0] ; $0[1]);
      let delayed = kv | enter_at(10 - $1[0]);
      let least = delayed | min;
      view: { let tagged = least | lift_iter; }
      export "least" = least;
      export "rootLift" = delayed | lift_iter;
      export "seen" = view::tagged;
    `;
    const feeds: Feed[] = [
      { epoch: 0, input: 0, key: [1, 9], val: [], time: 0, diff: 1 },
      { epoch: 0, input: 0, key: [1, 2], val: [], time: 1, diff: 1 },
    ];
    expectPinned(text, feeds, [
      { least: ['(1) ; (9) ×1'], rootLift: ['(1) ; (9, 0) ×1'], seen: ['(1) ; (9, 256) ×1'] },
      {
        least: ['(1) ; (2) ×1'],
        rootLift: ['(1) ; (2, 0) ×1', '(1) ; (9, 0) ×1'],
        seen: ['(1) ; (2, 1024) ×1', '(1) ; (9, 256) ×1', '(1) ; (9, 1024) ×-1'],
      },
    ]);
  });

  it('lift_iter of a min-label loop records a label that is later improved, across epochs', () => {
    const text = `
      let edges = input 0 | key($0[0] ; $0[1]);
      let labels = input 1 | key($0[0] ; $0[1]);
      lab: {
        var l = labels + (l | join(edges, ($2[0] ; $1[0]))) | min;
        let lifted = l | lift_iter;
      }
      export "lifted" = lab::lifted;
    `;
    const feeds: Feed[] = [
      { epoch: 0, input: 0, key: [2, 3], val: [], time: 0, diff: 1 },
      { epoch: 0, input: 1, key: [2, 5], val: [], time: 0, diff: 1 },
      { epoch: 0, input: 1, key: [1, 1], val: [], time: 0, diff: 1 },
      { epoch: 1, input: 0, key: [1, 4], val: [], time: 1, diff: 1 },
      { epoch: 1, input: 0, key: [4, 3], val: [], time: 1, diff: 1 },
      { epoch: 2, input: 0, key: [4, 3], val: [], time: 2, diff: -1 },
    ];
    expectPinned(text, feeds, [
      { lifted: ['(1) ; (1, 1) ×1', '(2) ; (5, 1) ×1', '(3) ; (5, 2) ×1'] },
      {
        lifted: [
          '(1) ; (1, 1) ×1',
          '(2) ; (5, 1) ×1',
          '(3) ; (1, 3) ×1',
          '(3) ; (5, 2) ×1',
          '(3) ; (5, 3) ×-1',
          '(4) ; (1, 2) ×1',
        ],
      },
      { lifted: ['(1) ; (1, 1) ×1', '(2) ; (5, 1) ×1', '(3) ; (5, 2) ×1', '(4) ; (1, 2) ×1'] },
    ]);
  });
});
