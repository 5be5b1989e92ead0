/**
 * The plan graph's data, pure: what goes into a layout (`LayoutInput`: each installed
 * program's plan, structure only) and what comes out (`LaidOutGraph`: absolute
 * positions of program and scope boxes, operator nodes and routed edges).
 *
 * Layouts depend on structure alone — never on per-tick work counters — so a tick
 * redraws the numbers on the same picture instead of moving things around; node sizes
 * reserve room for the work line.
 */
import type { PlanJson } from '../../lang/plan-json.js';

/** One program's plan, as the layout needs it. */
export interface LayoutProgram {
  readonly program: string;
  readonly plan: PlanJson;
}

/** The layout's input: every installed program, in install order. */
export interface LayoutInput {
  readonly programs: readonly LayoutProgram[];
}

/** What a drawn node is: a plan operator, a structure node, or a trace from a generated source. */
export type NodeKind = 'operator' | 'enter' | 'leave' | 'source';

/** A drawn node (absolute coordinates, top-left corner). */
export interface LaidOutNode {
  /** `<program>|<plan node id>`, or `source|<trace>` for a generated source. */
  readonly id: string;
  readonly program: string;
  /** The plan node id (`"1.3"`, `"export:name"`), or the trace name of a source. */
  readonly planId: string;
  readonly kind: NodeKind;
  /** The plan's `op` (the `data-operator` vocabulary) or `enter`/`leave`/`source`. */
  readonly op: string;
  /** First line: the operator and its detail. */
  readonly title: string;
  /** The `let`/`var` name, when there is one. */
  readonly name?: string;
  readonly shared: boolean;
  readonly readers: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A program or scope box (absolute coordinates). */
export interface LaidOutBox {
  /** `prog|<program>` or `<program>|<scope node id>`. */
  readonly id: string;
  readonly kind: 'program' | 'scope';
  readonly program: string;
  /** For a scope box: the plan node id of its `scope` item (its work counters). */
  readonly planId?: string;
  readonly label: string;
  /** True for a scope with loop variables. */
  readonly iterates: boolean;
  readonly depth: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How an edge came about (plan edge kinds, plus `import` between programs). */
export type EdgeKind = 'data' | 'enter' | 'leave' | 'feedback' | 'export' | 'import';

/** A routed edge: a polyline in absolute coordinates, with an optional label. */
export interface LaidOutEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly points: readonly (readonly [number, number])[];
  readonly label?: { readonly text: string; readonly x: number; readonly y: number };
}

/** A whole laid-out picture. */
export interface LaidOutGraph {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly LaidOutBox[];
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
  /** How long the layout took (milliseconds, in the worker). */
  readonly ms: number;
}

/** Node metrics shared by the layout (sizes) and the renderer (text placement). */
export const NODE_METRICS = {
  /** Average advance of one character of the 12px monospace label font. */
  charWidth: 7.3,
  paddingX: 8,
  height: 38,
  minChars: 22,
  structureWidth: 56,
  structureHeight: 22,
  boxHeader: 24,
} as const;

/** The id of a node of a program's plan. */
export function graphNodeId(program: string, planId: string): string {
  return `${program}|${planId}`;
}
