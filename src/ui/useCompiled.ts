/**
 * Compiles the editor's text with the real DDIR front end, debounced so typing never
 * waits on the checker. Returns the diagnostics (with 1-based positions) and the
 * optimized plan as text.
 */
import { useEffect, useState } from 'react';
import { compile } from '../lang/compile.js';
import { formatPlan } from '../lang/plan-print.js';
import { LineIndex } from '../lang/source.js';

/** One diagnostic ready to show: where, how bad, what. */
export interface ShownDiagnostic {
  readonly line: number;
  readonly col: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The checker's verdict on one text. */
export interface Compiled {
  readonly diagnostics: readonly ShownDiagnostic[];
  readonly plan: string | null;
}

function compileText(text: string, fileName: string): Compiled {
  const result = compile(text, fileName);
  const lines = new LineIndex(text);
  const diagnostics = result.diagnostics.map((d) => {
    const at = lines.position(d.span.start);
    return { line: at.line, col: at.col, severity: d.severity, message: d.message };
  });
  return { diagnostics, plan: result.optimized ? formatPlan(result.optimized) : null };
}

/** The compiled form of `text`, recomputed `delayMs` after the last change. */
export function useCompiled(text: string, fileName: string, delayMs = 150): Compiled {
  const [compiled, setCompiled] = useState<Compiled>(() => compileText(text, fileName));
  useEffect(() => {
    const timer = setTimeout(() => setCompiled(compileText(text, fileName)), delayMs);
    return () => clearTimeout(timer);
  }, [text, fileName, delayMs]);
  return compiled;
}
