/**
 * `ddir plan FILE [--json]`: print the optimized scope tree of a program — scopes,
 * operators, shared arrangements, imports and exports — as text (`formatPlan`) or as one
 * JSON document (`planToJson`). A program with errors gets its diagnostics instead (as
 * `ddir check` prints them) and exit status 1; an unreadable file exits with 2.
 */
import { printDiagnostics } from './check.js';
import { readText } from './io.js';
import { compile } from '../lang/compile.js';
import { formatPlan, planToJson } from '../lang/plan-print.js';
import { LineIndex } from '../lang/source.js';
import { diagnosticInfos } from '../server/diagnostics.js';
import type { CliIo } from './io.js';

/** Runs `ddir plan`; returns the exit status. */
export function runPlan(io: CliIo, file: string, json: boolean): number {
  const text = readText(io.cwd, file);
  if (text === undefined) {
    io.stderr.write(`ddir plan: cannot read ${file}\n`);
    return 2;
  }
  const compiled = compile(text, file);
  if (compiled.optimized === null) {
    printDiagnostics(io, json, diagnosticInfos(compiled.diagnostics, file, text), new LineIndex(text));
    return 1;
  }
  const out = json
    ? JSON.stringify(planToJson(compiled.optimized, text))
    : formatPlan(compiled.optimized, text);
  io.stdout.write(out.endsWith('\n') ? out : out + '\n');
  return 0;
}
