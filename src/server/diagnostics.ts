/**
 * Compile-time diagnostics as positions people and tools read: 1-based lines and columns,
 * end exclusive, with the file name — the shape of `ddir check --json` and of the
 * `diagnostics` field of a rejected `install`. Also the one-line `file:line:col: error:
 * message` form.
 */
import { LineIndex } from '../lang/source.js';
import type { DiagnosticInfo } from './events.js';
import type { Diagnostic } from '../lang/source.js';

/** Positions one diagnostic in its file. */
export function diagnosticInfo(d: Diagnostic, file: string, lines: LineIndex): DiagnosticInfo {
  const start = lines.position(d.span.start);
  const end = lines.position(d.span.end);
  return {
    file,
    line: start.line,
    col: start.col,
    endLine: end.line,
    endCol: end.col,
    severity: d.severity,
    message: d.message,
  };
}

/** Positions every diagnostic of a text. */
export function diagnosticInfos(
  diagnostics: readonly Diagnostic[],
  file: string,
  text: string,
): DiagnosticInfo[] {
  const lines = new LineIndex(text);
  return diagnostics.map((d) => diagnosticInfo(d, file, lines));
}

/** `file:line:col: severity: message`. */
export function formatDiagnosticLine(d: DiagnosticInfo): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}
