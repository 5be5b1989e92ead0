// The parser never throws: on random text, and on random token-level mutations of valid
// programs, `parse` returns a tree and diagnostics with sane spans, and never leaves an
// `error` node without a diagnostic explaining it. Runs FUZZ_RUNS cases per property
// (default 1,000; `npm run fuzz` sets 10,000).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Syntax } from '../../src/lang/ast.js';
import { arbProgram } from '../../src/lang/ast-arbitrary.js';
import { parse, parseClosedTerm } from '../../src/lang/parse.js';
import { printProgram } from '../../src/lang/print.js';
import { FUZZ_TOKENS, arbMutation, mutateTokens } from './mutate.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

// Every span in the tree, and whether an `error` node occurs.
function scan(node: unknown, spans: { start: number; end: number }[]): boolean {
  if (Array.isArray(node)) return node.map((n) => scan(n, spans)).some(Boolean);
  if (node === null || typeof node !== 'object') return false;
  let error = false;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'span' || k === 'nameSpan') spans.push(v as { start: number; end: number });
    else if (k === 'kind' && v === 'error') error = true;
    else error = scan(v, spans) || error;
  }
  return error;
}

function checkParse(text: string, syntax: Syntax): void {
  const { ast, diagnostics } = parse(text, syntax);
  const spans: { start: number; end: number }[] = [];
  const hasError = scan(ast, spans);
  for (const d of diagnostics) spans.push(d.span);
  for (const s of spans) {
    expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
  }
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(d.message.length).toBeGreaterThan(0);
  }
  if (hasError) expect(diagnostics.length).toBeGreaterThan(0);
}

for (const syntax of ['ddp', 'ddir'] as const) {
  describe(`parse never throws (${syntax})`, () => {
    it('on random text', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 80 }), (text) => checkParse(text, syntax)),
        { numRuns: RUNS },
      );
    });

    it('on random strings of tokens', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...FUZZ_TOKENS), { maxLength: 40 }), (toks) =>
          checkParse(toks.join(' '), syntax),
        ),
        { numRuns: RUNS },
      );
    });

    it('on valid programs with tokens inserted, deleted or replaced', () => {
      fc.assert(
        fc.property(arbProgram(syntax), fc.array(arbMutation, { minLength: 1, maxLength: 4 }), (ast, ms) =>
          checkParse(mutateTokens(printProgram(ast), ms), syntax),
        ),
        { numRuns: RUNS },
      );
    });
  });
}

describe('parseClosedTerm never throws', () => {
  it('on random text, and returns a term exactly when there are no diagnostics', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.array(fc.constantFrom(...FUZZ_TOKENS), { maxLength: 12 }).map((t) => t.join('')),
        ),
        (text) => {
          const { term, diagnostics } = parseClosedTerm(text);
          expect(term === null).toBe(diagnostics.length > 0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
