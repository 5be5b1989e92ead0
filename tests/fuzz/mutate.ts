/**
 * Shared fuzzing helpers (test support): a pool of DDIR token texts and token-level
 * mutation of a text (insert, delete or replace one lexed token at a time). Mutating
 * never throws; the result joins the tokens with single spaces.
 */
import fc from 'fast-check';
import { lex } from '../../src/lang/lexer.js';

/** Token texts to splice into programs and terms: punctuation, keywords, odd literals. */
export const FUZZ_TOKENS: readonly string[] = [
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  ':',
  '::',
  '=',
  '==',
  '=>',
  '|',
  '+',
  '-',
  '*',
  '$',
  '$0',
  '$1',
  '$2',
  '^',
  '&&',
  '<',
  'let',
  'var',
  'export',
  'con',
  'case',
  'fold',
  'input',
  'import',
  'key',
  'join',
  'distinct',
  'scope',
  'inspect',
  'MAP',
  'JOIN',
  'REDUCE',
  'CONCAT',
  'MIN',
  'x',
  '_',
  '0',
  '-1',
  '99999999999999999999',
  '"s"',
  '"',
  '"iota:3"',
  '@',
  '&',
  '!',
  '--',
  '\n',
];

/** One token-level edit: at a position (mod the token count), of one kind, with a token. */
export interface Mutation {
  readonly at: number;
  readonly kind: 'insert' | 'delete' | 'replace';
  readonly token: string;
}

/** Random mutations drawing from `FUZZ_TOKENS`. */
export const arbMutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'replace' as const),
  token: fc.constantFrom(...FUZZ_TOKENS),
});

/** Applies `mutations` in order to the tokens of `text`; returns them joined by spaces. */
export function mutateTokens(text: string, mutations: readonly Mutation[]): string {
  const words = lex(text)
    .tokens.filter((t) => t.kind !== 'eof')
    .map((t) => text.slice(t.span.start, t.span.end));
  for (const m of mutations) {
    const i = words.length === 0 ? 0 : m.at % (words.length + 1);
    if (m.kind === 'insert') words.splice(i, 0, m.token);
    else if (m.kind === 'delete') words.splice(i, 1);
    else words.splice(i, 1, m.token);
  }
  return words.join(' ');
}
