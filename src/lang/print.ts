/**
 * The canonical pretty-printer for both syntaxes (used by the editor's format command).
 *
 * `printProgram(ast, syntax)` writes one statement per line with 4-space indentation
 * inside scopes, single spaces around binary operators, and the fewest parentheses that
 * keep the tree's shape. A statement longer than the width (100 columns) is broken
 * (see `doc.ts`): a pipe chain puts each `| op` on its own line and a concatenation
 * each `+ part`; calls, projections and pattern matches put their parts on their own
 * lines; all indented by 4. The layout
 * depends only on the tree, so printing is idempotent. Guarantee (checked by the
 * property tests): for any tree the parser can produce from error-free text, parsing
 * the printed text gives the same tree (up to spans) and printing again gives the same
 * text.
 *
 * A tree may be printed in the other syntax (a conversion): `a - b` becomes
 * `CONCAT(a, NEGATE(b))`. Constructs that exist in only one syntax (`con`, pattern
 * `case … { … }`) are printed in pipe form whatever the target. `error` nodes print as
 * `<error>`: format only trees without errors. Comments are not part of the tree
 * (`format.ts` keeps them).
 */
import type { Expr, Operator, ProgramAst, ProjField, Projection, Stmt, Syntax, TermAst } from './ast.js';
import { group, join, line, nest, render, softline } from './doc.js';
import type { Doc } from './doc.js';

const INDENT = '    ';

/** The width the printer tries to keep lines within. */
export const PRINT_WIDTH = 100;

/** Prints a whole program; the text ends with a newline (empty for no statements). */
export function printProgram(ast: ProgramAst, syntax: Syntax = ast.syntax, width = PRINT_WIDTH): string {
  const lines: string[] = [];
  for (const s of ast.stmts) printStmt(s, syntax, '', lines, width);
  return lines.map((l) => `${l}\n`).join('');
}

/** Appends the lines of one statement (a scope spans several) at indentation `indent`. */
export function printStmt(
  stmt: Stmt,
  syntax: Syntax,
  indent: string,
  out: string[],
  width = PRINT_WIDTH,
): void {
  const emit = (doc: Doc): void => {
    out.push(...render(doc, width, indent).split('\n'));
  };
  switch (stmt.kind) {
    case 'let':
    case 'var':
      emit([`${indent}${stmt.kind} ${stmt.name.name} = `, exprDoc(stmt.expr, syntax), ';']);
      return;
    case 'export':
      emit([`${indent}export "${stmt.name}" = `, exprDoc(stmt.expr, syntax), ';']);
      return;
    case 'con':
      out.push(`${indent}con ${stmt.name.name}(${stmt.arity}) = ${stmt.tag};`);
      return;
    case 'scope':
      if (stmt.body.length === 0) {
        out.push(`${indent}${stmt.name.name}: {}`);
        return;
      }
      out.push(`${indent}${stmt.name.name}: {`);
      for (const s of stmt.body) printStmt(s, syntax, indent + INDENT, out, width);
      out.push(`${indent}}`);
  }
}

/** Prints a collection expression in the given syntax, on one line. */
export function printExpr(expr: Expr, syntax: Syntax): string {
  return render(exprDoc(expr, syntax), Infinity);
}

function exprDoc(expr: Expr, syntax: Syntax): Doc {
  return syntax === 'ddir' ? applicative(expr) : pipe(expr, PIPE);
}

// A parenthesized list `open … )` whose items go one per line when it does not fit.
function call(open: string, items: readonly Doc[]): Doc {
  if (items.length === 0) return `${open})`;
  return group([open, nest([softline, join(items, [',', line()])]), softline, ')']);
}

// ---------------------------------------------------------------------------------
// Pipe syntax: levels PIPE (`a | op`) < CONCAT (`a + b`) < ATOM.

const PIPE = 0;
const CONCAT = 1;
const ATOM = 2;

