/**
 * The scalar term evaluator (LANGUAGE.md §3): compiles a lowered `Term` once into nested
 * closures, then runs it per row with no tree walking.
 *
 * `compileTerm(term)` gives `(env) => Value`, where `env` is the row environment (`$0` key,
 * `$1` val, `$2` right val of a join). `compileProjection(p)` gives `(env) => [key, val]`
 * (one pair per projection, reused), splicing bare `$n` fields. Binders (`case` payloads, `fold` accumulator and element) live
 * in one frame array per compiled function: every binder's slot is fixed at compile time
 * (its static nesting depth), so `^k` is a constant-index read and nothing is allocated per
 * row for them. Int arithmetic stays on doubles while exact (see int64.ts).
 *
 * Errors: a failing row throws `TermError` carrying the span of the failing sub-term and a
 * message for newcomers. Nothing else escapes a compiled function — a JS stack overflow or
 * any other exception is converted to a `TermError` at the top.
 */
import { add, mul, neg, sub } from './int64.js';
import { hashInts } from './hash.js';
import { compareValues } from './value-order.js';
import { formatValue } from './value-print.js';
import { ListValue, UNIT, VariantValue, tuple1 } from './value.js';
import type { Span } from './source.js';
import type { FieldIr, ProjectionIr, Term } from './term.js';
import type { Int, TupleValue, Value } from './value.js';

/** A run-time failure of one term on one row: where (`span`) and what, for a person. */
export class TermError extends Error {
  /** The span of the sub-term that failed. */
  readonly span: Span;

  constructor(span: Span, message: string) {
    super(message);
    this.name = 'TermError';
    this.span = span;
  }
}

/** A compiled term: evaluates on a row environment; throws only `TermError`. */
export type CompiledTerm = (env: readonly Value[]) => Value;

/**
 * A compiled projection: the row's new key and val; throws only `TermError`. The pair it
 * returns is the projection's own and is overwritten by its next call: read it at once.
 */
export type CompiledProjection = (env: readonly Value[]) => [key: TupleValue, val: TupleValue];

/** True iff the value is a non-zero Int (LANGUAGE.md §1). */
export function truthy(v: Value): boolean {
  return typeof v === 'number' ? v !== 0 : typeof v === 'bigint' && v !== 0n;
}

/** How values appear inside error messages (short, re-parseable where not cut). */
export function showValue(v: Value): string {
  return formatValue(v, 80);
}

function isInt(v: Value): v is Int {
  return typeof v === 'number' || typeof v === 'bigint';
}

type Frame = Value[];
type Code = (env: readonly Value[]) => Value;

const OP_NAMES = { '+': 'add', '-': 'subtract', '*': 'multiply' } as const;

