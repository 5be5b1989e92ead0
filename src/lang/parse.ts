/**
 * The parser's entry points: text in, syntax tree plus diagnostics out.
 *
 * - `parse(text, syntax)` parses a whole `.ddp` or `.ddir` program. It never throws: on
 *   broken input it still returns a tree (with `error` nodes where text could not be
 *   understood) and one diagnostic per independent mistake, sorted by position.
 * - `parseClosedTerm(text)` parses one closed scalar term (the command line's value
 *   syntax, SERVER.md): pipe-syntax term grammar, no `$n`, nothing left over.
 * - `syntaxOf(fileName)` picks the syntax from a file name.
 */
import type { ProgramAst, Syntax, TermAst } from './ast.js';
import { lex } from './lexer.js';
import { parseApplicativeTokens } from './parse-applicative.js';
import { parsePipeTokens } from './parse-pipe.js';
import { TermParser } from './parse-term.js';
import type { Diagnostic } from './source.js';

/** `.ddir` files use the applicative syntax; every other file the pipe syntax. */
export function syntaxOf(fileName: string): Syntax {
  return fileName.toLowerCase().endsWith('.ddir') ? 'ddir' : 'ddp';
}

/** Diagnostics in source order (stable for equal starts). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Parses a program; never throws. Diagnostics are sorted by position. */
export function parse(text: string, syntax: Syntax): { ast: ProgramAst; diagnostics: Diagnostic[] } {
  const { tokens, diagnostics: lexical } = lex(text);
  const result =
    syntax === 'ddir' ? parseApplicativeTokens(tokens, lexical) : parsePipeTokens(tokens, lexical);
  return { ast: result.ast, diagnostics: sortDiagnostics(result.diagnostics) };
}

// A term parser that insists on one term filling the whole text.
class ClosedTermParser extends TermParser {
  parseWhole(): TermAst | null {
    if (this.peek().kind === 'eof') {
      this.failExpected('a value, such as `5` or `tuple(1,2)`');
      return null;
    }
    const term = this.parseTerm();
    if (this.panicking) return null;
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      const end = this.tokens[this.tokens.length - 1]?.span.end ?? rest.span.end;
      this.report('trailing-input', 'unexpected text after the value', { start: rest.span.start, end });
      return null;
    }
    return term;
  }
}

// Reports every `$n` in a term that must be closed.
function reportOpenSlots(term: TermAst, out: Diagnostic[]): void {
  switch (term.kind) {
    case 'dollar':
      out.push({
        severity: 'error',
        code: 'open-term',
        message: `\`$${term.index}\` refers to a row field; a value must be closed (no \`$n\`)`,
        span: term.span,
      });
      return;
    case 'binary':
      reportOpenSlots(term.left, out);
      reportOpenSlots(term.right, out);
      return;
    case 'neg':
      reportOpenSlots(term.operand, out);
      return;
    case 'index':
      reportOpenSlots(term.target, out);
      return;
    case 'call':
      for (const a of term.args) reportOpenSlots(a, out);
      return;
    case 'match':
      reportOpenSlots(term.scrutinee, out);
      for (const arm of term.arms) reportOpenSlots(arm.body, out);
      return;
    default:
      return;
  }
}

/** Parses one closed scalar term filling all of `text`; `term` is null when there are errors. */
export function parseClosedTerm(text: string): { term: TermAst | null; diagnostics: Diagnostic[] } {
  const { tokens, diagnostics: lexical } = lex(text);
  const parser = new ClosedTermParser(tokens, lexical, 'ddp');
  const term = parser.parseWhole();
  const diagnostics = [...parser.diagnostics];
  if (term !== null) reportOpenSlots(term, diagnostics);
  return { term: diagnostics.length === 0 ? term : null, diagnostics: sortDiagnostics(diagnostics) };
}
