/**
 * The front end's entry point: source text → checked, lowered, optimized program.
 *
 * `compile(text, fileName)` parses (syntax chosen by the file name: `.ddir` applicative,
 * anything else pipe), checks, lowers and optimizes. It never throws on bad input: all
 * problems come back as diagnostics sorted by position (errors and warnings together;
 * the checker still runs after syntax errors, on the recovered tree, so independent
 * mistakes are all reported). `ir` and `optimized` are null when any diagnostic is an
 * error; warnings do not stop compilation. A text nested too deeply for the JS stack
 * (e.g. a hundred thousand open parentheses) is one `too-deep` error over the whole text,
 * not a `RangeError`.
 */
import type { ProgramAst } from './ast.js';
import { checkProgram } from './check.js';
import type { ProgramIr } from './ir.js';
import { lowerProgram } from './lower.js';
import { optimize } from './optimize.js';
import { parse, sortDiagnostics, syntaxOf } from './parse.js';
import { LineIndex } from './source.js';
import type { Diagnostic } from './source.js';

/** Everything the front end knows about one program text. */
export interface CompileResult {
  readonly ast: ProgramAst;
  /** The lowered program before optimization; null when there is an error. */
  readonly ir: ProgramIr | null;
  /** The optimized program (what the engine runs); null when there is an error. */
  readonly optimized: ProgramIr | null;
  /** Every error and warning, sorted by position. */
  readonly diagnostics: Diagnostic[];
}

/** Parses, checks, lowers and optimizes a program (see the module header). */
export function compile(text: string, fileName: string): CompileResult {
  try {
    return compileUnguarded(text, fileName);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const span = { start: 0, end: text.length };
    const message =
      'this program is nested too deeply to compile (the stack ran out); split deep terms or long pipelines';
    return {
      ast: { syntax: syntaxOf(fileName), stmts: [], span },
      ir: null,
      optimized: null,
      diagnostics: [{ severity: 'error', span, code: 'too-deep', message }],
    };
  }
}

function compileUnguarded(text: string, fileName: string): CompileResult {
  const parsed = parse(text, syntaxOf(fileName));
  const checked = checkProgram(parsed.ast, new LineIndex(text));
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]);
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { ast: parsed.ast, ir: null, optimized: null, diagnostics };
  }
  const ir = lowerProgram(parsed.ast, checked.tree);
  return { ast: parsed.ast, ir, optimized: optimize(ir), diagnostics };
}