/** Compiles `t` whose innermost binder will occupy frame slot `depth − 1`. */
function compile(t: Term, depth: number, frame: Frame): Code {
  switch (t.k) {
    case 'const': {
      const value = t.value;
      return () => value;
    }
    case 'dollar': {
      const { index, span } = t;
      return (env) => {
        const v = env[index];
        if (v === undefined) {
          throw new TermError(span, `$${index} does not exist here: ${rowFields(env.length)}`);
        }
        return v;
      };
    }
    case 'bound': {
      const slot = depth - 1 - t.depth;
      const span = t.span;
      if (slot < 0) {
        const msg = `^${t.depth} refers to a binder that does not exist here (only ${depth} enclosing)`;
        return () => {
          throw new TermError(span, msg);
        };
      }
      return () => frame[slot] as Value;
    }
    case 'arith':
      return compileArith(t.op, compile(t.left, depth, frame), compile(t.right, depth, frame), t.span);
    case 'compare':
      return compileCompare(t.op, compile(t.left, depth, frame), compile(t.right, depth, frame));
    case 'and': {
      const l = compile(t.left, depth, frame);
      const r = compile(t.right, depth, frame);
      return (env) => (truthy(l(env)) && truthy(r(env)) ? 1 : 0);
    }
    case 'or': {
      const l = compile(t.left, depth, frame);
      const r = compile(t.right, depth, frame);
      return (env) => (truthy(l(env)) || truthy(r(env)) ? 1 : 0);
    }
    case 'not': {
      const o = compile(t.operand, depth, frame);
      return (env) => (truthy(o(env)) ? 0 : 1);
    }
    case 'neg': {
      const o = compile(t.operand, depth, frame);
      const span = t.span;
      return (env) => {
        const v = o(env);
        if (typeof v === 'number') return 0 - v;
        if (typeof v === 'bigint') return neg(v);
        throw new TermError(span, `cannot negate ${showValue(v)}: unary - works on integers only`);
      };
    }
    case 'index': {
      const general = compileIndex(compile(t.target, depth, frame), t.index, t.span);
      if (t.target.k !== 'dollar') return general;
      // `$d[i]` of a tuple (most keys and vals are built so) in one step; anything else,
      // errors included, goes the general way.
      const d = t.target.index;
      const i = t.index;
      return (env) => {
        const v = env[d];
        if (Array.isArray(v)) {
          const f = (v as TupleValue)[i];
          if (f !== undefined) return f;
        }
        return general(env);
      };
    }
    case 'tuple':
      return compileTuple(t.items.map((item) => compile(item, depth, frame)));
    case 'list': {
      const items = compileArray(t.items.map((item) => compile(item, depth, frame)));
      return (env) => new ListValue(items(env));
    }
    case 'inject': {
      const tag = compile(t.tag, depth, frame);
      const payload = compile(t.payload, depth, frame);
      const span = t.span;
      return (env) => {
        const g = tag(env);
        if (!isInt(g)) throw new TermError(span, `the tag of inject must be an integer, not ${showValue(g)}`);
        // Tags are taken modulo 2^32; ToUint32 reduces any integral double exactly.
        const tagU32 = typeof g === 'number' ? g >>> 0 : Number(BigInt.asUintN(32, g));
        return new VariantValue(tagU32, payload(env));
      };
    }
    case 'len': {
      const o = compile(t.operand, depth, frame);
      const span = t.span;
      return (env) => {
        const v = o(env);
        if (Array.isArray(v)) return v.length;
        if (v instanceof ListValue) return v.items.length;
        throw new TermError(span, `cannot take len of ${showValue(v)}: len works on tuples and lists only`);
      };
    }
    case 'istag': {
      const o = compile(t.operand, depth, frame);
      const tag = t.tag >>> 0;
      return (env) => {
        const v = o(env);
        return v instanceof VariantValue && v.tag === tag ? 1 : 0;
      };
    }
    case 'if': {
      const c = compile(t.cond, depth, frame);
      const a = compile(t.then, depth, frame);
      const b = compile(t.otherwise, depth, frame);
      return (env) => (truthy(c(env)) ? a(env) : b(env));
    }
    case 'case':
      return compileCase(t, depth, frame);
    case 'fold':
      return compileFold(t, depth, frame);
    case 'hash':
      return compileHash(
        t.args.map((a) => compile(a, depth, frame)),
        t.args.map((a) => a.span),
        t.span,
      );
  }
}

function compileArith(op: '+' | '-' | '*', l: Code, r: Code, span: Span): Code {
  const slow = (a: Value, b: Value): Value => {
    if (!isInt(a) || !isInt(b)) {
      const bad = isInt(a) ? b : a;
      throw new TermError(
        span,
        `cannot ${OP_NAMES[op]} ${showValue(a)} and ${showValue(b)}: ${op} works on integers only, and ${showValue(bad)} is not one`,
      );
    }
    return op === '+' ? add(a, b) : op === '-' ? sub(a, b) : mul(a, b);
  };
  const MAX = Number.MAX_SAFE_INTEGER;
  const MIN = Number.MIN_SAFE_INTEGER;
  // Fast paths: a safe double result is exact (see int64.ts); otherwise the slow path.
  switch (op) {
    case '+':
      return (env) => {
        const a = l(env);
        const b = r(env);
        if (typeof a === 'number' && typeof b === 'number') {
          const s = a + b;
          if (s <= MAX && s >= MIN) return s;
        }
        return slow(a, b);
      };
    case '-':
      return (env) => {
        const a = l(env);
        const b = r(env);
        if (typeof a === 'number' && typeof b === 'number') {
          const s = a - b;
          if (s <= MAX && s >= MIN) return s;
        }
        return slow(a, b);
      };
    case '*':
      return (env) => {
        const a = l(env);
        const b = r(env);
        if (typeof a === 'number' && typeof b === 'number') {
          const s = a * b;
          if (s <= MAX && s >= MIN) return s + 0; // never -0
        }
        return slow(a, b);
      };
  }
}

