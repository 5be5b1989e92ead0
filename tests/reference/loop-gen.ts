/**
 * Generated loop nests: 1–3 nested iterating scopes, each inner one seeded from its
 * parent's var, written as `.ddp` text over loop-safe root collections (gen-writer.ts).
 *
 * Every nest converges, by construction. Each level's var holds one row per key
 * (`distinct`, `min`, `count`, collect-length) or a set of pairs (`closure`); the set
 * of keys present only grows along the iterations (all operators feeding a var are
 * monotone in the keys present, seeds and edges are positive and only grow), and the
 * domain is finite. Values flow between levels only where that keeps convergence:
 * a `label` (min) level takes values only from its seeds or another `label` level, so
 * labels only decrease; `count`, `size` and `closure` values depend only on which keys
 * are present. Every other hand-over keeps just the key. `enter_at` on steps delays by
 * key (a row's delay never changes while its value does); on seeds, by key or value.
 * Negation, `lift_iter`, `count` of the var and the like only feed exports, never a var.
 */
import type { Writer } from './gen-writer.js';
import { DELAYS, loopSafe, pick } from './gen-writer.js';

/** The fixed-point shapes a level can have. */
export const KINDS = ['reach', 'label', 'count', 'size', 'closure'] as const;
/** A level's fixed-point shape. */
export type Kind = (typeof KINDS)[number];

/** One level of a loop nest. */
export interface Level {
  readonly kind: Kind;
  /** Picks the root seeds (outermost level only) among loop-safe entries. */
  readonly seed: number;
  /** Picks the edges (and the second var's edges), among loop-safe entries with a val. */
  readonly edges: number;
  readonly edges2: number;
  /** A second, mutually recursive var (reach and label levels only). */
  readonly twin: boolean;
  /** Index into `DELAYS` for an `enter_at` on the seeds / on the step rows, or null. */
  readonly seedDelay: number | null;
  readonly stepDelay: number | null;
  /** Bit mask of extra exported lets (lift_iter of the var, a count, seed lift, one more). */
  readonly extras: number;
}

/** A nest of 1–3 iterating scopes, outermost first. */
export interface LoopNest {
  readonly k: 'loop';
  readonly levels: readonly Level[];
}

/** How each kind steps along an edge, and how it folds rows into its var. */
const STEP: Record<Exclude<Kind, 'closure'>, { proj: string; fold: string }> = {
  reach: { proj: '($2[0] ;)', fold: 'distinct' },
  label: { proj: '($2[0] ; $1[0])', fold: 'min' },
  count: { proj: '($2[0] ; $1[0])', fold: 'count' },
  size: { proj: '($2[0] ; $0[0])', fold: 'collect | map($0[0] ; len($1))' },
};
const CLOSURE_FOLD = 'map($0[0], $1[0] ;) | distinct | map($0[0] ; $0[1])';

/** Re-keys a loop-safe root entry as the seeds of a level of `kind`. */
function seedOf(name: string, arity: number, kind: Kind): string {
  if (kind === 'reach') return `${name} | key($0[0] ;)`;
  return arity >= 1 ? `${name} | key($0[0] ; $1[0])` : `${name} | key($0[0] ; $0[0])`;
}

/** Hands a var of kind `from` to kind `to`: values pass only label → label (see header). */
function convert(name: string, from: Kind, to: Kind): string {
  if (from === to) return name;
  if (to === 'reach') return `${name} | key($0[0] ;)`;
  if ((to === 'count' || to === 'size') && from !== 'reach') return name;
  return `${name} | key($0[0] ; $0[0])`;
}

/** What a written scope offers its parent: the var and the lets to export upward. */
interface Written {
  readonly scope: string;
  readonly v: string;
  readonly kind: Kind;
  readonly exports: readonly string[];
  readonly lines: readonly string[];
}

function edgesOf(w: Writer, n: number): string {
  const from = pick(
    w.pool.filter((c) => loopSafe(c) && c.arity >= 1),
    n,
  );
  return from.arity === 1 ? from.name : `${from.name} | key($0[0] ; $1[0])`;
}

