/**
 * Plans → one ELK graph, pure. Every program is a box; inside it the root scope's
 * operators, and every child scope a nested box (the compound node of its `scope` item)
 * holding its own operators, to any depth. Edges: the plan's data / enter / leave /
 * feedback / export edges, plus `import` edges from the exporting program's export node
 * to each importer's import node (a trace from a generated source gets a node of its
 * own). A shared arrangement is one node with an edge to each reader. Every edge is
 * declared in the lowest box containing both ends, as ELK's hierarchical layout wants.
 *
 * `LAYOUT_OPTIONS` asks for a layered, top-down, orthogonally routed layout of the whole
 * hierarchy at once, with coordinates relative to the root (so drawing needs no sums).
 */
import { NODE_METRICS, graphNodeId } from './graph-model.js';
import { nodeHeadline } from './node-text.js';
import type { ElkExtendedEdge, ElkLabel, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { EdgeKind, LayoutInput, LayoutProgram, NodeKind } from './graph-model.js';
import type { PlanJson, PlanNode } from '../../lang/plan-json.js';

/** ELK options of the whole graph. */
export const LAYOUT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '26',
  'elk.spacing.nodeNode': '16',
  'elk.spacing.edgeNode': '10',
  'elk.spacing.edgeEdge': '6',
  'elk.spacing.componentComponent': '24',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

const BOX_PADDING = `[top=${NODE_METRICS.boxHeader + 6},left=10,bottom=10,right=10]`;

/** What the converter remembers about each ELK node, to turn the result back into a picture. */
export interface NodeInfo {
  readonly kind: NodeKind;
  readonly program: string;
  readonly planId: string;
  readonly op: string;
  readonly title: string;
  readonly name?: string;
  readonly shared: boolean;
  readonly readers: number;
}

/** What the converter remembers about each box. */
export interface BoxInfo {
  readonly kind: 'program' | 'scope';
  readonly program: string;
  readonly planId?: string;
  readonly label: string;
  readonly iterates: boolean;
  readonly depth: number;
}

/** What the converter remembers about each edge. */
export interface EdgeInfo {
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  /** True when ELK saw the edge from `to` to `from`. */
  readonly reversed: boolean;
}

/** An ELK graph with the side tables needed to read its layout back. */
export interface ElkModel {
  readonly graph: ElkNode;
  readonly nodes: ReadonlyMap<string, NodeInfo>;
  readonly boxes: ReadonlyMap<string, BoxInfo>;
  readonly edges: ReadonlyMap<string, EdgeInfo>;
}

const ROOT = 'root';

/** The box id of a program. */
export function programBoxId(program: string): string {
  return `prog|${program}`;
}

function nodeSize(node: PlanNode, title: string): { width: number; height: number } {
  if (node.op === 'enter' || node.op === 'leave') {
    return { width: NODE_METRICS.structureWidth, height: NODE_METRICS.structureHeight };
  }
  const chars = Math.max(NODE_METRICS.minChars, title.length);
  return {
    width: Math.ceil(chars * NODE_METRICS.charWidth + 2 * NODE_METRICS.paddingX),
    height: NODE_METRICS.height,
  };
}

function edgeLabel(text: string): ElkLabel {
  return { text, width: text.length * 6.2 + 6, height: 14 };
}

/** Builds the ELK graph of all programs (see the module header). */
export function toElk(input: LayoutInput): ElkModel {
  const nodes = new Map<string, NodeInfo>();
  const boxes = new Map<string, BoxInfo>();
  const edges = new Map<string, EdgeInfo>();
  // Each ELK node id → the id of the box holding it (ROOT for program boxes).
  const parentOf = new Map<string, string>();
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: ROOT, layoutOptions: LAYOUT_OPTIONS, children: [], edges: [] };
  elkNodes.set(ROOT, root);

  const addChild = (container: string, child: ElkNode): void => {
    const parent = elkNodes.get(container);
    if (parent === undefined) return;
    (parent.children ??= []).push(child);
    elkNodes.set(child.id, child);
    parentOf.set(child.id, container);
  };

  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) out.push(at);
    return out;
  };
  const addEdge = (from: string, to: string, kind: EdgeKind, label?: string): void => {
    if (!elkNodes.has(from) || !elkNodes.has(to)) return;
    const above = new Set(chain(to));
    // The lowest box containing both ends (a box never contains itself here: edges
    // only join operators, never a box to its own contents).
    const container = chain(from).find((c) => above.has(c)) ?? ROOT;
    const id = `e${edges.size}`;
    // A feedback edge is handed to ELK reversed (variable → body), which leaves an
    // acyclic graph laid out in dependency order; `fromElk` turns its route around.
    const reversed = kind === 'feedback';
    const edge: ElkExtendedEdge = {
      id,
      sources: [reversed ? to : from],
      targets: [reversed ? from : to],
      ...(label === undefined ? {} : { labels: [edgeLabel(label)] }),
    };
    (elkNodes.get(container)?.edges ?? []).push(edge);
    edges.set(id, { kind, from, to, reversed });
  };

  for (const program of input.programs) addProgram(program);

  // Imports: from the exporting program's export node, or from a generated source.
  const exporters = new Map<string, string>();
  for (const { program, plan } of input.programs) {
    for (const e of plan.exports) exporters.set(e.name, graphNodeId(program, e.node));
  }
  for (const { program, plan } of input.programs) {
    for (const node of plan.nodes) {
      if (node.op !== 'import') continue;
      const trace = node.label ?? '';
      let from = exporters.get(trace);
      if (from === undefined) {
        from = graphNodeId('source', trace);
        if (!elkNodes.has(from)) {
          const title = `source "${trace}"`;
          addChild(ROOT, {
            id: from,
            width: Math.ceil(title.length * NODE_METRICS.charWidth + 16),
            height: NODE_METRICS.height,
          });
          nodes.set(from, {
            kind: 'source',
            program: '',
            planId: trace,
            op: 'source',
            title,
            shared: false,
            readers: 0,
          });
        }
      }
      addEdge(from, graphNodeId(program, node.id), 'import');
    }
  }
  return { graph: root, nodes, boxes, edges };

  function addProgram({ program, plan }: LayoutProgram): void {
    const boxId = programBoxId(program);
    addChild(ROOT, { id: boxId, layoutOptions: { 'elk.padding': BOX_PADDING }, children: [], edges: [] });
    boxes.set(boxId, { kind: 'program', program, label: program, iterates: false, depth: 0 });
    // The box of each scope: the program box for the root, else its `scope` item's node.
    const scopeBox = (scope: number): string => {
      const node = plan.scopes[scope]?.node ?? null;
      return node === null ? boxId : graphNodeId(program, node);
    };
    // Scopes are listed parents first, and a scope's items in dependency order, so the
    // box of a child scope exists before its items are added.
    for (const scope of plan.scopes) {
      for (const node of plan.nodes) {
        if (node.scope !== scope.id) continue;
        addPlanNode(program, plan, node, scopeBox(scope.id));
      }
    }
    for (const edge of plan.edges) {
      addEdge(
        graphNodeId(program, edge.from),
        graphNodeId(program, edge.to),
        edge.kind,
        edge.kind === 'feedback' ? 'feedback' : undefined,
      );
    }
  }

  function addPlanNode(program: string, plan: PlanJson, node: PlanNode, container: string): void {
    const id = graphNodeId(program, node.id);
    if (node.op === 'scope') {
      const child = plan.scopes.find((s) => s.id === node.child);
      addChild(container, { id, layoutOptions: { 'elk.padding': BOX_PADDING }, children: [], edges: [] });
      boxes.set(id, {
        kind: 'scope',
        program,
        planId: node.id,
        label: child?.name ?? node.name ?? 'scope',
        iterates: child?.iterates ?? false,
        depth: child?.depth ?? 1,
      });
      return;
    }
    const title = nodeHeadline(node);
    addChild(container, { id, ...nodeSize(node, title) });
    const kind: NodeKind = node.op === 'enter' || node.op === 'leave' ? node.op : 'operator';
    nodes.set(id, {
      kind,
      program,
      planId: node.id,
      op: node.op,
      title,
      ...(node.name === undefined ? {} : { name: node.name }),
      shared: node.shared,
      readers: node.readers.length,
    });
  }
}
