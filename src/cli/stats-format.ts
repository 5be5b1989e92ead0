/**
 * `ddir run --stats` output, pure: an installed program's plan with each operator's work
 * after the session. Text: one table per program — every plan node in scope-tree order
 * (indented by scope depth; a loop scope's header says so), its source line, updates in
 * and out in the last tick, records held, and in/out since install. JSON: one
 * `{"event":"stats", …}` object per program (documented in README.md and `ddir help run`):
 *
 *     {"event":"stats","program":P,"file":F,"epoch":E,"busy":B,"operators":N,
 *      "plan":PLAN,"stats":[{"node":"1.3","op":"join","in":3,"out":2,"held":6,
 *      "inTotal":9,"outTotal":7}, …]}
 *
 * PLAN is `planToJson` of the installed program (version 1); `stats` has one entry per
 * plan node with counters (export nodes have none), `busy` counts those that did work
 * in the last tick, `operators` the entries.
 */
import { renderTable } from './table.js';
import type { Style } from './color.js';
import type { OperatorStats } from '../engine/api.js';
import type { PlanJson, PlanNode } from '../lang/plan-json.js';

/** One program's plan and counters after the session. */
export interface ProgramReport {
  readonly program: string;
  readonly file: string;
  readonly plan: PlanJson;
  readonly stats: readonly OperatorStats[];
}

/** The counters of each plan node, by node id. */
function byNode(stats: readonly OperatorStats[]): Map<string, OperatorStats> {
  return new Map(stats.map((s) => [`${s.scope}.${s.item}`, s]));
}

function busy(stats: readonly OperatorStats[]): number {
  return stats.filter((s) => s.inLastTick + s.outLastTick > 0).length;
}

/** The `stats` event of one program (see the module header). */
export function statsEvent(report: ProgramReport, epoch: number): Record<string, unknown> {
  const counters = byNode(report.stats);
  const stats = report.plan.nodes.flatMap((node) => {
    const s = counters.get(node.id);
    if (s === undefined) return [];
    return [
      {
        node: node.id,
        op: node.op,
        in: s.inLastTick,
        out: s.outLastTick,
        held: s.recordsHeld,
        inTotal: s.inTotal,
        outTotal: s.outTotal,
      },
    ];
  });
  return {
    event: 'stats',
    program: report.program,
    file: report.file,
    epoch,
    busy: busy(report.stats),
    operators: stats.length,
    plan: report.plan,
    stats,
  };
}

/** A node's name in the table: `[3] join (pushed)`, `var label`, `export "x"`. */
function nodeLabel(node: PlanNode): string {
  const id = node.item === null ? '' : `[${node.item}] `;
  const detail =
    node.op === 'map'
      ? `map ${(node.ops ?? []).join(' | ')}`
      : node.label !== undefined
        ? `${node.op} ${JSON.stringify(node.label)}`
        : node.op === 'input'
          ? node.text
          : node.op;
  return `${id}${detail}${node.name === undefined ? '' : `  (${node.name})`}`;
}

/** The text table of one program (see the module header). */
export function formatStats(report: ProgramReport, epoch: number, style: Style): string[] {
  const { plan } = report;
  const counters = byNode(report.stats);
  const rows: string[][] = [];
  const scopeOf = new Map(plan.scopes.map((s) => [s.id, s]));
  const walk = (scopeId: number, indent: string): void => {
    for (const node of plan.nodes) {
      if (node.scope !== scopeId || node.op === 'export') continue;
      const s = counters.get(node.id);
      const work = s === undefined ? 0 : s.inLastTick + s.outLastTick;
      const label = `${indent}${nodeLabel(node)}`;
      rows.push([
        work === 0 ? style.dim(label) : label,
        node.span.line === undefined ? '' : String(node.span.line),
        s === undefined ? '' : String(s.inLastTick),
        s === undefined ? '' : String(s.outLastTick),
        s === undefined ? '' : String(s.recordsHeld),
        s === undefined ? '' : String(s.inTotal),
        s === undefined ? '' : String(s.outTotal),
      ]);
      const child = node.op === 'scope' && node.child !== undefined ? scopeOf.get(node.child) : undefined;
      if (child !== undefined) {
        const vars = child.vars.map((v) => `var ${v.name} ← feedback`).join(', ');
        rows.push([
          style.dim(`${indent}    ${child.name}: ${vars === '' ? 'a namespace' : `loop (${vars})`}`),
        ]);
        walk(child.id, `${indent}    `);
      }
    }
  };
  walk(0, '');
  for (const e of plan.nodes.filter((n) => n.op === 'export')) {
    const source = plan.edges.find((x) => x.kind === 'export' && x.to === e.id)?.from ?? '?';
    rows.push([`${nodeLabel(e)} ← ${source}`, e.span.line === undefined ? '' : String(e.span.line)]);
  }
  const total = report.stats.length;
  const header = `── plan of ${report.program} (${report.file}) after epoch ${epoch}: ${busy(report.stats)} of ${total} operators did work in the last tick ──`;
  return [
    style.bold(header),
    ...renderTable(
      {
        header: ['operator', 'line', 'in', 'out', 'held', 'in total', 'out total'],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows,
      },
      style,
    ),
  ];
}