function writeLevel(
  w: Writer,
  levels: readonly Level[],
  j: number,
  parent: { v: string; kind: Kind } | null,
  indent: string,
): Written {
  const level = levels[j];
  if (!level) throw new RangeError(`no loop level ${j}`);
  const { kind } = level;
  const scope = w.fresh('s');
  const v = `${scope}_v`;
  const inner = `${indent}    `;
  const lines: string[] = [];
  const exports: string[] = [v];
  const edges = edgesOf(w, level.edges);
  const root = pick(w.pool.filter(loopSafe), level.seed);
  const seed = parent ? convert(parent.v, parent.kind, kind) : seedOf(root.name, root.arity, kind);
  const seedDelay =
    level.seedDelay === null
      ? ''
      : ` | enter_at(${kind === 'label' && level.seedDelay === 0 ? '$1[0]' : pick(DELAYS, level.seedDelay)})`;
  const stepDelay = level.stepDelay === null ? '' : ` | enter_at(${pick(DELAYS, level.stepDelay)})`;

  // What the step extends: the child's converged var if there is a child, else this var.
  let from = v;
  if (j + 1 < levels.length) {
    const child = writeLevel(w, levels, j + 1, { v, kind }, inner);
    lines.push(...child.lines);
    from = convert(`${child.scope}::${child.v}`, child.kind, kind);
    for (const x of child.exports) {
      exports.push(`${scope}_${x}`);
      lines.push(`${inner}let ${scope}_${x} = ${child.scope}::${x};`);
    }
  }
  lines.push(`${inner}let ${scope}_seed = ${seed}${seedDelay};`);
  let fold: string;
  if (kind === 'closure') {
    // Pairs (src ; dst): extend every pair `from` holds by a pair of this var (a self-join without a child).
    fold = CLOSURE_FOLD;
    lines.push(
      `${inner}let ${scope}_step = ${from} | map($1[0] ; $0[0]) | join(${v}, ($1[0] ; $2[0]))${stepDelay};`,
    );
    lines.push(`${inner}var ${v} = ${scope}_seed + ${scope}_step | ${fold};`);
  } else {
    const { proj } = STEP[kind];
    fold = STEP[kind].fold;
    lines.push(`${inner}let ${scope}_step = ${from} | join(${edges}, ${proj})${stepDelay};`);
    if (level.twin && (kind === 'reach' || kind === 'label')) {
      const tw = `${scope}_w`;
      lines.push(`${inner}var ${tw} = ${v} | join(${edgesOf(w, level.edges2)}, ${proj}) | ${fold};`);
      lines.push(
        `${inner}var ${v} = ${scope}_seed + ${scope}_step + (${tw} | join(${edges}, ${proj})) | ${fold};`,
      );
      exports.push(tw);
    } else {
      lines.push(`${inner}var ${v} = ${scope}_seed + ${scope}_step | ${fold};`);
    }
  }
  const extra = (bit: number, name: string, expr: string): void => {
    if ((level.extras & bit) === 0) return;
    lines.push(`${inner}let ${scope}_${name} = ${expr};`);
    exports.push(`${scope}_${name}`);
  };
  extra(1, 'lift', `${v} | lift_iter`);
  extra(2, 'total', `${v} | key(;) | count`);
  extra(4, 'seedlift', `${scope}_seed | lift_iter`);
  extra(8, 'more', kind === 'reach' ? `${v} - ${scope}_seed` : `${v} | map($1[0] ; $0[0]) | collect`);
  return { scope, v, kind, exports, lines: [`${indent}${scope}: {`, ...lines, `${indent}}`] };
}

/** Writes a loop nest, exports its vars and extras, and adds its outer var to the pool. */
export function writeLoop(w: Writer, nest: LoopNest): void {
  const top = writeLevel(w, nest.levels, 0, null, '');
  w.lines.push(...top.lines);
  for (const x of top.exports) w.lines.push(`export "${x}" = ${top.scope}::${x};`);
  const arity = top.kind === 'reach' ? 0 : 1;
  w.bind(`${top.scope}::${top.v}`, { arity, positive: true, delayed: false, growing: true }, false);
}