function compileCompare(op: '==' | '!=' | '<' | '<=' | '>' | '>=', l: Code, r: Code): Code {
  const cmp = (a: Value, b: Value): number =>
    typeof a === 'number' && typeof b === 'number' ? (a < b ? -1 : a > b ? 1 : 0) : compareValues(a, b);
  switch (op) {
    case '==':
      return (env) => (cmp(l(env), r(env)) === 0 ? 1 : 0);
    case '!=':
      return (env) => (cmp(l(env), r(env)) !== 0 ? 1 : 0);
    case '<':
      return (env) => (cmp(l(env), r(env)) < 0 ? 1 : 0);
    case '<=':
      return (env) => (cmp(l(env), r(env)) <= 0 ? 1 : 0);
    case '>':
      return (env) => (cmp(l(env), r(env)) > 0 ? 1 : 0);
    case '>=':
      return (env) => (cmp(l(env), r(env)) >= 0 ? 1 : 0);
  }
}

function compileIndex(target: Code, index: number, span: Span): Code {
  return (env) => {
    const v = target(env);
    if (Array.isArray(v)) {
      const f = (v as TupleValue)[index];
      if (f !== undefined) return f;
      throw new TermError(span, `cannot index field ${index} of ${showValue(v)}: it has ${fields(v.length)}`);
    }
    if (v instanceof ListValue) {
      const f = v.items[index];
      if (f !== undefined) return f;
      throw new TermError(
        span,
        `cannot index element ${index} of ${showValue(v)}: it has ${elements(v.items.length)}`,
      );
    }
    throw new TermError(
      span,
      `cannot index field ${index} of ${showValue(v)}: only tuples and lists have fields`,
    );
  };
}

function rowFields(n: number): string {
  return n === 0 ? 'this term has no row' : `only $0..$${n - 1} are available`;
}

function fields(n: number): string {
  return n === 1 ? '1 field' : `${n} fields`;
}

function elements(n: number): string {
  return n === 1 ? '1 element' : `${n} elements`;
}

/** Builds a fresh array from item codes (specialized for the common small arities). */
function compileArray(items: readonly Code[]): (env: readonly Value[]) => Value[] {
  switch (items.length) {
    case 1: {
      const a = items[0] as Code;
      return (env) => [a(env)];
    }
    case 2: {
      const a = items[0] as Code;
      const b = items[1] as Code;
      return (env) => [a(env), b(env)];
    }
    case 3: {
      const a = items[0] as Code;
      const b = items[1] as Code;
      const c = items[2] as Code;
      return (env) => [a(env), b(env), c(env)];
    }
    default:
      return (env) => {
        const out = new Array<Value>(items.length);
        for (let i = 0; i < items.length; i++) out[i] = (items[i] as Code)(env);
        return out;
      };
  }
}

/** A Tuple of item codes; the empty tuple is the shared `UNIT`, 1-tuples of small Ints are interned. */
function compileTuple(items: readonly Code[]): (env: readonly Value[]) => TupleValue {
  if (items.length === 0) return () => UNIT;
  const only = items.length === 1 ? (items[0] as Code) : null;
  return only !== null ? (env) => tuple1(only(env)) : compileArray(items);
}

