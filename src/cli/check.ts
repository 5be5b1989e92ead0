/**
 * `ddir check FILE…`: compile each program and report its diagnostics.
 *
 * Text: `file:line:col: error: message` per diagnostic, then the source line and a caret
 * line under the range (to the end of the line when the range spans lines). `--json`: one
 * `{"event":"diagnostic","file","line","col","endLine","endCol","severity","message"}`
 * per line (1-based, end exclusive). Exit status: 2 if a file cannot be read (the others
 * are still checked), else 1 if any error was found, else 0.
 */
import { makeStyle, shouldColor } from './color.js';
import { readText } from './io.js';
import { compile } from '../lang/compile.js';
import { LineIndex } from '../lang/source.js';
import { diagnosticInfo } from '../server/diagnostics.js';
import type { Style } from './color.js';
import type { CliIo } from './io.js';
import type { DiagnosticInfo } from '../server/events.js';

/** The source line of a diagnostic and a caret line under its range. */
export function excerpt(d: DiagnosticInfo, lines: LineIndex, style: Style): string[] {
  const text = lines.lineText(d.line);
  const gutter = String(d.line);
  const end = d.endLine === d.line ? Math.max(d.endCol, d.col + 1) : Math.max(text.length + 1, d.col + 1);
  // Keep tabs in the lead-in so the carets line up under the text.
  const lead = text.slice(0, d.col - 1).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(end - d.col);
  const paint = d.severity === 'error' ? style.red : style.yellow;
  return [`  ${gutter} | ${text}`, `  ${' '.repeat(gutter.length)} | ${lead}${paint(carets)}`];
}

/** Diagnostics of one program text, positioned. */
export function checkText(text: string, file: string): { lines: LineIndex; diagnostics: DiagnosticInfo[] } {
  const lines = new LineIndex(text);
  const diagnostics = compile(text, file).diagnostics.map((d) => diagnosticInfo(d, file, lines));
  return { lines, diagnostics };
}

/** Prints diagnostics for people (or as JSON events). */
export function printDiagnostics(
  io: CliIo,
  json: boolean,
  diagnostics: readonly DiagnosticInfo[],
  lines: LineIndex,
): void {
  const style = makeStyle(shouldColor(io.stdout.isTTY, io.env));
  for (const d of diagnostics) {
    if (json) {
      io.stdout.write(JSON.stringify({ event: 'diagnostic', ...d }) + '\n');
      continue;
    }
    const paint = d.severity === 'error' ? style.red : style.yellow;
    const head = `${d.file}:${d.line}:${d.col}: ${style.bold(paint(d.severity))}: ${d.message}`;
    io.stdout.write([head, ...excerpt(d, lines, style)].join('\n') + '\n');
  }
}

/** Runs `ddir check`; returns the exit status. */
export function runCheck(io: CliIo, files: readonly string[], json: boolean): number {
  let unreadable = false;
  let errors = false;
  for (const file of files) {
    const text = readText(io.cwd, file);
    if (text === undefined) {
      io.stderr.write(`ddir check: cannot read ${file}\n`);
      unreadable = true;
      continue;
    }
    const { lines, diagnostics } = checkText(text, file);
    printDiagnostics(io, json, diagnostics, lines);
    if (diagnostics.some((d) => d.severity === 'error')) errors = true;
  }
  return unreadable ? 2 : errors ? 1 : 0;
}