function pipe(e: Expr, min: number): Doc {
  let level: number;
  let doc: Doc;
  switch (e.kind) {
    case 'op':
      [level, doc] = [PIPE, chain(e, (base) => pipe(base, PIPE))];
      break;
    case 'concat': {
      const [first, ...rest] = e.parts;
      if (first === undefined) return '<error>';
      if (rest.length === 0 && !first.negated) return pipe(first.expr, min);
      const head = first.negated ? ['(', pipe(first.expr, PIPE), ' | negate)'] : pipe(first.expr, ATOM);
      // All on one line, or each `+ part` / `- part` on its own line.
      const tail = rest.map((p) => [line(), p.negated ? '- ' : '+ ', pipe(p.expr, ATOM)]);
      [level, doc] = [CONCAT, group([head, nest(tail)])];
      break;
    }
    default:
      [level, doc] = [ATOM, atom(e, 'ddp')];
  }
  return level < min ? ['(', doc, ')'] : doc;
}

// `base | op | op …` as one group: all on one line, or each `| op` on its own line.
function chain(e: Expr, base: (e: Expr) => Doc): Doc {
  const ops: Doc[] = [];
  let input = e;
  for (; input.kind === 'op'; input = input.input) ops.unshift([line(), '| ', pipeOp(input.op)]);
  return group([base(input), nest(ops)]);
}

// The other side of a join: an atom followed by `| op`s (a concatenation needs parentheses).
function joinOther(e: Expr): Doc {
  return chain(e, (base) => pipe(base, ATOM));
}

function pipeOp(op: Operator): Doc {
  switch (op.kind) {
    case 'map':
      return ['key', projection(op.proj, 'ddp')];
    case 'join':
      return call('join(', [joinOther(op.other), projection(op.proj, 'ddp')]);
    case 'reduce':
      return op.reducer;
    case 'filter':
    case 'flatmap':
    case 'enter_at':
      return call(`${op.kind}(`, [term(op.term, 0, 'ddp')]);
    case 'inspect':
      return `inspect(${label(op.label)})`;
    default:
      return op.kind;
  }
}

function atom(e: Expr, syntax: Syntax): string {
  switch (e.kind) {
    case 'input':
      return `${syntax === 'ddp' ? 'input' : 'INPUT'} ${e.index}`;
    case 'import':
      return `${syntax === 'ddp' ? 'import' : 'IMPORT'} "${e.name}"`;
    case 'name':
      return e.name.name;
    case 'field':
      return `${e.scope.name}::${e.field.name}`;
    default:
      return '<error>';
  }
}

// An inspect label: bare when it is a word, else quoted.
function label(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : `"${text}"`;
}

// ---------------------------------------------------------------------------------
// Applicative syntax: every operator is a call, so no precedence is needed.

function applicative(e: Expr): Doc {
  switch (e.kind) {
    case 'concat':
      return call(
        'CONCAT(',
        e.parts.map((p) => (p.negated ? call('NEGATE(', [applicative(p.expr)]) : applicative(p.expr))),
      );
    case 'op': {
      const input = applicative(e.input);
      const op = e.op;
      switch (op.kind) {
        case 'map':
          return call('MAP(', [input, projection(op.proj, 'ddir')]);
        case 'join':
          return call('JOIN(', [input, applicative(op.other), projection(op.proj, 'ddir')]);
        case 'reduce':
          return call('REDUCE(', [input, op.reducer.toUpperCase()]);
        case 'filter':
        case 'flatmap':
        case 'enter_at':
          return call(`${op.kind.toUpperCase()}(`, [input, term(op.term, 0, 'ddir')]);
        case 'inspect':
          return call('INSPECT(', [input, label(op.label)]);
        default:
          return call(`${op.kind.toUpperCase()}(`, [input]);
      }
    }
    default:
      return atom(e, 'ddir');
  }
}

// ---------------------------------------------------------------------------------
// Projections and terms (one grammar for both syntaxes).

/** Prints `(K… ; V…)`, or `(K…)` when `val` is null, on one line. */
export function printProjection(p: Projection, syntax: Syntax): string {
  return render(projection(p, syntax), Infinity);
}