function compileCase(t: Extract<Term, { k: 'case' }>, depth: number, frame: Frame): Code {
  const scrutinee = compile(t.scrutinee, depth, frame);
  const arms = t.arms.map((arm) => (arm === null ? null : compile(arm, depth + 1, frame)));
  const fallback = t.fallback === null ? null : compile(t.fallback, depth + 1, frame);
  const slot = depth;
  const span = t.span;
  return (env) => {
    const v = scrutinee(env);
    if (!(v instanceof VariantValue)) {
      throw new TermError(
        span,
        `cannot match on ${showValue(v)}: case needs a variant (built with inject or a constructor)`,
      );
    }
    const arm = arms[v.tag] ?? fallback;
    if (arm === null) {
      throw new TermError(
        span,
        `no arm matches tag ${v.tag} of ${showValue(v)}: the arms cover tags 0..${arms.length - 1} and there is no _ arm`,
      );
    }
    frame[slot] = v.payload;
    return arm(env);
  };
}

function compileFold(t: Extract<Term, { k: 'fold' }>, depth: number, frame: Frame): Code {
  const listCode = compile(t.list, depth, frame);
  const init = compile(t.init, depth, frame);
  // Inside the step, ^1 (slot depth) is the accumulator and ^0 (slot depth+1) the element.
  const step = compile(t.step, depth + 2, frame);
  const accSlot = depth;
  const elemSlot = depth + 1;
  const span = t.span;
  return (env) => {
    const l = listCode(env);
    if (!(l instanceof ListValue)) {
      throw new TermError(span, `cannot fold over ${showValue(l)}: fold needs a list`);
    }
    let acc = init(env);
    const items = l.items;
    for (let i = 0; i < items.length; i++) {
      frame[accSlot] = acc;
      frame[elemSlot] = items[i] as Value;
      acc = step(env);
    }
    return acc;
  };
}

function compileHash(args: readonly Code[], spans: readonly Span[], span: Span): Code {
  const [boundCode, ...keyCodes] = args;
  if (boundCode === undefined) {
    return () => {
      throw new TermError(span, 'hash needs a bound: hash(bound, k1, k2, ...)');
    };
  }
  // One key buffer per hash node: a node never runs inside itself, and hashInts keeps nothing.
  const keys = new Array<Int>(keyCodes.length).fill(0);
  return (env) => {
    const bound = boundCode(env);
    if (!isInt(bound))
      throw new TermError(spans[0] ?? span, `the bound of hash must be an integer, not ${showValue(bound)}`);
    for (let i = 0; i < keyCodes.length; i++) {
      const k = (keyCodes[i] as Code)(env);
      if (!isInt(k))
        throw new TermError(spans[i + 1] ?? span, `hash keys must be integers, not ${showValue(k)}`);
      keys[i] = k;
    }
    return hashInts(bound, keys);
  };
}

