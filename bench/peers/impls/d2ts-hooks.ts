/**
 * Module load hooks that patch `@electric-sql/d2ts` 0.1.8 in memory as it is imported
 * (node_modules stays untouched). Registered by `d2ts-patch.ts` before d2ts is loaded.
 *
 * 1. `Index.compact()` (dist/version-index.js) deletes the *whole key* from the index when
 *    one of the key's versions consolidates to nothing, losing the key's other versions:
 *    later reads of that key (join, reduce) then miss rows and the results go wrong after
 *    retractions. Patched to delete that version only, and the key once it has no version.
 * 2. The `iterate` feedback operator (dist/operators/iterate.js) closes an epoch's loop
 *    after 3 iterations without data in flight, although a later iteration may still
 *    have to change (a retraction whose effect skips iterations). Patched to wait for
 *    `globalThis.__d2tsQuietIterations` quiet iterations (default 3: upstream behaviour).
 *
 * Each patch asserts that its target text is found, so an upgrade cannot silently skip it.
 */
import type { LoadHook } from 'node:module';

interface Patch {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

const PATCHES: readonly Patch[] = [
  {
    file: '/@electric-sql/d2ts/dist/version-index.js',
    from: `                else {
                    this.#inner.delete(key);
                }`,
    to: `                else {
                    versions.delete(version);
                    if (versions.size === 0) this.#inner.delete(key);
                }`,
  },
  {
    file: '/@electric-sql/d2ts/dist/operators/iterate.js',
    from: 'if (emptySet.size <= 3) {',
    to: 'if (emptySet.size <= (globalThis.__d2tsQuietIterations ?? 3)) {',
  },
];

export const load: LoadHook = async (url, context, nextLoad) => {
  const result = await nextLoad(url, context);
  const patch = PATCHES.find((p) => url.endsWith(p.file));
  if (patch === undefined || result.source === undefined || result.source === null) return result;
  const source =
    typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source as Uint8Array);
  if (!source.includes(patch.from)) throw new Error(`d2ts patch: text not found in ${patch.file}`);
  return { ...result, source: source.replace(patch.from, patch.to) };
};
