/**
 * Reader for the golden test files (tests/golden/parse/*.txt, tests/golden/check/*.txt).
 *
 * Format (Lezer-like, several cases per file):
 *
 *     # name of the case
 *     <source text, any number of lines>
 *     ==>
 *     <one expected diagnostic per line, or nothing when the source is clean>
 *
 * - A case starts at a line beginning with `# ` (the rest of the line is its name) and
 *   runs until the next such line or the end of the file.
 * - The source is every line between the name line and the `==>` line, joined with `\n`
 *   (no trailing newline). Source lines may therefore not begin with `# ` nor be exactly
 *   `==>`; DDIR comments are `--`, so this never gets in the way.
 * - Expected lines are `line:col-endLine:endCol code: message` (1-based, end exclusive,
 *   columns in UTF-16 code units; see `formatDiagnostic`). Blank expected lines are
 *   ignored, so cases may be separated by blank lines.
 * - Lines before the first `# ` header are a free-form file comment and are ignored.
 * - The syntax of a case defaults to the caller's choice (usually the file name:
 *   `*.ddir.txt` → `.ddir`); a case whose name ends in `[ddir]` or `[ddp]` overrides it.
 *
 * The reader is pure string processing; `readGoldenCases` is the only function that
 * touches the file system.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic, LineIndex } from '../../src/lang/source.js';
import type { Syntax } from '../../src/lang/ast.js';

/** One golden case: a named source and the diagnostics it must produce, formatted. */
export interface GoldenCase {
  readonly name: string;
  readonly source: string;
  readonly expected: string[];
  /** The syntax forced by a `[ddir]`/`[ddp]` suffix on the name, if any. */
  readonly syntax: Syntax | null;
  /** 1-based line of the `# name` header in the golden file (for failure messages). */
  readonly line: number;
}

/** Splits golden-file text into its cases; throws on a case with no `==>` (a broken file). */
export function parseGoldenText(text: string, fileName = '<golden>'): GoldenCase[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cases: GoldenCase[] = [];
  let i = 0;
  while (i < lines.length && !(lines[i] ?? '').startsWith('# ')) i++;
  while (i < lines.length) {
    const header = lines[i] ?? '';
    const headerLine = i + 1;
    const name = header.slice(2).trim();
    i++;
    const source: string[] = [];
    while (i < lines.length && lines[i] !== '==>') {
      if ((lines[i] ?? '').startsWith('# ')) {
        throw new Error(`${fileName}:${headerLine}: case "${name}" has no \`==>\` line`);
      }
      source.push(lines[i] ?? '');
      i++;
    }
    if (i >= lines.length) throw new Error(`${fileName}:${headerLine}: case "${name}" has no \`==>\` line`);
    i++;
    const expected: string[] = [];
    while (i < lines.length && !(lines[i] ?? '').startsWith('# ')) {
      const line = (lines[i] ?? '').trim();
      if (line !== '') expected.push(line);
      i++;
    }
    const forced = /\[(ddir|ddp)\]$/.exec(name);
    cases.push({
      name,
      source: source.join('\n'),
      expected,
      syntax: forced ? (forced[1] as Syntax) : null,
      line: headerLine,
    });
  }
  return cases;
}

/** Reads and splits one golden file. */
export function readGoldenCases(path: string): GoldenCase[] {
  return parseGoldenText(readFileSync(path, 'utf8'), path);
}

/** Formats a diagnostic as a golden line: `line:col-endLine:endCol code: message`. */
export function formatDiagnostic(d: Diagnostic, lineIndex: LineIndex): string {
  const from = lineIndex.position(d.span.start);
  const to = lineIndex.position(d.span.end);
  const warn = d.severity === 'warning' ? ' (warning)' : '';
  return `${from.line}:${from.col}-${to.line}:${to.col} ${d.code}${warn}: ${d.message}`;
}

/** Formats diagnostics in source order (by start, then end, then text) for comparison. */
export function formatDiagnostics(ds: readonly Diagnostic[], lineIndex: LineIndex): string[] {
  return [...ds]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .map((d) => formatDiagnostic(d, lineIndex));
}
