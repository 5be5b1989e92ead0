// The whole front end never throws: random text, random token strings and valid programs
// with tokens inserted, deleted or replaced go through `compile` (parse, check, lower,
// optimize) and come back as a result whose diagnostics all have in-range spans, a known
// code and a message — and the IR is present exactly when no diagnostic is an error.
// Runs FUZZ_RUNS cases per property (default 1,000; `npm run fuzz` sets 10,000).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUZZ_TOKENS, mutateTokens, arbMutation } from './mutate.js';
import type { Syntax } from '../../src/lang/ast.js';
import { arbProgram } from '../../src/lang/ast-arbitrary.js';
import { compile } from '../../src/lang/compile.js';
import { printProgram } from '../../src/lang/print.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

const FILE: Readonly<Record<Syntax, string>> = { ddp: 'fuzz.ddp', ddir: 'fuzz.ddir' };

/** Compiles `text` and checks the result is well formed (throws through `expect` otherwise). */
function checkCompile(text: string, syntax: Syntax): void {
  const result = compile(text, FILE[syntax]);
  for (const d of result.diagnostics) {
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length).toBe(true);
    expect(d.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(d.message.length).toBeGreaterThan(0);
  }
  const hasError = result.diagnostics.some((d) => d.severity === 'error');
  expect(result.optimized === null).toBe(hasError);
  expect(result.ir === null).toBe(hasError);
}

for (const syntax of ['ddp', 'ddir'] as const) {
  describe(`compile never throws (${syntax})`, () => {
    it('on random text', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 80 }), (text) => checkCompile(text, syntax)),
        { numRuns: RUNS },
      );
    });

    it('on random strings of tokens', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...FUZZ_TOKENS), { maxLength: 40 }), (toks) =>
          checkCompile(toks.join(' '), syntax),
        ),
        { numRuns: RUNS },
      );
    });

    it('on generated programs, as printed', () => {
      fc.assert(
        fc.property(arbProgram(syntax), (ast) => checkCompile(printProgram(ast), syntax)),
        { numRuns: RUNS },
      );
    });

    it('on generated programs with tokens inserted, deleted or replaced', () => {
      fc.assert(
        fc.property(arbProgram(syntax), fc.array(arbMutation, { minLength: 1, maxLength: 4 }), (ast, ms) =>
          checkCompile(mutateTokens(printProgram(ast), ms), syntax),
        ),
        { numRuns: RUNS },
      );
    });
  });
}
