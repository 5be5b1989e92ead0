/**
 * Term lowering: `TermAst` (as written) → `Term` (what the evaluator runs), LANGUAGE.md §3.
 *
 * Resolves builtins (checking their arity), constructors (`Node(a, b)` ⇒
 * `inject(7, tuple(a, b))`), pattern matches (arms indexed by tag, pattern names ⇒
 * `index(bound(k), field)` with the de Bruijn index adjusted for every binder between the
 * pattern and the use: a `case` arm pushes one slot, a `fold` step two), and integer
 * literals (to the Int normal form; the lexer reports literals outside i64). Every problem becomes a positioned diagnostic; the
 * result is null when there was any (an `error` node, already reported by the parser,
 * makes it null silently). Codes: `unknown-builtin`, `unknown-constructor`,
 * `builtin-arity`, `constructor-arity`, `literal-expected`, `dollar-range`,
 * `dollar-in-closed-term`, `binder-outside`, `binder-range`, `unbound-name`,
 * `pattern-arity`, `duplicate-binding`, `duplicate-arm`, `missing-arm`, `case-tag-range`.
 *
 * A `case` indexes its arms by tag (a dense list, as the reference's positional `case`),
 * so an arm may match tags up to `MAX_CASE_TAG` only; a constructor with a larger tag is
 * matched with `istag`/`proj` instead (`case-tag-range`), never with a list of millions of
 * empty arms. A missing-arm message names at most the first few missing tags.
 *
 * `$n` rule (our decision, LANGUAGE.md §3): the row environment of `join` has three
 * fields (`$0` key, `$1` left val, `$2` right val), every other operator two. A `$n`
 * beyond the operator's environment is a compile-time error (the reference only fails
 * at run time, on the first row).
 */
import type { MatchArm, Projection, ProjField, TermAst } from './ast.js';
import type { Diagnostic, Span } from './source.js';
import type { ConInfo } from './scopes.js';
import type { ArithOp, CompareOp, FieldIr, ProjectionIr, Term } from './term.js';
import { int } from './value.js';
import { didYouMean } from './suggest.js';

/** What a term may refer to where it is written. */
export interface TermContext {
  /** Declared constructors by name. */
  readonly cons: ReadonlyMap<string, ConInfo>;
  /** The largest `$n` allowed (2 in `join`, 1 elsewhere); -1 for a closed term (no `$n`). */
  readonly maxDollar: number;
}

// Builtins by name: [min args, max args] (max Infinity = variadic).
const BUILTINS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['tuple', [0, Infinity]],
  ['list', [0, Infinity]],
  ['inject', [2, 2]],
  ['variant', [2, 2]],
  ['proj', [2, 2]],
  ['len', [1, 1]],
  ['istag', [2, 2]],
  ['not', [1, 1]],
  ['or', [2, 2]],
  ['if', [3, 3]],
  ['fold', [3, 3]],
  ['hash', [1, Infinity]],
  ['case', [2, Infinity]],
]);

/** The builtin function names of the term language. */
export const BUILTIN_NAMES: readonly string[] = [...BUILTINS.keys()];

const MAX_TAG = 2n ** 32n - 1n;
/** The largest tag a `case` arm may match (arms are a dense list indexed by tag). */
export const MAX_CASE_TAG = 65_535;
/** How many missing tags a missing-arm message names before summarizing the rest. */
const MISSING_SHOWN = 5;
const COMPARE_OPS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);

// A pattern-bound name: the binder slot it lives in (counted from the outermost, 0-based)
// and the payload field it names.
interface PatternName {
  readonly name: string;
  readonly slot: number;
  readonly field: number;
}

/** Lowers one term; null (with diagnostics pushed) when it has an error. */
export function lowerTerm(ast: TermAst, ctx: TermContext, diagnostics: Diagnostic[]): Term | null {
  return new TermLowerer(ctx, diagnostics).lower(ast, 0, []);
}

/** Lowers a projection `(K… ; V…)` (a missing `;` means everything is key). */
export function lowerProjection(
  proj: Projection,
  ctx: TermContext,
  diagnostics: Diagnostic[],
): ProjectionIr | null {
  const lowerer = new TermLowerer(ctx, diagnostics);
  const key = proj.key.map((f) => lowerer.field(f));
  const val = (proj.val ?? []).map((f) => lowerer.field(f));
  if (key.some((f) => f === null) || val.some((f) => f === null)) return null;
  return { key: key as FieldIr[], val: val as FieldIr[], span: proj.span };
}

