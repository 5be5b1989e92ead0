/**
 * The key filter of a trace table: keeps the rows whose key, as the table prints it,
 * contains what the user typed.
 *
 * Matching ignores case and whitespace, so `(1,2)` finds the key printed `(1, 2)` and `#1`
 * finds every variant with tag 1 (and 10, 11, …: it is a substring search). An empty or
 * blank query keeps everything and returns the input array itself, so a memoized view
 * does not change identity. Pure; never throws.
 */
import type { ValueJson } from '../../lang/value-json.js';
import { compactText } from './decode.js';

function normalize(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** Whether a query filters anything at all. */
export function isActiveFilter(query: string): boolean {
  return normalize(query) !== '';
}

/** Whether the printed key `key` matches the query. */
export function keyMatches(key: ValueJson, query: string): boolean {
  return normalize(compactText(key)).includes(normalize(query));
}

/** The items whose key (`keyOf`) matches the query, in their order; the input itself when blank. */
export function filterByKey<T>(
  items: readonly T[],
  query: string,
  keyOf: (item: T) => ValueJson,
): readonly T[] {
  const needle = normalize(query);
  if (needle === '') return items;
  return items.filter((item) => normalize(compactText(keyOf(item))).includes(needle));
}