function projection(p: Projection, syntax: Syntax): Doc {
  const key = p.key.map((f) => field(f, syntax));
  if (p.val === null) return call('(', key);
  const val = p.val.map((f) => field(f, syntax));
  if (key.length === 0 && val.length === 0) return '(;)';
  // Flat: `(K ; V)`, `(K ;)`, `(; V)`; broken: one field per line, `;` ending the key.
  const keyPart = key.length === 0 ? [';'] : [join(key, [',', line()]), ' ;'];
  const valPart = val.length === 0 ? [] : [line(), join(val, [',', line()])];
  return group(['(', nest([softline, keyPart, valPart]), softline, ')']);
}

function field(f: ProjField, syntax: Syntax): Doc {
  if (f.kind === 'splice') return `$${f.index}`;
  // A bare `$n` term would read back as a splice: keep it one field with parentheses.
  return f.term.kind === 'dollar' ? `($${f.term.index})` : term(f.term, 0, syntax);
}

// Binding levels, loosest first (LANGUAGE.md §3).
const AND = 1;
const COMPARE = 2;
const ADD = 3;
const MUL = 4;
const UNARY = 5;
const POSTFIX = 6;
const PRIMARY = 7;

const BINARY_LEVEL: Readonly<Record<string, number>> = {
  '&&': AND,
  '==': COMPARE,
  '!=': COMPARE,
  '<': COMPARE,
  '<=': COMPARE,
  '>': COMPARE,
  '>=': COMPARE,
  '+': ADD,
  '-': ADD,
  '*': MUL,
};

/** Prints a scalar term on one line, with the fewest parentheses that keep its shape. */
export function printTerm(t: TermAst, syntax: Syntax = 'ddp'): string {
  return render(term(t, 0, syntax), Infinity);
}

// True when a term prints starting with `-` at unary level (so `-` before it needs parentheses).
function startsWithMinus(t: TermAst): boolean {
  return t.kind === 'neg' || (t.kind === 'int' && t.value < 0n);
}

function term(t: TermAst, min: number, syntax: Syntax): Doc {
  let level = PRIMARY;
  let doc: Doc;
  switch (t.kind) {
    case 'int':
      doc = t.value.toString();
      if (t.value < 0n) level = UNARY;
      break;
    case 'dollar':
      doc = `$${t.index}`;
      break;
    case 'binder':
      doc = `^${t.depth}`;
      break;
    case 'binary': {
      level = BINARY_LEVEL[t.op] ?? AND;
      // Left-associative operators take their own level on the left; a comparison takes
      // none of its own level on either side (comparisons do not chain).
      const leftMin = level === COMPARE ? level + 1 : level;
      doc = [term(t.left, leftMin, syntax), ` ${t.op} `, term(t.right, level + 1, syntax)];
      break;
    }
    case 'neg':
      level = UNARY;
      // `--` would start a comment.
      doc = startsWithMinus(t.operand)
        ? ['-(', term(t.operand, 0, syntax), ')']
        : ['-', term(t.operand, UNARY, syntax)];
      break;
    case 'index':
      level = POSTFIX;
      doc = [term(t.target, POSTFIX, syntax), `[${t.index}]`];
      break;
    case 'call':
      doc = call(
        `${t.callee.name}(`,
        t.args.map((a) => term(a, 0, syntax)),
      );
      break;
    case 'name':
      doc = t.name.name;
      break;
    case 'match':
      doc = match(t.scrutinee, t.arms, syntax);
      break;
    case 'error':
      doc = '<error>';
      break;
  }
  return level < min ? ['(', doc, ')'] : doc;
}

function match(scrutinee: TermAst, arms: Extract<TermAst, { kind: 'match' }>['arms'], syntax: Syntax): Doc {
  const head = ['case ', term(scrutinee, 0, syntax), ' {'];
  if (arms.length === 0) return [head, '}'];
  const armDocs = arms.map((arm) => {
    const pattern = arm.ctor === null ? '_' : `${arm.ctor.name}(${arm.binds.map((b) => b.name).join(', ')})`;
    return [pattern, ' => ', term(arm.body, 0, syntax)];
  });
  return group([head, nest([line(), join(armDocs, [',', line()])]), line(), '}']);
}
