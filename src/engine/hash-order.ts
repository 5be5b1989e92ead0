/**
 * `hashOrder`: the permutation that lists int32 hashes in ascending unsigned order, stable
 * (equal hashes keep their positions' order). A stable three-pass radix sort on 11-bit
 * digits: O(n), typed arrays only.
 *
 * Why: a `KeyTable` puts a hash's home slot at its top bits, so visiting a large batch's
 * keys in this order walks the table's index, its entries and the key histories created
 * in that order front to back, instead of at random (key-table.ts, arrange.ts).
 */

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;

/** Positions `0 … hashes.length - 1` ordered by `hashes[i] >>> 0`, ties in position order. */
export function hashOrder(hashes: Int32Array): Uint32Array {
  const n = hashes.length;
  let from = new Uint32Array(n);
  let to = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const starts = new Uint32Array(DIGITS + 1);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    starts.fill(0);
    for (let i = 0; i < n; i++) (starts[(((hashes[i] as number) >>> shift) & DIGIT_MASK) + 1] as number)++;
    for (let d = 0; d < DIGITS; d++) starts[d + 1] = (starts[d + 1] as number) + (starts[d] as number);
    for (let i = 0; i < n; i++) {
      const p = from[i] as number;
      const d = ((hashes[p] as number) >>> shift) & DIGIT_MASK;
      to[(starts[d] as number)++] = p;
    }
    const done = to;
    to = from;
    from = done;
  }
  return from;
}
