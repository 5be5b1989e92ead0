/**
 * The text writer shared by the program generators: program lines, fresh names, and
 * the pool of root collections later statements may read, with what is known of each.
 *
 * What is tracked is exactly what the termination argument of the loop generator
 * (loop-gen.ts) needs: whether multiplicities are positive, and whether rows downstream
 * of a root `enter_at` only ever appear as the depth-1 iteration coordinate grows.
 */

/** A named root collection and what is known about it. */
export interface Coll {
  readonly name: string;
  /** Number of val fields; -1 when the val is a List (collect output). */
  readonly arity: number;
  /** Every multiplicity is positive. */
  readonly positive: boolean;
  /** Downstream of a root `enter_at` (depends on the depth-1 iteration coordinate). */
  readonly delayed: boolean;
  /** When delayed: rows only ever appear as that coordinate grows. */
  readonly growing: boolean;
}

/** Delay terms for `enter_at`, all on the key; the last gives negatives (delay 16 384). */
export const DELAYS = ['$0[0]', '$0[0] + 2', '5 - $0[0]', '$0[0] * 3', '$0[0] - 3'] as const;

/** Rows of `c` only ever appear along the root coordinate (true when not delayed at all). */
export function monotoneAlong(c: Coll): boolean {
  return c.positive && (!c.delayed || c.growing);
}

/** Safe to read inside a loop: positive, tuple-valued, and fixed or growing along the loop. */
export function loopSafe(c: Coll): boolean {
  return c.arity >= 0 && monotoneAlong(c);
}

/** The element `n` picks, cyclically. */
export function pick<T>(xs: readonly T[], n: number): T {
  const x = xs[n % xs.length];
  if (x === undefined) throw new RangeError('pick from an empty list');
  return x;
}

/** Accumulates program lines and the pool of root collections. */
export class Writer {
  readonly lines: string[] = [];
  readonly pool: Coll[] = [];
  private counter = 0;

  /** A name never used before in this program. */
  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /** Binds a new root `let` and adds it to the pool (exported if asked). */
  bind(expr: string, props: Omit<Coll, 'name'>, exported: boolean): Coll {
    const name = this.fresh('c');
    this.lines.push(`let ${name} = ${expr};`);
    const c = { name, ...props };
    this.pool.push(c);
    if (exported) this.lines.push(`export "${name}" = ${name};`);
    return c;
  }
}
