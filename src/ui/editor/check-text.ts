/**
 * The checker's work, as a pure function: `checkText(text, fileName)` compiles the
 * program with the real front end (`compile`) and returns its diagnostics with line and
 * column positions, plus the optimized plan as text when there is no error. Never
 * throws on bad input. The worker (`check.worker.ts`) is a thin host around it.
 */
import { compile } from '../../lang/compile.js';
import { formatPlan } from '../../lang/plan-print.js';
import { LineIndex } from '../../lang/source.js';
import type { CheckReport, EditorDiagnostic } from './check-protocol.js';

/** Checks one program text (see the module header). */
export function checkText(text: string, fileName: string): CheckReport {
  const result = compile(text, fileName);
  const lines = new LineIndex(text);
  const diagnostics = result.diagnostics.map((d): EditorDiagnostic => {
    const from = lines.position(d.span.start);
    const to = lines.position(d.span.end);
    return {
      severity: d.severity,
      message: d.message,
      code: d.code,
      start: d.span.start,
      end: d.span.end,
      line: from.line,
      col: from.col,
      endLine: to.line,
      endCol: to.col,
    };
  });
  return { diagnostics, plan: result.optimized === null ? null : formatPlan(result.optimized) };
}
