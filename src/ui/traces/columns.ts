/**
 * Table columns of a trace, derived from the shapes of its keys and vals.
 *
 * When every key is a tuple of the same arity n > 0, the key gets one column per field
 * (`key.0` … `key.n-1`); otherwise one `key` column holds the whole value. Vals alike,
 * except that a trace whose every val is the unit tuple `()` (a set) shows no val column.
 * A column is `numeric` when every value in it is an Int, so the view can right-align it
 * and size it to its longest Int (`chars`).
 * Derivation is a single pass over the rows and history and never fails; an empty trace
 * gets the two plain columns `key` and `val`.
 */
import type { ValueJson } from '../../lang/value-json.js';
import type { JsonRow, TraceChange } from '../state/trace-data.js';
import { compactText } from './decode.js';

/** Which half of a row a column shows. */
export type ColumnPart = 'key' | 'val';

/** One column of values: a whole key or val (`field === null`) or one field of a tuple. */
export interface Column {
  /** Stable id and header text, e.g. `key`, `key.0`, `val.1`. */
  readonly id: string;
  readonly part: ColumnPart;
  readonly field: number | null;
  /** Every value seen in this column is an Int. */
  readonly numeric: boolean;
  /** For a numeric column, the longest Int's printed length (so the column can fit it). */
  readonly chars: number;
}

// What a pass has learnt about one half: a common tuple arity (or 'mixed'), and per field
// (or for the whole value when mixed) the longest Int's printed length, 0 once a non-Int
// was seen.
interface Shape {
  arity: number | 'mixed' | 'none';
  chars: number[];
  wholeChars: number;
}

/** The printed length of an Int encoding, or 0 for anything else. */
function intChars(j: ValueJson | undefined): number {
  return typeof j === 'number' ? String(j).length : typeof j === 'string' ? j.length : 0;
}

/** Folds one more value into a column's length: 0 (not numeric) is absorbing. */
function widen(seen: number | undefined, j: ValueJson | undefined): number {
  const n = intChars(j);
  return seen === undefined || seen === 0 || n === 0 ? 0 : Math.max(seen, n);
}

function observe(shape: Shape, j: ValueJson): void {
  shape.wholeChars = widen(shape.wholeChars, j);
  if (shape.arity === 'mixed') return;
  if (!Array.isArray(j) || (shape.arity !== 'none' && shape.arity !== j.length)) {
    shape.arity = 'mixed';
    return;
  }
  const items = j as readonly ValueJson[];
  if (shape.arity === 'none') {
    shape.arity = items.length;
    shape.chars = items.map(intChars);
  } else {
    for (let i = 0; i < items.length; i++) shape.chars[i] = widen(shape.chars[i], items[i]);
  }
}

function columnsOf(part: ColumnPart, shape: Shape): Column[] {
  const { arity } = shape;
  if (typeof arity === 'number' && arity > 0) {
    return shape.chars.map((chars, field) => ({
      id: `${part}.${field}`,
      part,
      field,
      numeric: chars > 0,
      chars,
    }));
  }
  if (part === 'val' && arity === 0) return [];
  const chars = arity === 'none' ? 0 : shape.wholeChars;
  return [{ id: part, part, field: null, numeric: chars > 0, chars }];
}

/** The columns for a trace with these current rows and this change history. */
export function deriveColumns(rows: readonly JsonRow[], history: readonly TraceChange[] = []): Column[] {
  // wholeChars starts at 1: "numeric so far, nothing seen" (0 would mean "not numeric").
  const key: Shape = { arity: 'none', chars: [], wholeChars: 1 };
  const val: Shape = { arity: 'none', chars: [], wholeChars: 1 };
  for (const [k, v] of rows) {
    observe(key, k);
    observe(val, v);
  }
  for (const change of history) {
    observe(key, change.key);
    observe(val, change.val);
  }
  return [...columnsOf('key', key), ...columnsOf('val', val)];
}

/** The part of `key` or `val` that `column` shows (`undefined` when a tuple is too short). */
export function cellValue(column: Column, key: ValueJson, val: ValueJson): ValueJson | undefined {
  const whole = column.part === 'key' ? key : val;
  if (column.field === null) return whole;
  return Array.isArray(whole) ? (whole as readonly ValueJson[])[column.field] : undefined;
}

/** The compact text of one cell; empty when the row has no such field. */
export function cellText(column: Column, key: ValueJson, val: ValueJson, limit = Infinity): string {
  const j = cellValue(column, key, val);
  return j === undefined ? '' : compactText(j, limit);
}
