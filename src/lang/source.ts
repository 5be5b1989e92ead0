/**
 * Source positions and diagnostics — the currency of the whole front end.
 *
 * A `Span` is a half-open range of UTF-16 offsets into one source text. Positions
 * shown to people (CLI, editor markers, `--json`) are 1-based lines and columns with
 * an exclusive end, computed by `LineIndex`. Diagnostics are values, never exceptions:
 * every stage returns its result together with the diagnostics it found.
 */

/** A half-open range `[start, end)` of UTF-16 code-unit offsets into a source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Builds a span; `end` is clamped to be at least `start`. */
export function span(start: number, end: number): Span {
  return { start, end: Math.max(start, end) };
}

/** The smallest span covering both. */
export function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

export type Severity = 'error' | 'warning';

/** One problem found in a source text, with the range it is about. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** A stable machine-readable code, e.g. `unknown-name`; used by golden tests and the editor. */
  readonly code: string;
}

/** 1-based line/column position (column counted in UTF-16 code units). */
export interface LineCol {
  readonly line: number;
  readonly col: number;
}

/** Maps offsets to 1-based line/column positions in one text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** The position of `offset` (clamped into the text). */
  position(offset: number): LineCol {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** The text of 1-based line `line`, without its newline. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
