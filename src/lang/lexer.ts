/**
 * The DDIR lexer, shared by both surface syntaxes (LANGUAGE.md §2, §3, §5).
 *
 * `lex(text)` turns source text into tokens and never fails: every problem becomes a
 * diagnostic and lexing goes on, so the parser always sees a complete token stream
 * ending in one `eof` token. Keywords are not decided here (the two syntaxes reserve
 * different words); a word is an `ident` and the parser looks at its text.
 *
 * Rules (those of the reference tokenizers, with clean errors instead of panics):
 * - whitespace is space, tab, `\n`, `\r`; a comment runs from `--` to the end of the line;
 * - a word is `[A-Za-z_][A-Za-z0-9_]*`; an integer literal is decimal digits, at most
 *   2^63−1 (a leading `-` is unary minus, so −2^63 cannot be written as one literal);
 * - a string is `"…"` with no escapes; it may not span lines (reported as unterminated);
 * - a lone `&` is reported and read as `&&`; a lone `!` is reported and skipped;
 * - a run of characters that start no token is reported once and skipped.
 * Reports: `unexpected-char`, `unterminated-string`, `single-ampersand`, `single-bang`,
 * `int-out-of-range`.
 */
import type { Diagnostic, Span } from './source.js';

/** Punctuation and operator tokens, spelled as written. */
export type Punct =
  | '('
  | ')'
  | '{'
  | '}'
  | '['
  | ']'
  | ','
  | ';'
  | ':'
  | '::'
  | '='
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '&&'
  | '=>'
  | '|'
  | '+'
  | '-'
  | '*'
  | '$'
  | '^';

/** One token. `text` is the word, the string's contents, the digits, or the punctuation. */
export type Token =
  | { readonly kind: 'ident'; readonly text: string; readonly span: Span }
  | { readonly kind: 'int'; readonly text: string; readonly value: bigint; readonly span: Span }
  | { readonly kind: 'string'; readonly text: string; readonly span: Span }
  | { readonly kind: 'punct'; readonly text: Punct; readonly span: Span }
  | { readonly kind: 'eof'; readonly text: ''; readonly span: Span };

/** The largest integer literal (i64::MAX). */
export const MAX_INT_LITERAL = (1n << 63n) - 1n;

/** The result of lexing: tokens (always ending in `eof`), comments and lexical diagnostics. */
export interface LexResult {
  readonly tokens: Token[];
  /** Where each `--` comment is, in source order (from `--` to the end of its line, excluded). */
  readonly comments: Span[];
  readonly diagnostics: Diagnostic[];
}

const SINGLE: Readonly<Record<string, Punct>> = {
  '(': '(',
  ')': ')',
  '{': '{',
  '}': '}',
  '[': '[',
  ']': ']',
  ',': ',',
  ';': ';',
  '|': '|',
  '+': '+',
  '*': '*',
  $: '$',
  '^': '^',
  '-': '-',
};

// Two-character operators, tried before the one-character ones.
const DOUBLE: Readonly<Record<string, Punct>> = {
  '::': '::',
  '==': '==',
  '=>': '=>',
  '!=': '!=',
  '<=': '<=',
  '>=': '>=',
  '&&': '&&',
};

// Characters that start a one-character token only when no two-character one matches.
const SHORT: Readonly<Record<string, Punct>> = { ':': ':', '=': '=', '<': '<', '>': '>' };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for a character that may start a word. */
export function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** True when `text` is one whole word (`[A-Za-z_][A-Za-z0-9_]*`). */
export function isWord(text: string): boolean {
  if (text.length === 0 || !isWordStart(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) if (!isWordPart(text.charCodeAt(i))) return false;
  return true;
}

// Can the character at `i` begin a token, whitespace or a comment?
function startsSomething(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const ch = text[i] ?? '';
  return (
    isSpace(c) ||
    isDigit(c) ||
    isWordStart(c) ||
    ch === '"' ||
    ch in SINGLE ||
    ch in SHORT ||
    ch === '&' ||
    ch === '!'
  );
}

// Shows a character in a message: printable ones in backticks, others as U+XXXX.
function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 32 || code === 127 || (code >= 0x80 && code <= 0x9f) || code === 0xfeff || code === 0xa0) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `\`${ch}\``;
}

/** Splits `text` into tokens; never throws, reports problems as diagnostics. */
export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  const comments: Span[] = [];
  const diagnostics: Diagnostic[] = [];
  const report = (code: string, message: string, start: number, end: number): void => {
    diagnostics.push({ severity: 'error', code, message, span: { start, end } });
  };
  const n = text.length;
  // A byte-order mark at the very start is invisible to people; ignore it.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (isSpace(c)) {
      i++;
    } else if (ch === '-' && text[i + 1] === '-') {
      const start = i;
      while (i < n && text.charCodeAt(i) !== 10) i++;
      comments.push({ start, end: text[i - 1] === '\r' ? i - 1 : i });
    } else if (isWordStart(c)) {
      const start = i;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'ident', text: text.slice(start, i), span: { start, end: i } });
    } else if (isDigit(c)) {
      const start = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const digits = text.slice(start, i);
      const value = BigInt(digits);
      if (value > MAX_INT_LITERAL) {
        report(
          'int-out-of-range',
          `integer literal \`${digits}\` is out of the 64-bit range (the largest is ${MAX_INT_LITERAL})`,
          start,
          i,
        );
      }
      tokens.push({ kind: 'int', text: digits, value, span: { start, end: i } });
    } else if (ch === '"') {
      const start = i;
      i++;
      while (i < n && text[i] !== '"' && text[i] !== '\n') i++;
      let body = text.slice(start + 1, i);
      if (text[i] === '"') {
        i++;
      } else {
        // Stop before a `\r\n` line end too, so the span stays on its line.
        if (body.endsWith('\r')) body = body.slice(0, -1);
        report(
          'unterminated-string',
          'unterminated string: add a closing `"`',
          start,
          start + 1 + body.length,
        );
      }
      tokens.push({ kind: 'string', text: body, span: { start, end: i } });
    } else {
      const two = text.slice(i, i + 2);
      const double = DOUBLE[two];
      const single = SINGLE[ch] ?? SHORT[ch];
      if (double !== undefined) {
        tokens.push({ kind: 'punct', text: double, span: { start: i, end: i + 2 } });
        i += 2;
      } else if (single !== undefined) {
        tokens.push({ kind: 'punct', text: single, span: { start: i, end: i + 1 } });
        i++;
      } else if (ch === '&') {
        report('single-ampersand', '`&` must be doubled: use `&&`', i, i + 1);
        tokens.push({ kind: 'punct', text: '&&', span: { start: i, end: i + 1 } });
        i++;
      } else if (ch === '!') {
        report('single-bang', '`!` must be followed by `=` (`!=`); for logical not write `not(x)`', i, i + 1);
        i++;
      } else {
        const start = i;
        do i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        while (i < n && !startsSomething(text, i));
        const run = text.slice(start, i);
        const chars = Array.from(run);
        const message =
          chars.length === 1
            ? `unexpected character ${showChar(run)}`
            : `unexpected characters ${chars.every((x) => showChar(x).startsWith('`')) ? `\`${run}\`` : chars.map(showChar).join(' ')}`;
        report('unexpected-char', message, start, i);
      }
    }
  }
  tokens.push({ kind: 'eof', text: '', span: { start: n, end: n } });
  return { tokens, comments, diagnostics };
}
