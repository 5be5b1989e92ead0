/**
 * Generated sources (SERVER.md "Generated sources"): recipe names, their canonical
 * spelling, and their rows, bit-exact with the reference server.
 *
 * - `random:nodes=N,edges=E[,arity=A][,seed=S]`: keys in any order, spaces around keys and
 *   values allowed, a repeated key takes its last value, A defaults to 2 and S to 0. Row
 *   `e` (0 ≤ e < E) is `(tuple(f0, …, f(A−1)) ; ())` with
 *   `fi = splitmix(e*31 + S*0x9e3779b97f4a7c15 + i) mod N` on wrapping u64 words.
 * - `iota:N`: rows `(tuple(i) ; ())` for 0 ≤ i < N.
 * - `clock`: one row `(tuple(t) ; ())` for the open epoch t (the session advances it).
 * Numbers are unsigned decimal (an optional leading `+`, as the reference's parser
 * accepts). Anything else — an unknown or missing key, a non-number, a stray comma — is
 * not a recipe, so `parseRecipe` returns null and the name is an ordinary trace name.
 */
import { randomEdgeField, splitmix } from '../lang/hash.js';
import { UNIT, int } from '../lang/value.js';
import type { Value } from '../lang/value.js';

/** A parsed recipe. Numbers are u64 words held as bigints. */
export type Recipe =
  | {
      readonly kind: 'random';
      readonly nodes: bigint;
      readonly edges: bigint;
      readonly arity: bigint;
      readonly seed: bigint;
    }
  | { readonly kind: 'iota'; readonly n: bigint };

/** The name under which the clock source is published. */
export const CLOCK = 'clock';

/**
 * The most rows a generated source may hold: a guard against typos like
 * `edges=1000000000` and against a playground tab running out of memory (a million rows
 * take about 1.5 GB in a tick today). Two million is what the sharding benchmark's
 * largest graph needs (`random:nodes=1000000,edges=2000000`); `iota:10000000` is refused.
 */
export const MAX_GENERATED_ROWS = 2_000_000;

const U64_MAX = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** Reads an unsigned 64-bit decimal (surrounding spaces allowed), or null. */
function u64(text: string): bigint | null {
  const t = text.trim();
  if (!/^\+?[0-9]+$/.test(t)) return null;
  const n = BigInt(t);
  return n <= U64_MAX ? n : null;
}

/** Parses a recipe name; null when the name is not a (well-formed) recipe. */
export function parseRecipe(name: string): Recipe | null {
  if (name.startsWith('random:')) {
    let nodes: bigint | null = null;
    let edges: bigint | null = null;
    let arity = 2n;
    let seed = 0n;
    for (const kv of name.slice('random:'.length).split(',')) {
      const eq = kv.indexOf('=');
      if (eq < 0) return null;
      const value = u64(kv.slice(eq + 1));
      if (value === null) return null;
      switch (kv.slice(0, eq).trim()) {
        case 'nodes':
          nodes = value;
          break;
        case 'edges':
          edges = value;
          break;
        case 'arity':
          arity = value;
          break;
        case 'seed':
          seed = value;
          break;
        default:
          return null;
      }
    }
    if (nodes === null || edges === null) return null;
    return { kind: 'random', nodes, edges, arity, seed };
  }
  if (name.startsWith('iota:')) {
    const n = u64(name.slice('iota:'.length));
    return n === null ? null : { kind: 'iota', n };
  }
  return null;
}

/** The canonical spelling of a recipe: fixed key order, defaults filled in. */
export function recipeName(recipe: Recipe): string {
  return recipe.kind === 'random'
    ? `random:nodes=${recipe.nodes},edges=${recipe.edges},arity=${recipe.arity},seed=${recipe.seed}`
    : `iota:${recipe.n}`;
}

/** Maps a source name to its canonical form: recipes canonicalize, any other name is itself. */
export function canonicalName(name: string): string {
  const recipe = parseRecipe(name);
  return recipe ? recipeName(recipe) : name;
}

/** Why a recipe cannot be generated (too many rows, no nodes to draw from), or null if it can. */
export function recipeProblem(recipe: Recipe): string | null {
  const rows = recipe.kind === 'random' ? recipe.edges : recipe.n;
  if (rows > BigInt(MAX_GENERATED_ROWS)) {
    return `${recipeName(recipe)} would hold ${rows} rows; generated sources are limited to ${MAX_GENERATED_ROWS}`;
  }
  if (recipe.kind === 'random' && recipe.nodes === 0n && recipe.edges > 0n && recipe.arity > 0n) {
    return `${recipeName(recipe)} has no nodes to draw edge endpoints from`;
  }
  if (recipe.kind === 'random' && recipe.arity > 1024n) {
    return `${recipeName(recipe)} asks for ${recipe.arity} fields per row; at most 1024 are supported`;
  }
  return null;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The fields of a random source: `(e, i)` → field `i` of row `e`, exactly (also for nodes
 * beyond 2^53). The recipe's bigints are converted once here, not per field.
 */
function randomFields(recipe: Extract<Recipe, { kind: 'random' }>): (e: number, i: number) => Value {
  if (recipe.nodes <= MAX_SAFE) {
    const nodes = Number(recipe.nodes);
    const seed = int(recipe.seed);
    return (e, i) => randomEdgeField(e, i, nodes, seed);
  }
  const seeded = recipe.seed * GOLDEN;
  // The u64 draw is read back as an i64, as the reference does.
  return (e, i) =>
    int(splitmix((((BigInt(e) * 31n + seeded) & U64_MAX) + BigInt(i)) & U64_MAX) % recipe.nodes);
}

/** Which rows of a recipe to make: those whose index is `index` modulo `workers`. */
export interface RowShare {
  readonly workers: number;
  readonly index: number;
}

const ALL_ROWS: RowShare = { workers: 1, index: 0 };

/**
 * The keys of a recipe's rows, in row order (every row's val is `()`): all of them, or
 * only one worker's share (rows `e` with `e mod workers = index`, so the shares partition
 * the rows and each worker generates only its own). `recipeProblem` must be null.
 */
export function recipeKeys(recipe: Recipe, share: RowShare = ALL_ROWS): Value[] {
  const keys: Value[] = [];
  const { workers, index } = share;
  if (recipe.kind === 'iota') {
    for (let i = index; i < Number(recipe.n); i += workers) keys.push([i]);
    return keys;
  }
  const arity = Number(recipe.arity);
  const edges = Number(recipe.edges);
  const field = randomFields(recipe);
  // Edges, the common case, are array literals: V8 sees that the tuples made at this one
  // site live on (as trace keys) and allocates them where long-lived objects go, instead
  // of copying each one through the young generation first.
  if (arity === 2) {
    for (let e = index; e < edges; e += workers) keys.push([field(e, 0), field(e, 1)]);
    return keys;
  }
  // Other arities gather each row's fields here and copy them out: a copy holds exactly
  // its fields, where an array grown by `push` reserves room for 17.
  const fields: Value[] = [];
  for (let e = index; e < edges; e += workers) {
    fields.length = 0;
    for (let i = 0; i < arity; i++) fields.push(field(e, i));
    keys.push(fields.slice());
  }
  return keys;
}

/** The clock's row for epoch `t`. */
export function clockRow(t: number): [key: Value, val: Value] {
  return [[t], UNIT];
}