class TermLowerer {
  constructor(
    private readonly ctx: TermContext,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private error(span: Span, code: string, message: string): null {
    this.diagnostics.push({ severity: 'error', span, code, message });
    return null;
  }

  field(f: ProjField): FieldIr | null {
    if (f.kind === 'splice') {
      return this.dollar(f.index, f.span) ? { k: 'splice', index: f.index, span: f.span } : null;
    }
    const term = this.lower(f.term, 0, []);
    return term === null ? null : { k: 'term', term, span: f.span };
  }

  private dollar(index: number, span: Span): boolean {
    const max = this.ctx.maxDollar;
    if (max < 0) {
      this.error(span, 'dollar-in-closed-term', `\`$${index}\` refers to a row, but this value has no row`);
      return false;
    }
    if (index > max) {
      const env =
        max >= 2
          ? 'in `join`, `$0` is the key, `$1` the left val and `$2` the right val'
          : '`$0` is the key and `$1` the val (`$2` exists only in `join`)';
      this.error(span, 'dollar-range', `\`$${index}\` is out of range: ${env}`);
      return false;
    }
    return true;
  }

  /** `depth` = binder slots in scope; `names` = pattern names in scope, innermost last. */
  lower(t: TermAst, depth: number, names: readonly PatternName[]): Term | null {
    const span = t.span;
    switch (t.kind) {
      case 'int':
        // The lexer already reported a literal past the i64 range; `int` wraps it.
        return { k: 'const', value: int(t.value), span };
      case 'dollar':
        return this.dollar(t.index, span) ? { k: 'dollar', index: t.index, span } : null;
      case 'binder':
        if (depth === 0) {
          return this.error(
            span,
            'binder-outside',
            `\`^${t.depth}\` is outside any \`case\` or \`fold\` binder`,
          );
        }
        if (t.depth >= depth) {
          const slots = depth === 1 ? 'only `^0` exists' : `only \`^0\` to \`^${depth - 1}\` exist`;
          return this.error(
            span,
            'binder-range',
            `\`^${t.depth}\` reaches past the enclosing binders: here ${slots}`,
          );
        }
        return { k: 'bound', depth: t.depth, span };
      case 'binary': {
        const left = this.lower(t.left, depth, names);
        const right = this.lower(t.right, depth, names);
        if (left === null || right === null) return null;
        if (t.op === '&&') return { k: 'and', left, right, span };
        if (COMPARE_OPS.has(t.op)) return { k: 'compare', op: t.op as CompareOp, left, right, span };
        return { k: 'arith', op: t.op as ArithOp, left, right, span };
      }
      case 'neg': {
        const operand = this.lower(t.operand, depth, names);
        return operand === null ? null : { k: 'neg', operand, span };
      }
      case 'index': {
        const target = this.lower(t.target, depth, names);
        return target === null ? null : { k: 'index', target, index: t.index, span };
      }
      case 'name': {
        for (let i = names.length - 1; i >= 0; i--) {
          const n = names[i];
          if (n !== undefined && n.name === t.name.name) {
            const bound: Term = { k: 'bound', depth: depth - 1 - n.slot, span };
            return { k: 'index', target: bound, index: n.field, span };
          }
        }
        const inScope = [...new Set(names.map((n) => n.name))];
        const hint =
          inScope.length === 0
            ? 'a bare name in a term must be bound by a `case` pattern'
            : `pattern names here: ${inScope.join(', ')}`;
        return this.error(
          span,
          'unbound-name',
          `unknown name \`${t.name.name}\`${didYouMean(t.name.name, inScope)}; ${hint}`,
        );
      }
      case 'call':
        return this.call(t, depth, names);
      case 'match':
        return this.match(t, depth, names);
      case 'error':
        return null;
    }
  }

  private lowerAll(args: readonly TermAst[], depth: number, names: readonly PatternName[]): Term[] | null {
    const out = args.map((a) => this.lower(a, depth, names));
    return out.some((a) => a === null) ? null : (out as Term[]);
  }

  private call(
    t: Extract<TermAst, { kind: 'call' }>,
    depth: number,
    names: readonly PatternName[],
  ): Term | null {
    const name = t.callee.name;
    const span = t.span;
    const args = t.args;
    const range = BUILTINS.get(name);
    if (range === undefined) return this.construct(t, depth, names);
    const [min, max] = range;
    if (args.length < min || args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      const s = (min === max || max === Infinity ? min : max) === 1 ? '' : 's';
      return this.error(
        span,
        'builtin-arity',
        `\`${name}\` takes ${want} argument${s}, but is given ${args.length}`,
      );
    }
    switch (name) {
      case 'proj': {
        const target = this.lower(args[0] as TermAst, depth, names);
        const index = this.literal(
          args[1] as TermAst,
          'the field index of `proj`',
          BigInt(Number.MAX_SAFE_INTEGER),
        );
        return target === null || index === null ? null : { k: 'index', target, index, span };
      }
      case 'istag': {
        const tag = this.literal(args[0] as TermAst, 'the tag of `istag`', MAX_TAG);
        const operand = this.lower(args[1] as TermAst, depth, names);
        return tag === null || operand === null ? null : { k: 'istag', tag, operand, span };
      }
      case 'fold': {
        const list = this.lower(args[0] as TermAst, depth, names);
        const init = this.lower(args[1] as TermAst, depth, names);
        // The step sees two more slots: ^0 the element, ^1 the accumulator.
        const step = this.lower(args[2] as TermAst, depth + 2, names);
        return list === null || init === null || step === null ? null : { k: 'fold', list, init, step, span };
      }
      case 'case': {
        const scrutinee = this.lower(args[0] as TermAst, depth, names);
        const arms = this.lowerAll(args.slice(1), depth + 1, names);
        return scrutinee === null || arms === null
          ? null
          : { k: 'case', scrutinee, arms, fallback: null, span };
      }
      default:
        return this.simpleBuiltin(name, span, this.lowerAll(args, depth, names));
    }
  }

  private simpleBuiltin(name: string, span: Span, a: Term[] | null): Term | null {
    if (a === null) return null;
    const [a0, a1, a2] = a as [Term, Term, Term];
    switch (name) {
      case 'tuple':
        return { k: 'tuple', items: a, span };
      case 'list':
        return { k: 'list', items: a, span };
      case 'inject':
      case 'variant':
        return { k: 'inject', tag: a0, payload: a1, span };
      case 'len':
        return { k: 'len', operand: a0, span };
      case 'not':
        return { k: 'not', operand: a0, span };
      case 'or':
        return { k: 'or', left: a0, right: a1, span };
      case 'if':
        return { k: 'if', cond: a0, then: a1, otherwise: a2, span };
      default:
        return { k: 'hash', args: a, span };
    }
  }

  // An argument that must be a non-negative integer literal (`proj` index, `istag` tag).
  private literal(t: TermAst, what: string, max: bigint): number | null {
    if (t.kind === 'error') return null;
    if (t.kind !== 'int' || t.value > max) {
      return this.error(t.span, 'literal-expected', `${what} must be an integer literal from 0 to ${max}`);
    }
    return Number(t.value);
  }

  private construct(
    t: Extract<TermAst, { kind: 'call' }>,
    depth: number,
    names: readonly PatternName[],
  ): Term | null {
    const name = t.callee.name;
    const con = this.ctx.cons.get(name);
    if (con === undefined) {
      // The arguments are still lowered so that their own errors are reported too.
      this.lowerAll(t.args, depth, names);
      return this.unknownCallee(t.callee);
    }
    const items = this.lowerAll(t.args, depth, names);
    if (t.args.length !== con.arity) {
      return this.error(
        t.span,
        'constructor-arity',
        `constructor \`${name}\` takes ${con.arity} argument${con.arity === 1 ? '' : 's'}, but is given ${t.args.length}`,
      );
    }
    if (items === null) return null;
    const tag: Term = { k: 'const', value: con.tag, span: t.callee.span };
    return { k: 'inject', tag, payload: { k: 'tuple', items, span: t.span }, span: t.span };
  }

  private unknownCallee(callee: { name: string; span: Span }): null {
    const name = callee.name;
    const cons = [...this.ctx.cons.keys()];
    const first = name.charAt(0);
    if (first !== first.toLowerCase()) {
      const known =
        cons.length === 0
          ? 'no constructors are declared (declare one with `con NAME(ARITY) = TAG;`)'
          : `declared constructors: ${cons.join(', ')}`;
      return this.error(
        callee.span,
        'unknown-constructor',
        `unknown constructor \`${name}\`${didYouMean(name, cons)}; ${known}`,
      );
    }
    return this.error(
      callee.span,
      'unknown-builtin',
      `unknown function \`${name}\`${didYouMean(name, [...BUILTIN_NAMES, ...cons])}; builtins are ${BUILTIN_NAMES.join(', ')}`,
    );
  }

  private match(
    t: Extract<TermAst, { kind: 'match' }>,
    depth: number,
    names: readonly PatternName[],
  ): Term | null {
    const scrutinee = this.lower(t.scrutinee, depth, names);
    const head: Span = { start: t.span.start, end: t.scrutinee.span.end };
    const byTag = new Map<number, { arm: MatchArm; body: Term | null }>();
    let fallback: { arm: MatchArm; body: Term | null } | null = null;
    let ok = scrutinee !== null;
    for (const arm of t.arms) {
      const lowered = this.arm(arm, depth, names);
      if (lowered === undefined) {
        ok = false;
        continue;
      }
      if (lowered.tag === null) {
        if (fallback !== null) {
          ok = false;
          this.error(arm.span, 'duplicate-arm', 'a second `_` arm; a `case` has at most one default arm');
        } else fallback = { arm, body: lowered.body };
      } else {
        const first = byTag.get(lowered.tag);
        if (first !== undefined) {
          ok = false;
          const firstName = first.arm.ctor?.name ?? '';
          const name = arm.ctor?.name ?? '';
          this.error(
            arm.ctor?.span ?? arm.span,
            'duplicate-arm',
            name === firstName
              ? `a second arm for \`${name}\` (tag ${lowered.tag}); each tag may have one arm`
              : `\`${name}\` has tag ${lowered.tag}, like \`${firstName}\` in an earlier arm; each tag may have one arm`,
          );
        } else byTag.set(lowered.tag, { arm, body: lowered.body });
      }
      if (lowered.body === null) ok = false;
    }
    const maxTag = byTag.size === 0 ? -1 : Math.max(...byTag.keys());
    if (maxTag > MAX_CASE_TAG) {
      const high = byTag.get(maxTag);
      const name = high?.arm.ctor?.name ?? '';
      return this.error(
        high?.arm.ctor?.span ?? head,
        'case-tag-range',
        `\`${name}\` has tag ${maxTag}, but a \`case\` indexes its arms by tag and matches tags up to ${MAX_CASE_TAG} only; test for it with \`istag\` instead`,
      );
    }
    if (fallback === null && ok) {
      const missing: number[] = [];
      for (let tag = 0; tag <= maxTag && missing.length <= MISSING_SHOWN; tag++)
        if (!byTag.has(tag)) missing.push(tag);
      if (missing.length > 0 || byTag.size === 0) {
        const more = maxTag + 1 - byTag.size - MISSING_SHOWN;
        const what = missing.slice(0, MISSING_SHOWN).map((tag) => this.describeTag(tag));
        if (more > 0) what.push(`${more} more`);
        const list =
          what.length <= 1 ? (what[0] ?? '') : `${what.slice(0, -1).join(', ')} or ${what[what.length - 1]}`;
        const message =
          byTag.size === 0
            ? 'this `case` has no arms; add a `_` arm'
            : `this \`case\` has no \`_\` arm and no arm for ${list}; arms are indexed by tag, so every tag from 0 to ${maxTag} needs one (or add \`_\`)`;
        return this.error(head, 'missing-arm', message);
      }
    }
    if (!ok || scrutinee === null) return null;
    const arms: (Term | null)[] = [];
    for (let tag = 0; tag <= maxTag; tag++) arms.push(byTag.get(tag)?.body ?? null);
    return { k: 'case', scrutinee, arms, fallback: fallback?.body ?? null, span: t.span };
  }

  private describeTag(tag: number): string {
    const named = [...this.ctx.cons.values()].filter((c) => c.tag === tag).map((c) => `\`${c.name}\``);
    return named.length === 0 ? `tag ${tag}` : `tag ${tag} (${named.join(' or ')})`;
  }

  // One arm: its tag (null for `_`) and lowered body; undefined when the pattern is wrong.
  private arm(
    arm: MatchArm,
    depth: number,
    names: readonly PatternName[],
  ): { tag: number | null; body: Term | null } | undefined {
    const inner = [...names];
    let tag: number | null = null;
    let bad = false;
    if (arm.ctor !== null) {
      const con = this.ctx.cons.get(arm.ctor.name);
      if (con === undefined) {
        this.unknownCallee(arm.ctor);
        bad = true;
      } else {
        tag = con.tag;
        if (arm.binds.length !== con.arity) {
          bad = true;
          this.error(
            arm.ctor.span,
            'pattern-arity',
            `constructor \`${con.name}\` has ${con.arity} field${con.arity === 1 ? '' : 's'}, but the pattern binds ${arm.binds.length}`,
          );
        }
      }
    }
    const seen = new Set<string>();
    arm.binds.forEach((b, field) => {
      if (b.name !== '_' && seen.has(b.name)) {
        bad = true;
        this.error(b.span, 'duplicate-binding', `\`${b.name}\` is bound twice in this pattern`);
      }
      seen.add(b.name);
      if (b.name !== '_') inner.push({ name: b.name, slot: depth, field });
    });
    const body = this.lower(arm.body, depth + 1, inner);
    return bad ? undefined : { tag, body };
  }
}

/**
 * Lowers a closed term (the command line's value syntax): no `$n`, no constructors, no
 * pattern names. `term` is null when there is any diagnostic.
 */
export function lowerClosedTerm(ast: TermAst): { term: Term | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const term = lowerTerm(ast, { cons: new Map(), maxDollar: -1 }, diagnostics);
  return { term: diagnostics.length === 0 ? term : null, diagnostics };
}
