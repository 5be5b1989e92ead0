import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/lang/compile.js';
import { evaluateEpochs } from './naive-eval.js';
import { caseArb, recipeArb, updatesArb, writeProgram } from './program-gen.js';
import { rowText } from './multiset.js';

describe('the program generator', () => {
  it('writes programs that compile without errors', () => {
    fc.assert(
      fc.property(recipeArb, (recipe) => {
        const text = writeProgram(recipe);
        const errors = compile(text, 'gen.ddp').diagnostics.filter((d) => d.severity === 'error');
        expect(errors, text).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('writes programs whose loops converge and whose optimized form means the same', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = compile(c.text, 'gen.ddp');
        if (!r.ir || !r.optimized) throw new Error(`does not compile:\n${c.text}`);
        const show = (ir: NonNullable<typeof r.ir>) =>
          evaluateEpochs(ir, c.feeds, c.epochs).map((m) =>
            [...m].map(([name, rows]) => [name, rows.map((e) => rowText(e.key, e.val, e.mult))]),
          );
        expect(show(r.optimized)).toEqual(show(r.ir));
      }),
      { numRuns: 150 },
    );
  });

  it('feeds only at open epochs and never at a time before the epoch they are staged in', () => {
    fc.assert(
      fc.property(updatesArb, ({ feeds, epochs }) => {
        for (const f of feeds) {
          expect(f.epoch).toBeLessThan(epochs);
          expect(f.time).toBeGreaterThanOrEqual(f.epoch);
          expect(f.diff).not.toBe(0);
        }
      }),
    );
  });

  it('retracts earlier inserts, so some epochs see rows removed again', () => {
    const withRetraction = fc
      .sample(updatesArb, { numRuns: 200, seed: 1 })
      .filter(({ feeds }) => feeds.some((f, i) => feeds.slice(0, i).some((g) => g.diff === -f.diff)));
    expect(withRetraction.length).toBeGreaterThan(20);
  });
});
