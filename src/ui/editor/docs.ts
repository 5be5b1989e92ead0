/**
 * The editor's documentation: one short entry per operator, builtin, keyword and
 * session command, written from LANGUAGE.md and SERVER.md. Hover and completion both
 * read from here, so a word is explained the same way wherever it shows up.
 *
 * `docFor(word, syntax)` finds the entry a word of a program stands for (pipe-syntax
 * operators by their lower-case names, `.ddir` ones by their upper-case call names);
 * `sessionDocFor(word)` does the same for session-script commands and options.
 * Pure data and lookups: no Monaco, no DOM.
 */
import type { Syntax } from '../../lang/ast.js';
import { COMMAND_WORDS } from '../../server/commands.js';

/** One documented word: how it is written in each syntax and what it does. */
export interface DocEntry {
  /** How to write it in `.ddp` (absent when the syntax has no such form). */
  readonly ddp?: string;
  /** How to write it in `.ddir` (absent when the syntax has no such form). */
  readonly ddir?: string;
  /** One or two sentences, Markdown. */
  readonly text: string;
}

const CASE_DOC: DocEntry = {
  ddp: 'case T { Ctor(x) => A, _ => B }',
  ddir: 'case(v, arm0, arm1, ...)',
  text: 'Pattern match on a Variant: picks the arm for its tag and binds the payload fields to the names (`.ddir`: evaluates arm number `tag` with the payload as `^0`). `_` is the default arm.',
};

const FOLD_DOC: DocEntry = {
  ddp: 'fold(list, init, step)',
  ddir: 'fold(list, init, step)',
  text: 'Left fold over a List: inside `step`, `^0` is the element and `^1` the accumulator.',
};

/** The dataflow operators, keyed by their pipe-syntax name. */
export const OPERATOR_DOCS: Readonly<Record<string, DocEntry>> = {
  key: {
    ddp: 'key(K1, K2 ; V1, V2)',
    ddir: 'MAP(e, (K1, K2 ; V1, V2))',
    text: "Reshapes every row with a projection: the fields before `;` become the key, those after it the value. `$0` is the row's key, `$1` its value; a bare `$n` splices all its fields. `key` and `map` are the same operator.",
  },
  map: {
    ddp: 'map(K1, K2 ; V1, V2)',
    ddir: 'MAP(e, (K1, K2 ; V1, V2))',
    text: "Reshapes every row with a projection: the fields before `;` become the key, those after it the value. `$0` is the row's key, `$1` its value; a bare `$n` splices all its fields. `key` and `map` are the same operator.",
  },
  join: {
    ddp: 'join(OTHER, (K ; V))',
    ddir: 'JOIN(left, right, (K ; V))',
    text: 'Equi-join on the key: pairs every row with each row of `OTHER` that has an equal key. The projection sees `$0` = key, `$1` = left value, `$2` = right value; multiplicities multiply.',
  },
  min: {
    ddp: 'min',
    ddir: 'REDUCE(e, MIN)',
    text: 'Reducer: one row `(key ; v)` per key, where `v` is the least value present (non-zero multiplicity), with multiplicity 1.',
  },
  distinct: {
    ddp: 'distinct',
    ddir: 'REDUCE(e, DISTINCT)',
    text: 'Reducer: one row `(key ; ())` with multiplicity 1 for every key that has any value present.',
  },
  count: {
    ddp: 'count',
    ddir: 'REDUCE(e, COUNT)',
    text: 'Reducer: `(key ; tuple(n))` with `n` the sum of the multiplicities of the key, emitted only when `n > 0`.',
  },
  collect: {
    ddp: 'collect',
    ddir: 'REDUCE(e, COLLECT)',
    text: "Reducer: `(key ; list(...))` holding the key's values in value order, each repeated as often as its (positive) multiplicity.",
  },
  filter: {
    ddp: 'filter(T)',
    ddir: 'FILTER(e, T)',
    text: 'Keeps the rows for which the term `T` is truthy (a non-zero Int). `$0` is the key, `$1` the value.',
  },
  flatmap: {
    ddp: 'flatmap(T)',
    ddir: 'FLATMAP(e, T)',
    text: 'The term `T` must give a List: one row `(key ; tuple(p, e))` per element `e` at position `p` (from 0).',
  },
  negate: {
    ddp: 'negate',
    ddir: 'NEGATE(e)',
    text: 'Multiplies every multiplicity by -1 (`a - b` is `a + (b | negate)`).',
  },
  arrange: {
    ddp: 'arrange',
    ddir: 'ARRANGE(e)',
    text: 'Leaves the contents unchanged and builds an index by key that other operators can share. Free after a reducer.',
  },
  inspect: {
    ddp: 'inspect(LABEL)',
    ddir: 'INSPECT(e, LABEL)',
    text: 'Leaves the contents unchanged and reports every update passing through, with its time `[epoch, iterations…]` and its diff, under `LABEL`.',
  },
  enter_at: {
    ddp: 'enter_at(T)',
    ddir: 'ENTER_AT(e, T)',
    text: 'Delays each row to iteration `256 × bitlen(T)` of the scope it is in or enters (prioritized iteration). Converging min-style loops give the same results; only the order of work changes.',
  },
  lift_iter: {
    ddp: 'lift_iter',
    ddir: 'LIFT_ITER(e)',
    text: "Appends the change's iteration number in the current scope to each row's value (a Tuple gets one more field; any other value `v` becomes `tuple(v, i)`). Meant to be read from an enclosing scope.",
  },
};

