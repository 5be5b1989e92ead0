/**
 * Where the cursor is, grammatically: the context completion needs to know what may be
 * typed at an offset of a program.
 *
 * `cursorContext(text, offset, syntax)` lexes the text (with the real lexer), takes the
 * word being typed (if any) and reads the tokens before it, tracking the open brackets
 * and what opened each one (`key(` holds a projection, `join(` an expression then a
 * projection, `REDUCE(` an expression then a reducer name, …). It never fails: on text
 * it cannot place it answers `none`. Pure: no Monaco, no DOM.
 */
import type { Syntax } from '../../lang/ast.js';
import { lex } from '../../lang/lexer.js';
import type { Token } from '../../lang/lexer.js';
import type { Span } from '../../lang/source.js';

/** What may be typed at the cursor. */
export type CursorKind =
  /** the start of a statement: `let`, `var`, `export`, … */
  | 'statement'
  /** right after `|`: an operator (pipe syntax) */
  | 'operator'
  /** a collection: a name, `input`, `import`, an applicative call */
  | 'collection'
  /** a field of child scope `scope` (after `scope::`) */
  | 'field'
  /** a scalar term: builtins, constructors, `case` */
  | 'term'
  /** a `case` arm's pattern: constructors and `_` */
  | 'pattern'
  /** a reducer name in `.ddir`'s `REDUCE(e, …)` */
  | 'reducer'
  /** inside `import "…`: a trace name */
  | 'trace'
  /** nothing sensible to offer (a comment, a new name, a number, …) */
  | 'none';

/** The cursor's context plus the text range a completion replaces. */
export interface CursorContext {
  readonly kind: CursorKind;
  /** What completion replaces: the word (or trace-name part) typed so far. */
  readonly range: Span;
  /** The part of that range before the cursor. */
  readonly prefix: string;
  /** For `field`: the child scope's name. */
  readonly scope?: string;
}

// What an open bracket holds, per argument (the last one repeats).
type Mode = 'collection' | 'term' | 'arms' | 'reducer' | 'none' | 'block';

interface Frame {
  readonly args: readonly Mode[];
  commas: number;
}

const PIPE_OPENERS: Readonly<Record<string, readonly Mode[]>> = {
  key: ['term'],
  map: ['term'],
  join: ['collection', 'term'],
  filter: ['term'],
  flatmap: ['term'],
  enter_at: ['term'],
  inspect: ['none'],
};

const APPLICATIVE_OPENERS: Readonly<Record<string, readonly Mode[]>> = {
  MAP: ['collection', 'term'],
  JOIN: ['collection', 'collection', 'term'],
  REDUCE: ['collection', 'reducer'],
  FILTER: ['collection', 'term'],
  FLATMAP: ['collection', 'term'],
  ENTER_AT: ['collection', 'term'],
  INSPECT: ['collection', 'none'],
  NEGATE: ['collection'],
  ARRANGE: ['collection'],
  LIFT_ITER: ['collection'],
  CONCAT: ['collection'],
};

function modeOf(frame: Frame | undefined): Mode {
  if (frame === undefined) return 'block';
  return frame.args[Math.min(frame.commas, frame.args.length - 1)] ?? 'none';
}

// The mode a `(` opens, given the token before it and the mode around it.
function parenMode(
  prev: Token | undefined,
  before: Token | undefined,
  around: Mode,
  syntax: Syntax,
): readonly Mode[] {
  if (prev?.kind === 'ident') {
    const openers = syntax === 'ddir' ? APPLICATIVE_OPENERS : PIPE_OPENERS;
    const known = openers[prev.text];
    if (known !== undefined) return known;
    if (before?.kind === 'ident' && before.text === 'con') return ['none'];
    return ['term'];
  }
  if (around === 'term' || around === 'arms') return ['term'];
  if (around === 'collection' || around === 'block') return ['collection'];
  return ['none'];
}

