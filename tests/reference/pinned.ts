/**
 * Assertion for hand-written and regression cases: program text, feeds, and the rows
 * every export must hold after each epoch (as text lines, see run-case.ts). Both the
 * reference evaluator and the engine must give exactly those rows.
 */
import { expect } from 'vitest';
import type { Feed } from './program-gen.js';
import { compileCase, engineRun, referenceRun } from './run-case.js';
import type { Contents } from './run-case.js';

/** Asserts that the reference, then the engine, give `expected` at each of its epochs. */
export function expectPinned(text: string, feeds: readonly Feed[], expected: readonly Contents[]): void {
  const { ir, optimized } = compileCase(text);
  expect(referenceRun(ir, feeds, expected.length), 'reference').toEqual(expected);
  expect(engineRun(optimized, feeds, expected.length), 'engine').toEqual(expected);
}