/** Words that are not operators: statements, sources, `.ddir`'s extra calls. */
export const KEYWORD_DOCS: Readonly<Record<string, DocEntry>> = {
  let: {
    ddp: 'let NAME = EXPR;',
    ddir: 'let NAME = EXPR;',
    text: 'Binds a name to a collection. Statement order never matters; `let`s may not form a cycle (use a `var`).',
  },
  var: {
    ddp: 'var NAME = EXPR;',
    ddir: 'var NAME = EXPR;',
    text: 'A feedback variable of the enclosing named scope: it starts empty and, at every iteration, takes the value of `EXPR` computed from the previous iteration, until nothing changes.',
  },
  export: {
    ddp: 'export "NAME" = EXPR;',
    ddir: 'export "NAME" = EXPR;',
    text: 'Publishes a collection as trace `NAME` (root scope only): `peek` reads it and other programs `import` it.',
  },
  con: {
    ddp: 'con NAME(ARITY) = TAG;',
    text: 'Declares a constructor: `NAME(a, b)` then means `inject(TAG, tuple(a, b))`, and `NAME(x, y)` can be matched in a `case`.',
  },
  scope: {
    ddir: 'NAME: scope { ... }',
    text: 'Opens a nested scope (the word `scope` is optional). A scope with a `var` iterates to a fixed point.',
  },
  input: {
    ddp: 'input N',
    ddir: 'INPUT N',
    text: 'Positional input `N` of the program, fed with `feed PROG N VALUE`. Root scope only.',
  },
  import: {
    ddp: 'import "NAME"',
    ddir: 'IMPORT "NAME"',
    text: 'A trace published by another installed program, or a generated source (`clock`, `iota:N`, `random:nodes=N,edges=E`). Root scope only.',
  },
  case: CASE_DOC,
  fold: FOLD_DOC,
  concat: {
    ddp: 'a + b   a - b',
    ddir: 'CONCAT(e1, e2, ...)',
    text: 'The union of collections (multiplicities add). `a - b` adds `b` negated.',
  },
  reduce: {
    ddir: 'REDUCE(e, MIN | DISTINCT | COUNT | COLLECT)',
    text: 'Applies a reducer per key; see `min`, `distinct`, `count`, `collect`.',
  },
  _: { ddp: '_ => T', text: 'The default arm of a `case`: taken when no constructor arm matches.' },
};

/** The builtin functions of the term language. */
export const BUILTIN_DOCS: Readonly<Record<string, DocEntry>> = {
  tuple: {
    ddp: 'tuple(a, ...)',
    ddir: 'tuple(a, ...)',
    text: 'A Tuple of the arguments; `tuple()` is unit. (A bare `$n` argument does not splice here.)',
  },
  list: { ddp: 'list(a, ...)', ddir: 'list(a, ...)', text: 'A List of the arguments.' },
  inject: {
    ddp: 'inject(tag, payload)',
    ddir: 'inject(tag, payload)',
    text: 'A Variant with that tag (taken modulo 2^32) and payload. Alias: `variant`.',
  },
  variant: {
    ddp: 'variant(tag, payload)',
    ddir: 'variant(tag, payload)',
    text: 'A Variant with that tag (taken modulo 2^32) and payload. Alias of `inject`.',
  },
  proj: {
    ddp: 'proj(v, I)',
    ddir: 'proj(v, I)',
    text: 'Field `I` (an integer literal) of a Tuple or List; the same as `v[I]`.',
  },
  len: { ddp: 'len(v)', ddir: 'len(v)', text: 'The number of fields of a Tuple or List.' },
  istag: {
    ddp: 'istag(TAG, v)',
    ddir: 'istag(TAG, v)',
    text: '1 if `v` is a Variant with tag `TAG` (an integer literal), else 0.',
  },
  not: { ddp: 'not(v)', ddir: 'not(v)', text: '1 when `v` is not truthy, else 0.' },
  or: {
    ddp: 'or(a, b)',
    ddir: 'or(a, b)',
    text: '1 when `a` or `b` is truthy, else 0 (`b` is evaluated only when needed). There is no `||`.',
  },
  if: {
    ddp: 'if(c, a, b)',
    ddir: 'if(c, a, b)',
    text: '`a` when `c` is truthy, else `b`; only the chosen branch is evaluated.',
  },
  hash: {
    ddp: 'hash(bound, k1, ...)',
    ddir: 'hash(bound, k1, ...)',
    text: 'A deterministic draw in `[0, bound)` from the Int keys (the raw non-negative hash when `bound <= 0`); the same formula generates `random:` sources.',
  },
  fold: FOLD_DOC,
  case: CASE_DOC,
};

