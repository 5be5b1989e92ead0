/**
 * The bit-exact `hash` builtin and the `random:` source generator (LANGUAGE.md §3,
 * SERVER.md). Both must match the reference server bit for bit.
 *
 * All arithmetic is on unsigned 64-bit words, wrapping. `mix`/`splitmix` and `hashIntsBig`
 * state the formula plainly with BigInt; `hashInts` and `randomEdgeField` compute the same
 * thing on pairs of 32-bit halves with `Math.imul` (no allocation), because `random:`
 * sources produce millions of draws. A property test checks the two paths agree.
 * Nothing here throws, except `randomEdgeField` on a non-positive `nodes` (a caller bug).
 */
import { fromU64, toU64 } from './int64.js';
import type { Int } from './value.js';

const U64 = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;
const M1 = 0xbf58476d1ce4e5b9n;
const M2 = 0x94d049bb133111ebn;
const FNV_OFFSET = 0xcbf29ce484222325n;

/** The splitmix64 finalizer of LANGUAGE.md §3 on a u64 word (input taken modulo 2^64). */
export function mix(x: bigint): bigint {
  x = (x * GOLDEN) & U64;
  x = ((x ^ (x >> 30n)) * M1) & U64;
  x = ((x ^ (x >> 27n)) * M2) & U64;
  return x ^ (x >> 31n);
}

/** The `random:` generator's `splitmix`; the same function as `mix`. */
export const splitmix: (x: bigint) => bigint = mix;

/** `hash(bound, keys...)` computed with BigInt: the plain statement of the formula. */
export function hashIntsBig(bound: Int, keys: readonly Int[]): Int {
  let acc = FNV_OFFSET;
  for (const k of keys) acc = mix(acc ^ toU64(k));
  const h = acc >> 1n;
  const b = typeof bound === 'bigint' ? bound : BigInt(bound);
  return fromU64(b > 0n ? h % b : h);
}

// ---- the same on 32-bit halves ---------------------------------------------------------
// A u64 word is a pair (hi, lo) of uint32 numbers. Results of the helpers land in the
// module-level registers RH/RL, so the hot loop allocates nothing.

const TWO_32 = 4294967296;
let RH = 0;
let RL = 0;

/** (RH, RL) = (ah, al) × (bh, bl) mod 2^64. */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  // Full 32×32→64 product of the low halves, in 16-bit limbs so every step is exact.
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  RL = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  const hiLow = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  // Cross terms only matter modulo 2^32.
  RH = (hiLow + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/** (RH, RL) = mix((h, l)). */
function mix32(h: number, l: number): void {
  mul64(h, l, 0x9e3779b9, 0x7f4a7c15);
  h = RH;
  l = RL;
  // x ^= x >> 30
  l = (l ^ ((l >>> 30) | (h << 2))) >>> 0;
  h = (h ^ (h >>> 30)) >>> 0;
  mul64(h, l, 0xbf58476d, 0x1ce4e5b9);
  h = RH;
  l = RL;
  // x ^= x >> 27
  l = (l ^ ((l >>> 27) | (h << 5))) >>> 0;
  h = (h ^ (h >>> 27)) >>> 0;
  mul64(h, l, 0x94d049bb, 0x133111eb);
  h = RH;
  l = RL;
  // x ^= x >> 31
  RL = (l ^ ((l >>> 31) | (h << 1))) >>> 0;
  RH = (h ^ (h >>> 31)) >>> 0;
}

/** Loads an Int's u64 word into (RH, RL). */
function load(v: Int): void {
  if (typeof v === 'number') {
    RL = v >>> 0; // exact modular reduction of an integral double
    RH = Math.floor(v / TWO_32) >>> 0;
  } else {
    const w = BigInt.asUintN(64, v);
    RL = Number(w & 0xffffffffn);
    RH = Number(w >> 32n);
  }
}

// Above this, (hi mod m)·2^32 + lo may leave the exact range of doubles.
const SMALL_MODULUS = 1 << 20;

/**
 * (h, l) mod m for 0 < m ≤ SMALL_MODULUS, exactly on doubles. The result is truncated to
 * an int32 (exact: it is below 2^20), so V8 keeps it a small integer rather than a boxed
 * double, and every array of generated rows has one representation.
 */
function modSmall(h: number, l: number, m: number): number {
  return (((h % m) * TWO_32 + l) % m) | 0;
}

/** The word (h, l) < 2^64 as an Int when read as unsigned and it is below 2^63. */
function wordToInt(h: number, l: number): Int {
  if (h < 0x200000) return h * TWO_32 + l;
  return fromU64((BigInt(h) << 32n) | BigInt(l));
}

/** `hash(bound, keys...)` of LANGUAGE.md §3, bit-exact; `bound <= 0` gives the raw hash. */
export function hashInts(bound: Int, keys: readonly Int[]): Int {
  let h = 0xcbf29ce4;
  let l = 0x84222325;
  for (let i = 0; i < keys.length; i++) {
    load(keys[i] as Int);
    mix32((h ^ RH) >>> 0, (l ^ RL) >>> 0);
    h = RH;
    l = RL;
  }
  // h64 = acc >> 1, which is below 2^63.
  const sl = ((l >>> 1) | (h << 31)) >>> 0;
  const sh = h >>> 1;
  if (typeof bound === 'number' && bound > 0 && bound <= SMALL_MODULUS) return modSmall(sh, sl, bound);
  if (bound <= 0) return wordToInt(sh, sl);
  return fromU64(((BigInt(sh) << 32n) | BigInt(sl)) % BigInt(bound));
}

// Cache of seed × GOLDEN, since a `random:` source draws many fields with one seed.
let cachedSeed: Int = 0;
let seedH = 0;
let seedL = 0;

/**
 * Field `i` of row `e` of a `random:nodes=N,edges=E,seed=S` source (SERVER.md):
 * `splitmix(e*31 + S*0x9e3779b97f4a7c15 + i) mod nodes`, all u64 wrapping.
 * `e` is a non-negative safe integer, `i` a field index below 2^32, `nodes` a positive safe integer.
 */
export function randomEdgeField(e: number, i: number, nodes: number, seed: Int): number {
  if (!(nodes > 0)) throw new RangeError(`random: nodes must be positive, got ${nodes}`);
  if (seed !== cachedSeed) {
    load(seed);
    mul64(RH, RL, 0x9e3779b9, 0x7f4a7c15);
    seedH = RH;
    seedL = RL;
    cachedSeed = seed;
  }
  load(e);
  mul64(RH, RL, 0, 31);
  // base + i, with carries between the halves.
  let l = RL + seedL + i;
  let h = RH + seedH + Math.floor(l / TWO_32);
  l = l >>> 0;
  h = h >>> 0;
  mix32(h, l);
  if (nodes <= SMALL_MODULUS) return modSmall(RH, RL, nodes);
  return Number(((BigInt(RH) << 32n) | BigInt(RL)) % BigInt(nodes));
}

/** `randomEdgeField` computed plainly with BigInt (the reference statement of the formula). */
export function randomEdgeFieldBig(e: number, i: number, nodes: number, seed: Int): number {
  const base = (BigInt(e) * 31n + toU64(seed) * GOLDEN) & U64;
  return Number(splitmix((base + BigInt(i)) & U64) % BigInt(nodes));
}
