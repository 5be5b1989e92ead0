/**
 * Hover text for DDIR programs, as plain data: what the word at an offset means.
 *
 * `hoverAt(text, offset, syntax, outline?)` finds the token under the offset (with the
 * real lexer) and explains it: operators, builtins and keywords from `docs.ts`; `$n`
 * and `^k`; `|` and `::`; constructors (declared by `con`) with their tag and arity;
 * and collection and scope names with what they are bound to, resolved in the scope
 * the offset is in (also `scope::field`). Comments, numbers, strings and unknown names
 * give null. Pure: the Monaco adapter only translates the result.
 */
import type { Syntax } from '../../lang/ast.js';
import { lex } from '../../lang/lexer.js';
import type { Token } from '../../lang/lexer.js';
import { BUILTIN_NAMES } from '../../lang/lower-term.js';
import { KEYWORDS } from '../../lang/keywords.js';
import { resolveName } from '../../lang/scopes.js';
import type { Binding } from '../../lang/scopes.js';
import type { Span } from '../../lang/source.js';
import { docFor, docMarkdown, SYMBOL_DOCS } from './docs.js';
import { bindingCode, bindingSummary, outlineOf, scopeAt } from './outline.js';
import type { Outline } from './outline.js';

/** A hover: the range it is about and Markdown to show. */
export interface HoverInfo {
  readonly range: Span;
  readonly markdown: string;
}

const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_NAMES);

function codeBlock(code: string, syntax: Syntax): string {
  return `\`\`\`${syntax}\n${code}\n\`\`\``;
}

function bindingHover(binding: Binding, range: Span, syntax: Syntax): HoverInfo {
  return {
    range,
    markdown: `${codeBlock(bindingCode(binding, syntax), syntax)}\n\n${bindingSummary(binding)}`,
  };
}

// Is the token right after `i` an opening parenthesis (a call)?
function isCall(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next?.kind === 'punct' && next.text === '(';
}

function punctAt(tokens: readonly Token[], i: number, text: string): boolean {
  const t = tokens[i];
  return t?.kind === 'punct' && t.text === text;
}

/** The hover at `offset` of a program text, or null (see the module header). */
export function hoverAt(text: string, offset: number, syntax: Syntax, outline?: Outline): HoverInfo | null {
  const { tokens, comments } = lex(text);
  if (comments.some((c) => c.start <= offset && offset < c.end)) return null;
  const i = tokens.findIndex((t) => t.kind !== 'eof' && t.span.start <= offset && offset < t.span.end);
  const token = tokens[i];
  if (token === undefined) return null;

  if (token.kind === 'punct') {
    // `$n` and `^k` are two tokens: explain them together.
    const next = tokens[i + 1];
    if (
      (token.text === '$' || token.text === '^') &&
      next?.kind === 'int' &&
      next.span.start === token.span.end
    ) {
      const entry = SYMBOL_DOCS[token.text];
      if (entry === undefined) return null;
      return { range: { start: token.span.start, end: next.span.end }, markdown: docMarkdown(entry, syntax) };
    }
    const entry =
      token.text === '|' && syntax === 'ddp'
        ? SYMBOL_DOCS['|']
        : token.text === '::'
          ? SYMBOL_DOCS['::']
          : undefined;
    return entry === undefined ? null : { range: token.span, markdown: docMarkdown(entry, syntax) };
  }
  if (token.kind === 'int') {
    const prev = tokens[i - 1];
    if (
      prev?.kind === 'punct' &&
      (prev.text === '$' || prev.text === '^') &&
      prev.span.end === token.span.start
    ) {
      return hoverAt(text, prev.span.start, syntax, outline);
    }
    return null;
  }
  if (token.kind !== 'ident') return null;

  const word = token.text;
  const range = token.span;
  const known = outline ?? outlineOf(text, syntax);
  const con = known.tree.cons.get(word);
  const declaring = tokens[i - 1]?.kind === 'ident' && tokens[i - 1]?.text === 'con';
  if (con !== undefined && (declaring || isCall(tokens, i) || syntax === 'ddp')) {
    const fields = Array.from({ length: con.arity }, (_, k) => `f${k}`);
    const markdown = `${codeBlock(`con ${con.name}(${con.arity}) = ${con.tag};`, syntax)}\n\nA constructor: \`${con.name}(${fields.join(', ')})\` means \`inject(${con.tag}, tuple(${fields.join(', ')}))\`; in a \`case\`, \`${con.name}(…)\` matches tag ${con.tag}.`;
    return { range, markdown };
  }
  if (KEYWORDS[syntax].has(word) || word === '_' || (BUILTINS.has(word) && isCall(tokens, i))) {
    const entry = docFor(word, syntax);
    return entry === null ? null : { range, markdown: docMarkdown(entry, syntax) };
  }

  // A collection or scope name: resolve it where it is written.
  const scope = scopeAt(known, offset);
  if (punctAt(tokens, i - 1, '::')) {
    const owner = tokens[i - 2];
    if (owner?.kind !== 'ident') return null;
    const child = resolveName(scope, owner.text);
    if (child?.kind !== 'scope') return null;
    const field = child.node.bindings.get(word);
    return field === undefined || field.kind === 'scope' ? null : bindingHover(field, range, syntax);
  }
  const binding = resolveName(scope, word);
  return binding === null ? null : bindingHover(binding, range, syntax);
}
