/**
 * The reducer functions (LANGUAGE.md §2): what one key's output is, given its input.
 *
 * Input is a key's `(val, diff)` pairs accumulated at one time, not yet consolidated.
 * A key is present when some val has a non-zero net multiplicity — even a negative one.
 * - `min`: the least such val;
 * - `distinct`: unit;
 * - `count`: `tuple(n)`, n the sum of all multiplicities, only when n > 0;
 * - `collect`: the list of vals in value order, each repeated max(m, 0) times.
 * The result is the single output val (multiplicity 1), or null for no output row.
 */
import { consolidateVals } from '../consolidate.js';
import type { ReducerKind } from '../../lang/ast.js';
import { equalValues } from '../../lang/value-order.js';
import { ListValue, UNIT, tuple1 } from '../../lang/value.js';
import type { Value } from '../../lang/value.js';

/**
 * The output val for a key whose input pairs are `vals[0..n)` / `diffs[0..n)` (the
 * arrays may be reordered and overwritten), or null when the key has no output.
 */
export function reduceKey(kind: ReducerKind, vals: Value[], diffs: number[], n: number): Value | null {
  if (kind === 'count') {
    let total = 0;
    for (let i = 0; i < n; i++) total += diffs[i] as number;
    // Present keys only: a positive total implies some val is non-zero.
    return total > 0 ? tuple1(total) : null;
  }
  if (n === 0) return null;
  const first = vals[0] as Value;
  let same = true;
  for (let i = 1; i < n && same; i++) same = equalValues(vals[i] as Value, first);
  if (same) {
    // One distinct val (the usual case for distinct): no sorting needed.
    let total = 0;
    for (let i = 0; i < n; i++) total += diffs[i] as number;
    if (total === 0) return null;
    if (kind === 'distinct') return UNIT;
    if (kind === 'min') return first;
    return new ListValue(repeat(first, total));
  }
  const m = consolidateVals(vals, diffs, 0, n, kind !== 'distinct');
  if (m === 0) return null;
  if (kind === 'distinct') return UNIT;
  if (kind === 'min') return vals[0] as Value;
  const items: Value[] = [];
  for (let i = 0; i < m; i++) {
    const d = diffs[i] as number;
    for (let k = 0; k < d; k++) items.push(vals[i] as Value);
  }
  return new ListValue(items);
}

function repeat(v: Value, times: number): Value[] {
  const out: Value[] = [];
  for (let k = 0; k < times; k++) out.push(v);
  return out;
}
