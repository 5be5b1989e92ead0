/**
 * The reserved words of both syntaxes, in one place: the parsers, the editor's colouring
 * and completion all read them from here.
 *
 * `.ddp` reserves its statement keywords and every pipe operator name; `.ddir` reserves
 * its statement keywords, the upper-case operator calls and the reducer names.
 */
import type { Syntax } from './ast.js';

/** The operator names that may follow `|` in `.ddp`, in the order they are suggested. */
export const PIPE_OPERATORS = [
  'key',
  'map',
  'join',
  'min',
  'distinct',
  'count',
  'collect',
  'filter',
  'flatmap',
  'negate',
  'arrange',
  'inspect',
  'enter_at',
  'lift_iter',
] as const;

/** The operator calls of `.ddir` (`MAP(e, P)`, …). */
export const APPLICATIVE_CALLS = [
  'MAP',
  'JOIN',
  'REDUCE',
  'FILTER',
  'FLATMAP',
  'NEGATE',
  'CONCAT',
  'ARRANGE',
  'INSPECT',
  'ENTER_AT',
  'LIFT_ITER',
] as const;

/** The reducer names of `.ddir`'s `REDUCE(e, …)`. */
export const APPLICATIVE_REDUCERS = ['MIN', 'DISTINCT', 'COUNT', 'COLLECT'] as const;

const PIPE_KEYWORDS = ['let', 'var', 'export', 'con', 'case', 'fold', 'input', 'import', ...PIPE_OPERATORS];

const APPLICATIVE_KEYWORDS = [
  'let',
  'var',
  'scope',
  'export',
  'INPUT',
  'IMPORT',
  ...APPLICATIVE_CALLS,
  ...APPLICATIVE_REDUCERS,
];

/** The reserved words of each syntax: they cannot be used as names. */
export const KEYWORDS: Readonly<Record<Syntax, ReadonlySet<string>>> = {
  ddp: new Set(PIPE_KEYWORDS),
  ddir: new Set(APPLICATIVE_KEYWORDS),
};