/** Converts anything thrown while evaluating into a TermError (stack overflow included). */
function asTermError(e: unknown, span: Span): TermError {
  if (e instanceof TermError) return e;
  if (e instanceof RangeError) {
    return new TermError(span, `this term is too deeply nested to evaluate here (${e.message})`);
  }
  return new TermError(span, `evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
}

/** Compiles a term once; the result evaluates it per row (see the module header). */
export function compileTerm(term: Term): CompiledTerm {
  const span = term.span;
  let code: Code;
  try {
    code = compile(term, 0, []);
  } catch (e) {
    // Only a term nested beyond the JS stack gets here; it fails each row instead.
    const error = asTermError(e, span);
    return () => {
      throw error;
    };
  }
  return (env) => {
    try {
      return code(env);
    } catch (e) {
      throw asTermError(e, span);
    }
  };
}

type SideCode = (env: readonly Value[]) => TupleValue;
/** One field of a mixed projection side: appends its value(s) to `out`. */
type Part = (env: readonly Value[], out: Value[]) => void;

function spliceItems(v: Value | undefined, index: number, span: Span): readonly Value[] {
  if (Array.isArray(v)) return v as TupleValue;
  if (v instanceof ListValue) return v.items;
  if (v === undefined) throw new TermError(span, `$${index} does not exist here`);
  throw new TermError(
    span,
    `cannot splice $${index}: it is ${showValue(v)}, but only a tuple or a list can be spliced (write it as a term, e.g. tuple($${index}), to keep it whole)`,
  );
}

function compileSide(side: readonly FieldIr[], frame: Frame): SideCode {
  const only = side.length === 1 ? side[0] : undefined;
  // A lone splice shares the spliced tuple or list items (values are immutable).
  if (only !== undefined && only.k === 'splice') {
    const { index, span } = only;
    return (env) => spliceItems(env[index], index, span);
  }
  const terms = side.flatMap((f) => (f.k === 'term' ? [f.term] : []));
  if (terms.length === side.length) return compileTuple(terms.map((t) => compile(t, 0, frame)));
  // Mixed: each field appends its value(s) to the output array.
  const parts = side.map((f): Part => {
    if (f.k === 'term') {
      const code = compile(f.term, 0, frame);
      return (env, out) => void out.push(code(env));
    }
    const { index, span } = f;
    return (env, out) => {
      const items = spliceItems(env[index], index, span);
      for (let i = 0; i < items.length; i++) out.push(items[i] as Value);
    };
  });
  return (env) => {
    const out: Value[] = [];
    for (let i = 0; i < parts.length; i++) (parts[i] as Part)(env, out);
    // A copy holds exactly the fields; an array grown by `push` reserves room for 17, and
    // rows live on in traces.
    return out.slice();
  };
}

/** Compiles a projection `(K... ; V...)`; the result maps a row environment to `[key, val]`. */
export function compileProjection(p: ProjectionIr): CompiledProjection {
  const frame: Frame = [];
  const span = p.span;
  let key: SideCode;
  let val: SideCode;
  try {
    key = compileSide(p.key, frame);
    val = compileSide(p.val, frame);
  } catch (e) {
    const error = asTermError(e, span);
    return () => {
      throw error;
    };
  }
  // One pair per projection, rewritten by every call: a join emits millions of pairs.
  const pair: [key: TupleValue, val: TupleValue] = [UNIT, UNIT];
  const general = (env: readonly Value[]): [TupleValue, TupleValue] => {
    try {
      pair[0] = key(env);
      pair[1] = val(env);
      return pair;
    } catch (e) {
      throw asTermError(e, span);
    }
  };
  // `($d[i] ; $e[j])`, the commonest keying of input rows: both fields read in one step,
  // the general way for anything else (a list, a missing field, errors).
  const ki = fieldOfField(p.key);
  const vi = fieldOfField(p.val);
  if (ki !== null && vi !== null) {
    const [kd, kf] = ki;
    const [vd, vf] = vi;
    return (env) => {
      const kr = env[kd];
      const vr = env[vd];
      if (!Array.isArray(kr) || !Array.isArray(vr)) return general(env);
      const kx = (kr as TupleValue)[kf];
      const vx = (vr as TupleValue)[vf];
      if (kx === undefined || vx === undefined) return general(env);
      pair[0] = tuple1(kx);
      pair[1] = tuple1(vx);
      return pair;
    };
  }
  // Sides that are a lone splice of a tuple or empty (`($2 ;)`, `($0 ; $1)`) need no code
  // per row: one step, the general way only for lists and errors.
  const k = shareable(p.key);
  const v = shareable(p.val);
  if (k === null || v === null) return general;
  return (env) => {
    const kv = k < 0 ? UNIT : env[k];
    const vv = v < 0 ? UNIT : env[v];
    if (!Array.isArray(kv) || !Array.isArray(vv)) return general(env);
    pair[0] = kv as TupleValue;
    pair[1] = vv as TupleValue;
    return pair;
  };
}

// A projection side that is the one term `$d[i]`: [d, i]; null for any other side.
function fieldOfField(side: readonly FieldIr[]): [number, number] | null {
  const only = side.length === 1 ? side[0] : undefined;
  if (only === undefined || only.k !== 'term') return null;
  const t = only.term;
  return t.k === 'index' && t.target.k === 'dollar' ? [t.target.index, t.index] : null;
}

// A projection side whose value is a row field itself (a lone splice: the field's index)
// or unit (-1); null for any other side.
function shareable(side: readonly FieldIr[]): number | null {
  if (side.length === 0) return -1;
  const only = side.length === 1 ? side[0] : undefined;
  return only !== undefined && only.k === 'splice' ? only.index : null;
}
