/**
 * Values written on a command line (SERVER.md "Values on the command line").
 *
 * `parseValueToken(token)` reads one whitespace-free token:
 * - empty or `_` is unit;
 * - a token of only digits, `-` and `,` that splits on `,` into integer literals is a
 *   Tuple of Ints (`1,2` → `tuple(1, 2)`, `5` → `tuple(5)`);
 * - anything else is a closed term of the scalar language (no `$n`), parsed, lowered and
 *   evaluated: `inject(2,tuple(1,2))`, `list(7,8,9)`, also `1-2` (the Int −1, as the
 *   reference reads it).
 * Text left over after the value (`1,,2`, `3)`), a reference to `$n`, an unknown name or
 * a term that fails to evaluate is an error: the result is `{ error }`, never an exception
 * (also for a term nested too deeply for the JS stack).
 */
import { compileTerm, TermError } from '../lang/eval.js';
import { lowerTerm } from '../lang/lower-term.js';
import { parseClosedTerm } from '../lang/parse.js';
import { UNIT, int } from '../lang/value.js';
import type { Diagnostic } from '../lang/source.js';
import type { Value } from '../lang/value.js';

/** A parsed command-line value, or why the token is not one. */
export type ValueResult = { readonly value: Value } | { readonly error: string };

const INT_ROW = /^[0-9,-]+$/;
const INT_LITERAL = /^-?[0-9]+$/;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

/** Reads a comma-separated row of i64 literals, or null when the token is not one. */
function intRow(token: string): Value | null {
  if (!INT_ROW.test(token)) return null;
  const parts = token.split(',');
  if (!parts.every((part) => INT_LITERAL.test(part))) return null;
  const ints = parts.map((part) => BigInt(part));
  if (ints.some((n) => n < I64_MIN || n > I64_MAX)) return null;
  // `map` makes an array of exactly the row's length (rows live on in traces).
  return ints.map(int);
}

/** Parses one command-line value token (see the module header). */
export function parseValueToken(token: string): ValueResult {
  try {
    return parseValue(token);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
    return { error: `not a value: ${JSON.stringify(shown)}: nested too deeply to read` };
  }
}

function parseValue(token: string): ValueResult {
  if (token === '' || token === '_') return { value: UNIT };
  const row = intRow(token);
  if (row !== null) return { value: row };

  const parsed = parseClosedTerm(token);
  const parseError = parsed.diagnostics.find((d) => d.severity === 'error');
  if (parseError || parsed.term === null) {
    return { error: `not a value: ${JSON.stringify(token)}: ${parseError?.message ?? 'expected a term'}` };
  }
  const diagnostics: Diagnostic[] = [];
  const term = lowerTerm(parsed.term, { cons: new Map(), maxDollar: -1 }, diagnostics);
  const lowerError = diagnostics.find((d) => d.severity === 'error');
  if (lowerError || term === null) {
    return {
      error: `not a value: ${JSON.stringify(token)}: ${lowerError?.message ?? 'cannot read this term'}`,
    };
  }
  try {
    return { value: compileTerm(term)([]) };
  } catch (e) {
    if (e instanceof TermError) return { error: `not a value: ${JSON.stringify(token)}: ${e.message}` };
    throw e;
  }
}