const none = (offset: number): CursorContext => ({
  kind: 'none',
  range: { start: offset, end: offset },
  prefix: '',
});

/** The grammatical context at `offset` (see the module header). */
export function cursorContext(text: string, offset: number, syntax: Syntax): CursorContext {
  const { tokens, comments } = lex(text);
  if (comments.some((c) => c.start < offset && offset <= c.end)) return none(offset);

  // Inside a string: only `import "` offers anything.
  const str = tokens.find((t) => t.kind === 'string' && t.span.start < offset && offset <= t.span.end);
  if (str !== undefined) {
    const closed = text[str.span.end - 1] === '"' && str.span.end - str.span.start >= 2;
    if (closed && offset === str.span.end) return none(offset);
    const index = tokens.indexOf(str);
    const prev = tokens[index - 1];
    const importWord = syntax === 'ddir' ? 'IMPORT' : 'import';
    if (prev?.kind !== 'ident' || prev.text !== importWord) return none(offset);
    const start = str.span.start + 1;
    const end = closed ? str.span.end - 1 : str.span.end;
    return { kind: 'trace', range: { start, end }, prefix: text.slice(start, offset) };
  }

  // The word being typed, if the cursor touches one.
  let range: Span = { start: offset, end: offset };
  for (const t of tokens) {
    if (t.kind === 'eof' || t.span.start > offset || t.span.end < offset) continue;
    if (t.kind === 'ident') range = t.span;
    // Inside a number (or between the two characters of `::`): nothing to offer.
    else if (t.span.start < offset && offset < t.span.end) return none(offset);
  }
  const before = tokens.filter((t) => t.kind !== 'eof' && t.span.end <= range.start);
  const prefix = text.slice(range.start, offset);

  // Track the brackets that are still open at the cursor.
  const stack: Frame[] = [];
  for (let i = 0; i < before.length; i++) {
    const t = before[i];
    if (t?.kind !== 'punct') continue;
    if (t.text === '(') {
      stack.push({ args: parenMode(before[i - 1], before[i - 2], modeOf(stack.at(-1)), syntax), commas: 0 });
    } else if (t.text === '{') {
      const around = modeOf(stack.at(-1));
      stack.push({ args: [around === 'term' || around === 'arms' ? 'arms' : 'block'], commas: 0 });
    } else if (t.text === '[') {
      stack.push({ args: ['none'], commas: 0 });
    } else if (t.text === ')' || t.text === '}' || t.text === ']') {
      stack.pop();
    } else if (t.text === ',') {
      const top = stack.at(-1);
      if (top !== undefined) top.commas++;
    }
  }

  const mode = modeOf(stack.at(-1));
  const prev = before.at(-1);
  const prevText =
    prev === undefined ? '' : prev.kind === 'punct' || prev.kind === 'ident' ? prev.text : prev.kind;
  const at = (kind: CursorKind, scope?: string): CursorContext =>
    scope === undefined ? { kind, range, prefix } : { kind, range, prefix, scope };

  if (prev?.kind === 'punct' && (prev.text === '$' || prev.text === '^')) return none(offset);
  switch (mode) {
    case 'none':
      return none(offset);
    case 'reducer':
      return prevText === '(' || prevText === ',' ? at('reducer') : none(offset);
    case 'arms':
      if (prevText === '{' || prevText === ',') return at('pattern');
      return at('term');
    case 'term':
      return at('term');
    case 'block':
    case 'collection': {
      if (prevText === '|') return syntax === 'ddp' ? at('operator') : none(offset);
      if (prevText === '::') {
        const owner = before.at(-2);
        return owner?.kind === 'ident' ? at('field', owner.text) : none(offset);
      }
      if (mode === 'block' && (prevText === '' || prevText === ';' || prevText === '{' || prevText === '}')) {
        return at('statement');
      }
      if (['=', '+', '-', '(', ','].includes(prevText) && prev?.kind === 'punct') return at('collection');
      return none(offset);
    }
  }
}
