/**
 * Plans for people: the scope-tree IR as indented text (`formatPlan`), e.g.
 *
 *     root
 *       [0] input 0                                 line 2
 *       [1] map [0]: key  (edges)                   line 2
 *       [2] arrange [1]  shared by [4] join, reach[2] enter
 *       [3] scope reach                             line 4
 *           reach: iterates (var reach ← [8])
 *           [0] variable reach ← [8]                line 6
 *           ...
 *       [4] leave reach[8]
 *     export "result" ← [9]
 *
 * Every item shows its id, its operator and inputs (`[n]` in the same scope, `outer[n]`
 * in the parent, `child[n]` in a child), its `let`/`var` name, the readers of shared
 * arrangements, var feedback sources, and the source line when `source` is given.
 * `planToJson` (re-exported from `plan-json.ts`) is the machine-readable form.
 */
import type { ProgramIr, ScopeIr } from './ir.js';
import { isArranged } from './ir.js';
import { describe, letName, readersOf } from './plan-common.js';
import { LineIndex } from './source.js';

export { planToJson } from './plan-json.js';
export type { PlanJson, PlanNode, PlanEdge, PlanScope, PlanOp } from './plan-json.js';

const COLUMN = 56;

/** The readable scope tree of a program (see the module header). */
export function formatPlan(program: ProgramIr, source?: string): string {
  const lines = source === undefined ? null : new LineIndex(source);
  const out: string[] = [];
  const root = program.scopes[0];
  if (root === undefined) return '';
  const sources: string[] = [];
  if (program.inputs.length > 0) sources.push(`inputs ${program.inputs.join(', ')}`);
  if (program.imports.length > 0)
    sources.push(`imports ${program.imports.map((i) => JSON.stringify(i.name)).join(', ')}`);
  out.push(sources.length === 0 ? 'root' : `root (${sources.join('; ')})`);
  formatScope(program, root, '  ', lines, out);
  for (const e of program.exports) out.push(`export ${JSON.stringify(e.name)} ← [${e.item}]`);
  return out.join('\n') + '\n';
}

function formatScope(
  program: ProgramIr,
  scope: ScopeIr,
  indent: string,
  lines: LineIndex | null,
  out: string[],
): void {
  if (scope.parent !== null) {
    const feedback = scope.vars.map((v) => `var ${v.name} ← [${v.next}]`).join(', ');
    out.push(
      `${indent}${scope.name}: ${feedback === '' ? 'a namespace (no var)' : `iterates (${feedback})`}`,
    );
  }
  for (const item of scope.items) {
    let text = `${indent}[${item.id}] ${describe(program, scope, item)}`;
    const name = letName(item);
    if (name !== undefined) text += `  (${name})`;
    if (isArranged(program, scope.id, item.id)) {
      const readers = readersOf(program, scope.id, item.id);
      if (readers.length > 1) text += `  shared by ${readers.map((r) => r.text).join(', ')}`;
    }
    if (lines !== null) text = `${text.padEnd(COLUMN)} line ${lines.position(item.span.start).line}`;
    out.push(text);
    if (item.op === 'scope') {
      const child = program.scopes[item.child];
      if (child !== undefined) formatScope(program, child, indent + '    ', lines, out);
    }
  }
}
