/**
 * Multisets of `(key, val)` rows for the naive reference evaluator.
 *
 * A `Multiset` maps each distinct row to its signed net multiplicity; rows whose
 * multiplicity sums to zero disappear. Rows are identified by a canonical text encoding
 * of the pair (`rowId`), which is injective on well-formed Values: simple to check by
 * eye, and speed does not matter here. Multisets are immutable once built (`Builder`
 * makes them), so a state can be kept and compared with a later one.
 */
import { compareValues } from '../../src/lang/value-order.js';
import { formatValueCompact } from '../../src/lang/value-print.js';
import { ListValue, VariantValue } from '../../src/lang/value.js';
import type { Value } from '../../src/lang/value.js';

/** One consolidated row: key, val and net multiplicity (never 0). */
export interface Entry {
  readonly key: Value;
  readonly val: Value;
  readonly mult: number;
}

/** A canonical, injective text encoding of a value (Ints by their exact decimal digits). */
export function valueId(v: Value): string {
  if (typeof v === 'number' || typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `(${v.map(valueId).join(',')})`;
  if (v instanceof VariantValue) return `<${v.tag}:${valueId(v.payload)}>`;
  if (v instanceof ListValue) return `[${v.items.map(valueId).join(',')}]`;
  throw new TypeError(`not a DDIR value: ${String(v)}`);
}

/** The canonical encoding of a row. */
export function rowId(key: Value, val: Value): string {
  return `${valueId(key)}|${valueId(val)}`;
}

/** One row as a readable text line `KEY ; VAL ×MULT` (compact value form). */
export function rowText(key: Value, val: Value, mult: number): string {
  return `${formatValueCompact(key)} ; ${formatValueCompact(val)} ×${mult}`;
}

/** An immutable multiset of rows. */
export class Multiset {
  /** The empty multiset. */
  static readonly EMPTY = new Multiset(new Map());

  /** Wraps a consolidated row map (no zero multiplicities); use `of` or `Builder` instead. */
  constructor(private readonly rows: ReadonlyMap<string, Entry>) {}

  /** Builds a multiset from rows with multiplicities (equal rows are summed). */
  static of(rows: Iterable<Entry>): Multiset {
    const b = new Builder();
    for (const r of rows) b.add(r.key, r.val, r.mult);
    return b.build();
  }

  /** Every row with non-zero multiplicity, in no particular order. */
  entries(): IterableIterator<Entry> {
    return this.rows.values();
  }

  /** Number of distinct rows. */
  get size(): number {
    return this.rows.size;
  }

  /** True when both hold exactly the same rows with the same multiplicities. */
  equals(other: Multiset): boolean {
    if (this.rows.size !== other.rows.size) return false;
    for (const [id, e] of this.rows) {
      if (other.rows.get(id)?.mult !== e.mult) return false;
    }
    return true;
  }

  /** `this + sign * other`, row by row. */
  plus(other: Multiset, sign = 1): Multiset {
    const b = new Builder();
    for (const e of this.entries()) b.add(e.key, e.val, e.mult);
    for (const e of other.entries()) b.add(e.key, e.val, sign * e.mult);
    return b.build();
  }

  /** The rows sorted by (key, val) in value order. */
  sorted(): Entry[] {
    return [...this.rows.values()].sort((a, b) => compareValues(a.key, b.key) || compareValues(a.val, b.val));
  }
}

/** Accumulates rows, then freezes them into a `Multiset`. */
export class Builder {
  private readonly rows = new Map<string, Entry>();

  /** Adds `mult` copies of the row (negative to remove). */
  add(key: Value, val: Value, mult: number): void {
    if (mult === 0) return;
    const id = rowId(key, val);
    const now = (this.rows.get(id)?.mult ?? 0) + mult;
    if (now === 0) this.rows.delete(id);
    else this.rows.set(id, { key, val, mult: now });
  }

  /** The multiset built so far (the builder must not be used afterwards). */
  build(): Multiset {
    return this.rows.size === 0 ? Multiset.EMPTY : new Multiset(this.rows);
  }
}