/** Punctuation with a meaning worth a hover. */
export const SYMBOL_DOCS: Readonly<Record<string, DocEntry>> = {
  '|': {
    ddp: 'EXPR | OP',
    text: 'Pipes a collection into an operator. `|` binds looser than `+`/`-`: `a + b | distinct` is `(a + b) | distinct`.',
  },
  '::': {
    ddp: 'scope::name',
    ddir: 'scope::name',
    text: 'Reads a `let` or `var` of a direct child scope — after the scope converged, when it iterates.',
  },
  $: {
    ddp: '$n',
    ddir: '$n',
    text: 'A field of the current row: `$0` is the key, `$1` the value; in `join`, `$1` is the left and `$2` the right value. In a projection, a bare `$n` splices all of its fields.',
  },
  '^': {
    ddp: '^k',
    ddir: '^k',
    text: 'The k-th enclosing binder, innermost first: a `case` arm binds its payload, a `fold` step binds the accumulator then the element (so `^0` is the element).',
  },
};

// `.ddir` call names that stand for a pipe-syntax entry.
const APPLICATIVE_ALIASES: Readonly<Record<string, string>> = {
  MAP: 'map',
  JOIN: 'join',
  FILTER: 'filter',
  FLATMAP: 'flatmap',
  NEGATE: 'negate',
  ARRANGE: 'arrange',
  INSPECT: 'inspect',
  ENTER_AT: 'enter_at',
  LIFT_ITER: 'lift_iter',
  MIN: 'min',
  DISTINCT: 'distinct',
  COUNT: 'count',
  COLLECT: 'collect',
  INPUT: 'input',
  IMPORT: 'import',
  CONCAT: 'concat',
  REDUCE: 'reduce',
};

// Words each syntax spells differently, or not at all.
const PIPE_ONLY: ReadonlySet<string> = new Set([
  ...Object.keys(OPERATOR_DOCS),
  'input',
  'import',
  'con',
  '_',
]);
const APPLICATIVE_ONLY: ReadonlySet<string> = new Set(['scope']);

/** The entry for a word of a program in `syntax`, or null when it is no documented word. */
export function docFor(word: string, syntax: Syntax): DocEntry | null {
  if (syntax === 'ddir') {
    const alias = APPLICATIVE_ALIASES[word];
    if (alias !== undefined) return OPERATOR_DOCS[alias] ?? KEYWORD_DOCS[alias] ?? null;
    if (PIPE_ONLY.has(word)) return null;
  } else if (APPLICATIVE_ONLY.has(word)) {
    return null;
  }
  return OPERATOR_DOCS[word] ?? KEYWORD_DOCS[word] ?? BUILTIN_DOCS[word] ?? null;
}

/** The session-script commands and `feed` options. */
export const SESSION_DOCS: Readonly<Record<string, DocEntry>> = {
  install: {
    ddp: 'install NAME FILE',
    text: 'Parses, checks and installs the program in `FILE` under `NAME` — all or nothing.',
  },
  feed: {
    ddp: 'feed PROG IN VALUE [val=VALUE] [time=T] [diff=D]',
    text: 'Stages the row `(VALUE ; val)` with multiplicity `D` (default +1) at time `T` (default: the open epoch) into input `IN` of program `PROG`. `1,2` is `tuple(1,2)`; `_` is unit.',
  },
  tick: {
    ddp: 'tick',
    text: 'Closes the open epoch and runs every program until all earlier changes are processed.',
  },
  drop: {
    ddp: 'drop NAME',
    text: 'Removes an installed program (refused while another program imports its traces) or an unused generated source.',
  },
  peek: {
    ddp: 'peek TRACE [KEY]',
    text: 'Prints the current contents of a published trace, or only the rows whose key equals `KEY`.',
  },
  list: {
    ddp: 'list',
    text: 'Prints the epoch, the published traces with their importer counts, and the installed programs.',
  },
  help: { ddp: 'help', text: 'Prints the commands.' },
  exit: { ddp: 'exit', text: 'Stops the session.' },
  quit: { ddp: 'quit', text: 'Stops the session.' },
  'val=': { ddp: 'val=VALUE', text: "The row's value (default: unit)." },
  'time=': {
    ddp: 'time=T',
    text: 'The epoch the row takes effect at; not earlier than the open epoch (default: the open epoch).',
  },
  'diff=': { ddp: 'diff=D', text: "The row's multiplicity (default +1; negative retracts)." },
};

/** The session-script commands, in the order `help` lists them. */
export const SESSION_COMMANDS: readonly string[] = COMMAND_WORDS;

/** The entry for a session-script command or option (`val=`), or null. */
export function sessionDocFor(word: string): DocEntry | null {
  return SESSION_DOCS[word] ?? null;
}

/** Renders an entry as hover Markdown: the form in this syntax as code, then the text. */
export function docMarkdown(entry: DocEntry, syntax: Syntax | 'session'): string {
  const form = syntax === 'ddir' ? (entry.ddir ?? entry.ddp) : (entry.ddp ?? entry.ddir);
  return form === undefined ? entry.text : `\`${form}\`\n\n${entry.text}`;
}
