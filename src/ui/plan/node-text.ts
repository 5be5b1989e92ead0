/**
 * The words drawn on plan nodes, pure: a node's title (its operator and what
 * distinguishes it — an input's index, a fused map's steps, an inspect's label, a
 * trace's name) and its work line. Kept short: they size the nodes of the layout.
 */
import type { PlanNode } from '../../lang/plan-json.js';
import type { OperatorStats } from '../../engine/api.js';

/** The longest title drawn in full; longer ones end with an ellipsis. */
const MAX_TITLE = 30;

function clip(text: string): string {
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1)}…`;
}

/** A node's one-line title, e.g. `map key | filter`, `inspect "cut"`, `var label`. */
export function nodeTitle(node: PlanNode): string {
  switch (node.op) {
    case 'input':
      return clip(node.text);
    case 'import':
      return clip(`import "${node.label ?? ''}"`);
    case 'export':
      return clip(`export "${node.label ?? ''}"`);
    case 'inspect':
      return clip(`inspect "${node.label ?? ''}"`);
    case 'map':
      return clip(`map ${(node.ops ?? []).join(' | ')}`);
    case 'variable':
      return clip(`var ${node.name ?? ''}`);
    default:
      return node.op;
  }
}

/** The title plus the `let`/`var` name when it adds something, and sharing: `arrange · shared ×2`. */
export function nodeHeadline(node: PlanNode): string {
  const title = nodeTitle(node);
  const named = node.name === undefined || node.op === 'variable' ? title : `${title} · ${node.name}`;
  return node.shared ? `${named} · shared ×${node.readers.length}` : named;
}

/** A node's work in the last tick as drawn: `in 3 · out 2 · held 6`. */
export function workLine(stats: OperatorStats | undefined): string {
  if (stats === undefined) return '';
  return `in ${stats.inLastTick} · out ${stats.outLastTick} · held ${stats.recordsHeld}`;
}

/** The `data-work` of a node: updates in + out in the last tick. */
export function workOf(stats: OperatorStats | undefined): number {
  return stats === undefined ? 0 : stats.inLastTick + stats.outLastTick;
}
