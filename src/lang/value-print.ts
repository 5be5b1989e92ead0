/**
 * Printing values as text.
 *
 * `formatValue` writes a value as a closed term of the scalar language that parses back to
 * the same value: ints plain (`5`, `-3`), `tuple(1, 2)`, `list()`, `inject(2, tuple())`.
 * The least Int −2^63 is written `-9223372036854775807 - 1`, since its magnitude is not a
 * valid i64 literal. Used for messages, the CLI and anywhere a value must be re-enterable.
 *
 * `formatValueCompact` is the short form for tables and the console:
 *   Int      `5`, `-3`
 *   Tuple    `(1, 2)`, one field `(5)`, unit `()`
 *   List     `[7, 8]`, empty `[]`
 *   Variant  `#tag` then the payload: a Tuple payload directly (`#2(1, 2)`, `#0()`),
 *            any other payload after a colon (`#1:5`, `#3:[1]`, `#4:#0()`).
 * Both take an optional character budget: past it, output stops early and ends in `…`
 * (so printing a huge value for an error message costs only the budget).
 */
import { INT_MIN, ListValue, VariantValue } from './value.js';
import type { Value } from './value.js';

/** Collects output until a budget is spent; `full` then stops further work. */
class Budget {
  out = '';
  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.out.length > this.limit;
  }

  write(s: string): void {
    if (!this.full) this.out += s;
  }

  result(): string {
    return this.full ? this.out.slice(0, Math.max(0, this.limit)) + '…' : this.out;
  }
}

function intText(n: number | bigint): string {
  return n === INT_MIN ? '-9223372036854775807 - 1' : String(n);
}

function writeTerm(v: Value, b: Budget): void {
  if (b.full) return;
  if (typeof v === 'number' || typeof v === 'bigint') return b.write(intText(v));
  if (v instanceof VariantValue) {
    b.write(`inject(${v.tag}, `);
    writeTerm(v.payload, b);
    return b.write(')');
  }
  const items = v instanceof ListValue ? v.items : v;
  b.write(v instanceof ListValue ? 'list(' : 'tuple(');
  writeItems(items, b, writeTerm);
  b.write(')');
}

function writeItems(items: readonly Value[], b: Budget, each: (v: Value, b: Budget) => void): void {
  for (let i = 0; i < items.length && !b.full; i++) {
    if (i > 0) b.write(', ');
    each(items[i] as Value, b);
  }
}

function writeCompact(v: Value, b: Budget): void {
  if (b.full) return;
  if (typeof v === 'number' || typeof v === 'bigint') return b.write(String(v));
  if (v instanceof VariantValue) {
    b.write(`#${v.tag}`);
    if (!Array.isArray(v.payload)) b.write(':');
    return writeCompact(v.payload, b);
  }
  if (v instanceof ListValue) {
    b.write('[');
    writeItems(v.items, b, writeCompact);
    return b.write(']');
  }
  b.write('(');
  writeItems(v as readonly Value[], b, writeCompact);
  b.write(')');
}

/** The value as a closed DDIR term that re-parses to it; cut to about `limit` chars with `…`. */
export function formatValue(v: Value, limit = Infinity): string {
  const b = new Budget(limit);
  writeTerm(v, b);
  return b.result();
}

/** The value in the compact table form described in this module's header. */
export function formatValueCompact(v: Value, limit = Infinity): string {
  const b = new Budget(limit);
  writeCompact(v, b);
  return b.result();
}
