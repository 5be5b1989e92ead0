/**
 * Source formatting that keeps comments: the editor's "format document" command.
 *
 * `formatSource(text, syntax)` parses the text and, when it has no errors, prints it
 * with `print.ts`'s canonical layout while keeping every `--` comment and the
 * paragraphs of the original:
 * - a comment on the line where a statement ends stays at the end of that line;
 * - any other comment goes on its own line before the next statement of its scope
 *   (a comment inside a statement moves just before that statement), or at the end
 *   of the scope or file when no statement follows;
 * - one blank line is kept wherever the source had at least one between two items.
 * Guarantees: the result parses to the same tree, holds the same comments in the same
 * order, and formatting it again changes nothing. With syntax errors, `text` is null
 * and the diagnostics say why (a broken file is never rewritten).
 */
import type { Stmt, Syntax } from './ast.js';
import { lex } from './lexer.js';
import { parse } from './parse.js';
import { printStmt } from './print.js';
import type { Diagnostic, Span } from './source.js';

const INDENT = '    ';

/** Formats a whole file, keeping comments; `text` is null when the file has errors. */
export function formatSource(
  text: string,
  syntax: Syntax,
): { text: string | null; diagnostics: Diagnostic[] } {
  const { ast, diagnostics } = parse(text, syntax);
  if (diagnostics.some((d) => d.severity === 'error')) return { text: null, diagnostics };
  const writer = new Writer(text, syntax, lex(text).comments);
  writer.block(ast.stmts, '', text.length);
  return { text: writer.lines.map((l) => `${l}\n`).join(''), diagnostics };
}

// Emits lines, consuming the comments in source order as it passes them.
class Writer {
  readonly lines: string[] = [];
  private next = 0;
  // End offset of the last item written in the current block (-1 at a block's start).
  private lastEnd = -1;

  constructor(
    private readonly text: string,
    private readonly syntax: Syntax,
    private readonly comments: readonly Span[],
  ) {}

  // The statements of one scope, then the comments before `end` (the scope's `}`).
  block(stmts: readonly Stmt[], indent: string, end: number): void {
    this.lastEnd = -1;
    for (const s of stmts) {
      // Comments before the statement, or inside it (a scope's inside is its own block).
      const before = s.kind === 'scope' ? s.span.start : s.span.end;
      this.leadingComments(before, indent);
      this.item(s.span.start);
      if (s.kind === 'scope') this.scope(s, indent);
      else printStmt(s, this.syntax, indent, this.lines);
      this.lastEnd = s.span.end;
      this.trailingComment(s.span.end);
    }
    this.leadingComments(end, indent);
  }

  private scope(s: Extract<Stmt, { kind: 'scope' }>, indent: string): void {
    this.lines.push(`${indent}${s.name.name}: {`);
    const close = s.span.end - 1;
    this.block(s.body, indent + INDENT, close);
    this.lines.push(`${indent}}`);
  }

  // Writes the comments that start before `limit`, one per line.
  private leadingComments(limit: number, indent: string): void {
    for (let c = this.comments[this.next]; c !== undefined && c.start < limit; c = this.comments[this.next]) {
      this.item(c.start);
      this.lines.push(`${indent}${this.text.slice(c.start, c.end).trimEnd()}`);
      this.lastEnd = c.end;
      this.next++;
    }
  }

  // Appends the comment that follows `end` with only spaces between, if any.
  private trailingComment(end: number): void {
    const c = this.comments[this.next];
    if (c === undefined || !/^[ \t]*$/.test(this.text.slice(end, c.start))) return;
    const last = this.lines.length - 1;
    this.lines[last] = `${this.lines[last] ?? ''} ${this.text.slice(c.start, c.end).trimEnd()}`;
    this.lastEnd = c.end;
    this.next++;
  }

  // Starts an item at `start`: a blank line first if the source had one since the last item.
  private item(start: number): void {
    if (this.lastEnd < 0) return;
    const gap = this.text.slice(this.lastEnd, start);
    if (/\n[ \t\r]*\n/.test(gap)) this.lines.push('');
  }
}
